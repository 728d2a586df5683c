import { beforeEach, describe, expect, it } from 'vitest';
import { createOriginClient } from '../../../src/upstream/client.ts';
import { MAX_REDIRECTS } from '../../../src/upstream/redirects.ts';
import { originFailure, scriptedOrigin } from './scripted-origin.ts';

const main = scriptedOrigin('main');
const elsewhere = scriptedOrigin('elsewhere');
const SECRET = { authorization: 'Bearer secret-token', 'x-tenant': 'acme' };

/** The client as the gateway makes it, counting the requests it says it sent. */
function client() {
  const counted = { calls: 0 };
  return { counted, origin: createOriginClient({ timeoutMs: 1000, onCall: () => counted.calls++ }) };
}

describe('redirects: followed only within the origin, at most 5 times', () => {
  beforeEach(() => elsewhere.script({ 'GET /steal': { body: '{"stolen":true}' }, 'POST /steal': { body: '{"stolen":true}' } }));

  it.each<[string, number, () => string]>([
    ['302 to another origin', 302, () => `${elsewhere.url}/steal`],
    ['307 to another origin', 307, () => `${elsewhere.url}/steal`],
    ['308 to another origin', 308, () => `${elsewhere.url}/steal`],
    ['303 to another origin', 303, () => `${elsewhere.url}/steal`],
    ['301, scheme-relative, to another origin', 301, () => `//${new URL(elsewhere.url).host}/steal`],
    ['302 to the same host and port over https', 302, () => `https://${new URL(main.url).host}/steal`],
  ])('%s: ORIGIN_REDIRECT_REFUSED, and the other origin receives nothing', async (_, status, location) => {
    await main.script({ 'POST /orders': { status, headers: { location: location() } } });
    const { origin, counted } = client();

    const error = await originFailure(origin.request({ method: 'POST', url: `${main.url}/orders`, headers: SECRET, body: { items: [1] } }));

    expect(error.code).toBe('ORIGIN_REDIRECT_REFUSED');
    expect(error.message).not.toMatch(/127\.0\.0\.1|https?:|steal/);
    expect(error.detail).toContain('/steal');
    expect(await elsewhere.requests()).toEqual([]);
    expect((await main.requests()).map((request) => `${request.method} ${request.url}`)).toEqual(['POST /orders']);
    expect(counted.calls).toBe(1);
  });

  it.each<[string, Record<string, string>]>([
    ['no Location', {}],
    ['an invalid Location', { location: 'http://[::1' }],
  ])('a redirect with %s: ORIGIN_REDIRECT_REFUSED, and a GET is not retried', async (_, headers) => {
    await main.script({ 'GET /thing': { status: 302, headers } });
    const error = await originFailure(client().origin.request({ method: 'GET', url: `${main.url}/thing` }));
    expect(error.code).toBe('ORIGIN_REDIRECT_REFUSED');
    expect(await main.requests()).toHaveLength(1);
  });

  it('a loop stops after 5 hops: 6 requests in all, not 63', async () => {
    await main.script({ 'GET /loop': { status: 302, headers: { location: '/loop' } } });
    const { origin, counted } = client();
    const error = await originFailure(origin.request({ method: 'GET', url: `${main.url}/loop` }));
    expect(error.code).toBe('ORIGIN_REDIRECT_REFUSED');
    expect(await main.requests()).toHaveLength(MAX_REDIRECTS + 1);
    expect(counted.calls).toBe(MAX_REDIRECTS + 1);
  });

  it('follows 5 same-origin hops to the answer, keeping the query and the headers', async () => {
    const hops = Object.fromEntries(Array.from({ length: MAX_REDIRECTS }, (_, i) => [`GET /r${i}`, { status: 301, headers: { location: `/r${i + 1}?n=${i + 1}` } }]));
    await main.script({ ...hops, [`GET /r${MAX_REDIRECTS}`]: { body: '{"ok":true}' } });
    const answer = await client().origin.request({ method: 'GET', url: `${main.url}/r0`, headers: SECRET });
    expect(answer.body).toEqual({ ok: true });
    const requests = await main.requests();
    expect(requests.map((request) => request.url)).toEqual(['/r0', '/r1?n=1', '/r2?n=2', '/r3?n=3', '/r4?n=4', '/r5?n=5']);
    expect(requests.every((request) => request.headers.authorization === SECRET.authorization && request.headers['x-tenant'] === 'acme')).toBe(true);
  });

  it.each([301, 302, 303])('%i after a POST: the next request is a GET without the body or its Content-Type', async (status) => {
    await main.script({ 'POST /orders': { status, headers: { location: '/orders/9' } }, 'GET /orders/9': { body: '{"id":"9"}' } });
    const answer = await client().origin.request({ method: 'POST', url: `${main.url}/orders`, headers: SECRET, body: { items: [1] } });
    expect(answer.body).toEqual({ id: '9' });
    const [post, get] = await main.requests();
    expect(post).toMatchObject({ method: 'POST', body: '{"items":[1]}', headers: { 'content-type': 'application/json' } });
    expect(get).toMatchObject({ method: 'GET', url: '/orders/9', body: '', headers: { authorization: SECRET.authorization } });
    expect(get?.headers['content-type']).toBeUndefined();
  });

  it('303 after a PUT is a GET too; 301 and 302 after a PUT keep it', async () => {
    await main.script({
      'PUT /a': { status: 303, headers: { location: '/done' } },
      'PUT /b': { status: 302, headers: { location: '/b2' } },
      'PUT /b2': { body: '{"b":2}' },
      'GET /done': { body: '{"done":true}' },
    });
    const { origin } = client();
    expect((await origin.request({ method: 'PUT', url: `${main.url}/a`, body: { n: 1 } })).body).toEqual({ done: true });
    expect((await origin.request({ method: 'PUT', url: `${main.url}/b`, body: { n: 2 } })).body).toEqual({ b: 2 });
    expect((await main.requests()).map((request) => `${request.method} ${request.url} ${request.body}`)).toEqual([
      'PUT /a {"n":1}',
      'GET /done ',
      'PUT /b {"n":2}',
      'PUT /b2 {"n":2}',
    ]);
  });

  it.each([307, 308])('%i keeps the method, the body and its headers, within the origin', async (status) => {
    await main.script({ 'POST /orders': { status, headers: { location: `${main.url}/v2/orders` } }, 'POST /v2/orders': { status: 201, body: '{"id":"10"}' } });
    const answer = await client().origin.request({ method: 'POST', url: `${main.url}/orders`, headers: SECRET, body: { items: [2] } });
    expect(answer.body).toEqual({ id: '10' });
    const [, moved] = await main.requests();
    expect(moved).toMatchObject({ method: 'POST', url: '/v2/orders', body: '{"items":[2]}', headers: { 'content-type': 'application/json', authorization: SECRET.authorization } });
  });
});

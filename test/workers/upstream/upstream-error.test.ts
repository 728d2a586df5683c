import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createOriginClient } from '../../../src/upstream/client.ts';
import { isNotFound, UpstreamError } from '../../../src/upstream/upstream-error.ts';
import { scriptedOrigin } from './scripted-origin.ts';

const main = scriptedOrigin('main');
const origin = createOriginClient({ timeoutMs: 1000, retries: 0 });

/** The error a call fails with, whatever it is. */
async function failure(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    (answer) => expect.fail(`expected a failure, got ${JSON.stringify(answer)}`),
    (error: unknown) => error,
  );
}

describe('the upstream stage fails with a transport error, not a GraphQL one', () => {
  it('a status: the call, the status, the parsed body, and the log line as its message', async () => {
    await main.script({ 'POST /api/orders': { status: 503, reason: 'Service Unavailable', body: '{"error":{"message":"db at 10.0.0.5 is down"}}' } });
    const error = await failure(origin.request({ method: 'POST', url: `${main.url}/api/orders`, headers: { authorization: 'Bearer secret' }, body: {} }));

    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).not.toBeInstanceOf(GraphQLError);
    const upstream = error as UpstreamError;
    expect(upstream).toMatchObject({ kind: 'status', status: 503, data: { error: { message: 'db at 10.0.0.5 is down' } }, retryAfter: undefined });
    // Method and URL only: the caller's headers and body are not kept.
    expect(upstream.request).toEqual({ method: 'POST', url: `${main.url}/api/orders` });
    expect(upstream.message).toBe(`[POST] "${main.url}/api/orders": 503 Service Unavailable`);
    expect(upstream).not.toHaveProperty('extensions');
  });

  it('an error body that is not JSON is kept as its text', async () => {
    await main.script({ 'GET /api/thing': { status: 500, body: 'upstream exploded' } });
    expect(await failure(origin.request({ method: 'GET', url: `${main.url}/api/thing` }))).toMatchObject({ kind: 'status', status: 500, data: 'upstream exploded' });
  });

  it('a 429: its Retry-After, in seconds', async () => {
    await main.script({ 'GET /api/thing': { status: 429, headers: { 'retry-after': '7' } } });
    expect(await failure(origin.request({ method: 'GET', url: `${main.url}/api/thing` }))).toMatchObject({ kind: 'status', status: 429, retryAfter: 7 });
  });

  it('a 2xx that is not JSON: not-json, the parser\'s error as its cause', async () => {
    await main.script({ 'GET /api/thing': { body: '{"truncated":' } });
    const error = (await failure(origin.request({ method: 'GET', url: `${main.url}/api/thing` }))) as UpstreamError;
    expect(error).toMatchObject({ kind: 'not-json', status: 200 });
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('no answer: network, without a status, the fetch error as its cause', async () => {
    const error = (await failure(origin.request({ method: 'GET', url: 'http://127.0.0.1:1/api/thing' }))) as UpstreamError;
    expect(error).toMatchObject({ kind: 'network', status: undefined, data: undefined });
    expect(error.cause).toBeInstanceOf(Error);
  });

  it("keeps a connector's request as its method and URL alone: not its headers nor its body", () => {
    const request = { method: 'POST', url: 'http://origin/api/batch', headers: { authorization: 'Bearer secret' }, body: '{"ids":[1]}' };
    expect(new UpstreamError('unexpected-shape', request, 'no list').request).toEqual({ method: 'POST', url: 'http://origin/api/batch' });
  });

  it('isNotFound: an answered 404 only, not another failure that came with one', () => {
    const call = { method: 'GET', url: 'http://origin/api/orders/1' };
    expect(isNotFound(new UpstreamError('status', call, '404 Not Found', { status: 404 }))).toBe(true);
    expect(isNotFound(new UpstreamError('too-deep', call, '404, JSON nested deeper than 512 levels', { status: 404 }))).toBe(false);
    expect(isNotFound(new UpstreamError('status', call, '410 Gone', { status: 410 }))).toBe(false);
    expect(isNotFound(new Error('404'))).toBe(false);
  });
});

import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { it } from 'vitest';
import worker from '../../src/index.ts';
import { origin, resetAll } from '../helpers.ts';

const persisted = { ...env, PERSISTED_ONLY: 'true' };
const prod = { ...env, ENVIRONMENT: 'production' };
async function send(e: Env | null, path: string, init: RequestInit) {
  await origin.resetCounters();
  let r: Response;
  if (e) {
    const ctx = createExecutionContext();
    r = await worker.fetch(new Request(`http://gateway.test${path}`, init) as Request<unknown, IncomingRequestCfProperties>, e, ctx);
    await waitOnExecutionContext(ctx);
  } else r = await exports.default.fetch(`http://gateway.test${path}`, init);
  const text = await r.text();
  return { status: r.status, xcache: r.headers.get('x-cache'), calls: (await origin.stats()).total, text: text.slice(0, 300) };
}
const J = { 'content-type': 'application/json', accept: 'application/json' };
const q = (p: Record<string, string>) => `/graphql?${new URLSearchParams(p)}`;
const deep = '{ __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }';
it('scratch', async () => {
  await resetAll();
  const cases: [string, Env | null, string, RequestInit][] = [
    ['deep introspection dev', null, '/graphql', { method: 'POST', headers: J, body: JSON.stringify({ query: deep }) }],
    ['deep introspection prod', prod, '/graphql', { method: 'POST', headers: J, body: JSON.stringify({ query: deep }) }],
    ['PO raw+bad hash', persisted, '/graphql', { method: 'POST', headers: J, body: JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } }) }],
    ['PO application/graphql', persisted, '/graphql', { method: 'POST', headers: { 'content-type': 'application/graphql', accept: 'application/json' }, body: '{ __typename }' }],
    ['PO GET bad documentId', persisted, q({ query: '{ __typename }', documentId: 'nope' }), { headers: { 'x-graphql-csrf': '1', accept: 'application/json' } }],
    ['PO GET raw', persisted, q({ query: '{ __typename }' }), { headers: { 'x-graphql-csrf': '1', accept: 'application/json' } }],
    ['PO multipart', persisted, '/graphql', { method: 'POST', headers: { 'x-graphql-csrf': '1', accept: 'application/json' }, body: (() => { const f = new FormData(); f.set('operations', JSON.stringify({ query: '{ __typename }' })); f.set('map', '{}'); return f; })() }],
    ['PO form', persisted, '/graphql', { method: 'POST', headers: { 'x-graphql-csrf': '1', accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' }, body: 'query=%7B__typename%7D' }],
    ['long app/graphql', null, '/graphql', { method: 'POST', headers: { 'content-type': 'application/graphql', accept: 'application/json' }, body: `{ __typename }${' '.repeat(20000)}` }],
    ['long bad hash', null, '/graphql', { method: 'POST', headers: J, body: JSON.stringify({ query: `{ __typename }${' '.repeat(20000)}`, extensions: { persistedQuery: { sha256Hash: 'x' } } }) }],
    ['GET bad vars', null, q({ query: '{ __typename }', variables: '{bad' }), { headers: { 'x-graphql-csrf': '1', accept: 'application/json' } }],
    ['GET bad vars products', null, q({ query: 'query($first: Int = 1) { products(first: $first) { totalCount } }', variables: '{bad' }), { headers: { 'x-graphql-csrf': '1', accept: 'application/json' } }],
    ['viewer huge auth', null, '/graphql', { method: 'POST', headers: { ...J, authorization: `Bearer ${'x'.repeat(20480)}` }, body: JSON.stringify({ query: '{ viewer { id } }' }) }],
    ['text/plain with csrf', null, '/graphql', { method: 'POST', headers: { 'content-type': 'text/plain', 'x-graphql-csrf': '1', accept: 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) }],
    ['form with csrf', null, '/graphql', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-graphql-csrf': '1', accept: 'application/json' }, body: 'query=%7B__typename%7D' }],
    ['no-ctype with csrf', null, '/graphql', { method: 'POST', headers: { 'apollo-require-preflight': 'true', accept: 'application/json' }, body: new TextEncoder().encode(JSON.stringify({ query: '{ __typename }' })) }],
    ['prod bad json', prod, '/graphql', { method: 'POST', headers: J, body: '{"query":' }],
    ['prod __type', prod, '/graphql', { method: 'POST', headers: J, body: JSON.stringify({ query: '{ __type(name: "Product") { name } }' }) }],
    ['prod __schema', prod, '/graphql', { method: 'POST', headers: J, body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }) }],
    ['prod typo', prod, '/graphql', { method: 'POST', headers: J, body: JSON.stringify({ query: '{ prodct(id: "1") { id } }' }) }],
    ['prod typename', prod, '/graphql', { method: 'POST', headers: J, body: JSON.stringify({ query: '{ __typename }' }) }],
    ['HEAD', null, q({ query: '{ __typename }' }), { method: 'HEAD', headers: { 'x-graphql-csrf': '1' } }],
    ['content-length lie', null, '/graphql', { method: 'POST', headers: { ...J, 'content-length': '999999999' }, body: JSON.stringify({ query: '{ __typename }' }) }],
  ];
  for (const [name, e, path, init] of cases) {
    try { console.log('RES', JSON.stringify({ name, ...(await send(e, path, init)) })); } catch (err) { console.log('RES', JSON.stringify({ name, threw: String(err) })); }
  }
});

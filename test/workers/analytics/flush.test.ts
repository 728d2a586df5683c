import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { WindowRead } from '../../../src/analytics/analytics.ts';
import { createReader } from '../../../src/analytics/reader.ts';
import { REQUEST_STATES, type RequestState } from '../../../src/analytics/snapshot.ts';
import { fetchWorker, origin } from '../helpers.ts';

const SHARDS = 3;
/** The gateway with the tests' short flush: `fetchWorker` waits for its waitUntil, so each request's flush has landed when it returns. */
const vars = { ...env, ANALYTICS_SHARDS: String(SHARDS) } as Env;
const off = { ...vars, ANALYTICS_ENABLED: 'false' } as Env;
const reader = createReader(env.ANALYTICS_STORE, SHARDS);

function post(target: Env, body: string): Promise<Response> {
  return fetchWorker(target, '/graphql', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body });
}
const PRODUCT = `query Product($id: ID!) { product(id: $id) { sku name } }`;
const product = (id: number) => JSON.stringify({ query: PRODUCT, variables: { id: String(id) }, operationName: 'Product' });
const sha256 = async (text: string) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))].map((byte) => byte.toString(16).padStart(2, '0')).join('');

/** What `read` counted between two reads, by request state. */
function counted(before: WindowRead, after: WindowRead): Record<RequestState, number> {
  return Object.fromEntries(REQUEST_STATES.map((state) => [state, after.summary.requests[state] - before.summary.requests[state]])) as Record<RequestState, number>;
}
const pointSum = (read: WindowRead) => read.points.reduce((sum, point) => sum + REQUEST_STATES.reduce((all, state) => all + point.requests[state], 0), 0);

describe('analytics through the Worker: every request counted once, flushed to the objects', () => {
  it('N requests through the gateway: read("15m") counts each under its x-cache state, and the origin calls the origin saw', async () => {
    await origin.resetCounters();
    const before = await reader.read('15m');
    const expected: Record<string, number> = { HIT: 0, STALE: 0, MISS: 0, BYPASS: 0, REFUSED: 0 };
    for (let i = 0; i < 12; i++) {
      const response = await post(vars, product(2000 + (i % 4)));
      expected[response.headers.get('x-cache')!]!++;
      await response.arrayBuffer();
    }
    const refused = await post(vars, '{not json');
    expect(refused.status).toBe(400);
    expected.REFUSED!++;

    const after = await reader.read('15m');
    expect(counted(before, after)).toEqual(expected);
    expect(expected.MISS).toBeGreaterThan(0);
    expect(expected.HIT).toBeGreaterThan(0);
    expect(pointSum(after) - pointSum(before)).toBe(13);
    // By name and document hash: the query's SHA-256.
    const operation = `Product ${await sha256(PRODUCT)}`;
    expect(after.summary.operations[operation]!.count - (before.summary.operations[operation]?.count ?? 0)).toBe(12);
    const { total } = await origin.stats();
    expect(after.summary.originCalls - before.summary.originCalls).toBe(total);
    const calls = (read: WindowRead) => Object.values(read.summary.connectors).reduce((sum, stats) => sum + stats.fieldStates.miss, 0);
    expect(calls(after) - calls(before)).toBe(total);
    // The lifetime totals saw the same.
    expect((await reader.totals()).requests.MISS).toBeGreaterThanOrEqual(expected.MISS!);
  });

  it("counts the codes of the errors in the result Yoga answered with, and the refusals' codes", async () => {
    const before = await reader.read('15m');
    const invalid = await post(vars, JSON.stringify({ query: '{ noSuchField }' }));
    expect(((await invalid.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    await (await post(vars, '{not json')).arrayBuffer();
    const after = await reader.read('15m');
    const added = (code: string) => (after.summary.errors[code] ?? 0) - (before.summary.errors[code] ?? 0);
    expect(added('GRAPHQL_VALIDATION_FAILED')).toBe(1);
    expect(added('BAD_REQUEST')).toBe(1);
    const operation = `(anonymous) ${await sha256('{ noSuchField }')}`;
    expect(after.summary.operations[operation]!.errors - (before.summary.operations[operation]?.errors ?? 0)).toBe(1);
  });

  it('ANALYTICS_ENABLED=false records nothing', async () => {
    const before = await reader.totals();
    await (await post(off, product(2100))).arrayBuffer();
    expect(await reader.totals()).toEqual(before);
  });
});

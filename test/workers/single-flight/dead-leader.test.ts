import { abortAllDurableObjects } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { concurrently, errorCodes, gql, origin, resetAll, sleep, until } from '../helpers.ts';

// The test bindings: CACHE_LOCK_TIMEOUT_MS 1500, CACHE_LOCK_LEASE_MS 3000.
const LEASE_MS = 3000;

/** The key a query is cached under, learnt from a request that stores nothing (the origin fails it). */
async function keyOf(query: string): Promise<string> {
  await origin.fault({ mode: 'error' });
  const probe = await gql(query);
  await origin.fault({ mode: 'none' });
  await origin.resetCounters();
  const key = probe.headers.get('x-cache-key');
  if (!key) throw new Error('no x-cache-key');
  return key;
}

describe('the lease: a dead or hung leader costs at most one more origin call per lease period', () => {
  beforeEach(() => resetAll());

  it('waiters on a dead leader get ORIGIN_BUSY with Retry-After, not an origin call; after the lease one waiter takes over', async () => {
    const query = '{ product(id: "13") { id name } }';
    const key = await keyOf(query);
    // A leader takes the lease and dies without a word.
    const taken = Date.now();
    const dead = await env.RESPONSE_CACHE.getByName(key).lookup({ leaseMs: LEASE_MS, waitMs: 10 });
    expect(dead.status).toBe('lead');

    const refused = await concurrently(20, () => gql(query));
    expect(refused.map((answer) => answer.status)).toEqual(Array(20).fill(503));
    expect(refused.every((answer) => errorCodes(answer.body).join() === 'ORIGIN_BUSY')).toBe(true);
    expect(refused.every((answer) => Number(answer.headers.get('retry-after')) > 0)).toBe(true);
    expect((await origin.stats()).total).toBe(0);

    // These wait past the lease's end: one of them takes it over, the rest get its answer.
    await sleep(Math.max(0, taken + LEASE_MS - 1000 - Date.now()));
    const served = await concurrently(20, () => gql<{ product: { id: string } }>(query));
    expect(served.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    expect(served.every((answer) => answer.body.data?.product.id === '13')).toBe(true);
    expect((await origin.stats()).total).toBe(1);
  }, 20_000);

  it('a leader whose cache object is aborted mid-flight still stores its answer; its waiters degrade, none calls the origin', async () => {
    const query = '{ product(id: "14") { id name } }';
    await origin.fault({ mode: 'slow', latencyMs: 500 });
    const pending = concurrently(10, () => gql(query));
    await until(async () => (await origin.stats()).total === 1);
    await abortAllDurableObjects();
    const answers = await pending;

    expect((await origin.stats()).total).toBe(1);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(1);
    for (const answer of answers) {
      if (answer.status === 200) expect(answer.body.data).toEqual({ product: { id: '14', name: expect.any(String) } });
      else expect(errorCodes(answer.body)).toEqual(['ORIGIN_BUSY']);
    }

    await origin.fault({ mode: 'none' });
    const after = await gql(query);
    expect(after.headers.get('x-cache')).toBe('HIT');
    expect((await origin.stats()).total).toBe(1);
  });
});

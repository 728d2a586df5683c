import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CacheStats } from '../../../src/shared/cache-stats.ts';
import { fetchWorker, origin, PURGE_TOKEN, resetAll, sleep } from '../helpers.ts';

/**
 * Each env is an isolate of its own to the Worker (its own memory tier and
 * counters), and every one of them shares this location's Cache API and the
 * keys' Durable Objects: isolates of one location, as in production.
 */
const isolateOfThisLocation = (locationTtlMs: number): Env => ({ ...env, CACHE_LOCATION_TTL_MS: String(locationTtlMs) });

async function query(isolate: Env, id: string): Promise<{ cache: string | null; body: string }> {
  const response = await fetchWorker(isolate, '/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ product(id: "${id}") { id name } }` }),
  });
  return { cache: response.headers.get('x-cache'), body: await response.text() };
}

async function stats(isolate: Env): Promise<CacheStats> {
  return (await (await fetchWorker(isolate, '/admin/stats', { headers: { authorization: `Bearer ${PURGE_TOKEN}` } })).json()) as CacheStats;
}

describe('the location tier (CACHE_LOCATION_TTL_MS)', () => {
  beforeEach(() => resetAll());

  it("another isolate of the location gets the entry from the location tier, without asking the key's object", async () => {
    const [first, second] = [isolateOfThisLocation(5000), isolateOfThisLocation(5000)];
    const filled = await query(first, '31');
    const nearby = await query(second, '31');

    expect([filled.cache, nearby.cache]).toEqual(['MISS', 'HIT']);
    expect(nearby.body).toBe(filled.body);
    const { objectLookups, locationHits } = await stats(second);
    expect({ objectLookups, locationHits }).toEqual({ objectLookups: 0, locationHits: 1 });
    expect((await origin.stats()).total).toBe(1);
  });

  it("a purge empties its own location's copies: the next isolate asks the key's object and sees it", async () => {
    const [first, second] = [isolateOfThisLocation(5000), isolateOfThisLocation(5000)];
    await query(first, '32');
    const purged = await fetchWorker(first, '/admin/purge', {
      method: 'POST',
      headers: { authorization: `Bearer ${PURGE_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ entities: ['Product:32'] }),
    });
    expect(purged.status).toBe(200);

    expect((await query(second, '32')).cache).toBe('MISS');
    const { objectLookups, locationHits } = await stats(second);
    expect({ objectLookups, locationHits }).toEqual({ objectLookups: 1, locationHits: 0 });
    expect((await origin.stats()).routes).toEqual({ 'GET /api/products': 2 });
  });

  it('a copy confirmed longer than CACHE_LOCATION_TTL_MS ago is not used', async () => {
    const [first, second] = [isolateOfThisLocation(200), isolateOfThisLocation(200)];
    await query(first, '33');
    await sleep(300);

    expect((await query(second, '33')).cache).toBe('HIT');
    const { objectLookups, locationHits } = await stats(second);
    expect({ objectLookups, locationHits }).toEqual({ objectLookups: 1, locationHits: 0 });
  });
});

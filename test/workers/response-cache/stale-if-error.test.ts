import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CacheEntry } from '../../../src/single-flight/entry.ts';
import type { OriginFaultMode } from '../../../simulator/types.ts';
import { admin, concurrently, gql, origin, resetAll, until } from '../helpers.ts';

// Product: maxAge 300, staleIfError 86400, no stale-while-revalidate.
const QUERY = '{ product(id: "15") { id sku name } }';
type Answer = { product: { id: string; sku: string; name: string } };

describe('stale-if-error: a failing origin never costs a good entry, and users get the stale answer', () => {
  beforeEach(() => resetAll());
  afterEach(() => origin.fault({ mode: 'none' }));

  it.each<OriginFaultMode>(['error', 'down', 'hang', 'malformed'])(
    'origin %s: a soft-purged entry is served STALE with the old data, and the failed refresh stores nothing',
    async (mode) => {
      const good = await gql<Answer>(QUERY);
      expect(good.headers.get('x-cache')).toBe('MISS');
      await admin('purge', { entities: ['Product:15'], soft: true });
      await origin.fault({ mode });

      const during = await concurrently(20, () => gql<Answer>(QUERY));
      expect(during.map((answer) => answer.headers.get('x-cache'))).toEqual(Array(20).fill('STALE'));
      expect(during.every((answer) => JSON.stringify(answer.body) === JSON.stringify(good.body))).toBe(true);

      // Let the one refresh fail (a hang takes ORIGIN_TIMEOUT_MS), then recover.
      await until(async () => (await origin.stats()).total >= 1);
      await origin.fault({ mode: 'none' });
      await until(async () => (await gql(QUERY)).headers.get('x-cache') === 'HIT');
      expect((await gql<Answer>(QUERY)).body).toEqual(good.body);
    },
    15_000,
  );

  it('past its stale windows but inside staleIfError, a failing origin gets the old entry STALE instead of an error', async () => {
    // A key no earlier test stored or purged: a purge refuses entries read before it.
    const query = '{ product(id: "16") { id sku name } }';
    await origin.fault({ mode: 'error' });
    const probe = await gql(query);
    const key = probe.headers.get('x-cache-key')!;
    // An entry read 400 s ago: past maxAge 300 (and no stale-while-revalidate), inside staleIfError.
    const stub = env.RESPONSE_CACHE.getByName(key);
    const grant = await stub.lookup({ leaseMs: 1000, waitMs: 10 });
    if (grant.status !== 'lead') throw new Error(`expected a lease, got ${grant.status}`);
    const old: CacheEntry = {
      body: JSON.stringify({ data: { product: { id: '16', sku: 'OLD', name: 'from the old entry' } } }),
      etag: '"old"',
      createdAt: Date.now() - 400_000,
      policy: { maxAge: 300, staleWhileRevalidate: 0, staleIfError: 86400, scope: 'PUBLIC' },
      entities: ['Product:16'],
    };
    await stub.store(grant.lease, old);

    const answer = await gql<Answer>(query);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-cache')).toBe('STALE');
    expect(answer.body.data?.product.sku).toBe('OLD');

    await origin.fault({ mode: 'none' });
    const fresh = await gql<Answer>(query);
    expect(fresh.headers.get('x-cache')).toBe('MISS');
    expect(fresh.body.data?.product.sku).toMatch(/^SKU-/);
  });

  it('never caches an answer with errors: the next request after recovery goes to the origin', async () => {
    await origin.fault({ mode: 'error' });
    const failed = await gql(QUERY);
    expect(failed.headers.get('cache-control')).toBe('no-store');
    await origin.fault({ mode: 'none' });
    await origin.resetCounters();

    const next = await gql<Answer>(QUERY);
    expect(next.headers.get('x-cache')).toBe('MISS');
    expect(next.body.data?.product.id).toBe('15');
    expect((await origin.stats()).total).toBe(1);
  });
});

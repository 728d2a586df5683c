import { beforeEach, describe, expect, it } from 'vitest';
import { gateway } from './gateway.ts';

const PRODUCT = '{ product(id: "1") { id name } }';
const WITH_INVENTORY = '{ product(id: "1") { id inventory { available } } }';
const PUBLIC_PRODUCT_POLICY = 'public, max-age=300, stale-if-error=86400';

/** The response cache's headers and its one-call-per-key promise, on the production build in production settings. */
describe('the response cache over HTTP', () => {
  const target = gateway('production');
  beforeEach(() => target.reset());

  it('a public query: MISS then HIT, with Age, the policy, a stable ETag and its key', async () => {
    const miss = await target.query(PRODUCT);
    const hit = await target.query(PRODUCT);
    expect([miss.headers.get('x-cache'), hit.headers.get('x-cache')]).toEqual(['MISS', 'HIT']);
    for (const { headers } of [miss, hit]) {
      expect(headers.get('cache-control')).toBe(PUBLIC_PRODUCT_POLICY);
      expect(headers.get('age')).toMatch(/^\d+$/);
      expect(headers.get('x-cache-key')).toMatch(/^\S{16,}$/);
      expect(headers.get('access-control-allow-origin')).toBe('*');
    }
    expect(hit.headers.get('etag')).toMatch(/^"[^"]+"$/);
    expect(hit.headers.get('etag')).toBe(miss.headers.get('etag'));
    expect(hit.body).toEqual(miss.body);
    expect((await target.origin.stats()).total).toBe(1);
  });

  it('If-None-Match with the ETag: 304, no body, the same validators', async () => {
    const first = await target.query(PRODUCT);
    const etag = first.headers.get('etag') ?? '';
    const conditional = await target.query(PRODUCT, undefined, { 'if-none-match': `"other", ${etag}` });
    expect(conditional.status).toBe(304);
    expect(conditional.text).toBe('');
    expect(conditional.headers.get('etag')).toBe(etag);
    expect(conditional.headers.get('cache-control')).toBe(PUBLIC_PRODUCT_POLICY);
  });

  it('the tighter policy of inventory, private data per token, and no-store for a mutation', async () => {
    const stock = await target.query(WITH_INVENTORY);
    expect(stock.headers.get('cache-control')).toBe('public, max-age=5, stale-while-revalidate=60, stale-if-error=86400');

    const viewer = '{ viewer { id } }';
    const mine = await target.query(viewer, undefined, { authorization: 'Bearer token-u1' });
    expect(mine.headers.get('cache-control')).toBe('private, max-age=30');
    expect((await target.query(viewer, undefined, { authorization: 'Bearer token-u1' })).headers.get('x-cache')).toBe('HIT');
    const theirs = await target.query(viewer, undefined, { authorization: 'Bearer token-u2' });
    expect(theirs.headers.get('x-cache')).toBe('MISS');
    expect(theirs.body).toEqual({ data: { viewer: { id: 'u2' } } });

    const write = await target.query('mutation { setInventory(sku: "SKU-00001", available: 7) { available } }', undefined, {
      authorization: 'Bearer token-admin',
    });
    expect(write.body).toEqual({ data: { setInventory: { available: 7 } } });
    expect([write.headers.get('x-cache'), write.headers.get('cache-control')]).toEqual(['BYPASS', 'no-store']);
    expect((await target.query(WITH_INVENTORY)).body).toEqual({ data: { product: { id: '1', inventory: { available: 7 } } } });
  });

  it('200 concurrent identical cold requests: 1 origin call, 200 identical answers', async () => {
    // Slow enough that every request arrives while the leader is still at the origin.
    await target.origin.fault({ mode: 'slow', latencyMs: 300 });
    const answers = await Promise.all(Array.from({ length: 200 }, () => target.query('{ product(id: "11") { id name } }')));
    await target.origin.fault({ mode: 'none' });

    expect((await target.origin.stats()).routes).toEqual({ 'GET /api/products': 1 });
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    expect(answers[0]?.body).toEqual({ data: { product: { id: '11', name: expect.any(String) } } });
  });

  it('50 concurrent identical requests after a purge: 1 lookup of the key\'s object from the isolate, 1 origin call, 50 identical answers', async () => {
    const query = '{ product(id: "12") { id name } }';
    expect((await target.query(query)).status).toBe(200);
    await target.reset();
    await target.origin.fault({ mode: 'slow', latencyMs: 300 });
    const before = (await target.stats()).objectLookups;
    const answers = await Promise.all(Array.from({ length: 50 }, () => target.query(query)));
    await target.origin.fault({ mode: 'none' });

    // The other 49 waited in the isolate for the one lookup, each settled by it, rather than each asking the key's object.
    expect((await target.stats()).objectLookups - before).toBe(1);
    expect((await target.origin.stats()).routes).toEqual({ 'GET /api/products': 1 });
    expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(200));
    expect(answers.map((answer) => answer.headers.get('x-cache'))).toEqual(Array(50).fill('MISS'));
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
  });
});

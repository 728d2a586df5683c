import { beforeEach, describe, expect, it } from 'vitest';
import { concurrently, gql, origin, resetAll, sleep } from '../helpers.ts';

const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => String(from + i));
const BY_IDS = 'query($ids: [ID!]!) { productsByIds(ids: $ids) { id name } }';

/** The per-field cache under the connectors: what responses whose keys differ still share. */
describe('per-field caching of connector calls', () => {
  beforeEach(() => resetAll());

  it('overlapping batches share their items: only the keys not cached are asked again', async () => {
    await gql(BY_IDS, { variables: { ids: ids(1, 30) } });
    expect((await origin.stats()).routes).toEqual({ 'GET /api/products': 1 });
    // 1..50 overlaps 1..30: one more call, for 31..50 only ...
    const wider = await gql<{ productsByIds: { id: string }[] }>(BY_IDS, { variables: { ids: ids(1, 50) } });
    expect(wider.body.data?.productsByIds.map((p) => p.id)).toEqual(ids(1, 50));
    expect((await origin.stats()).routes).toEqual({ 'GET /api/products': 2 });
    // ... after which every one of the 50 is cached on its own: other lists of them ask nothing.
    await gql('query($ids: [ID!]!) { productsByIds(ids: $ids) { sku } }', { variables: { ids: ids(31, 20) } });
    await gql('query($ids: [ID!]!) { productsByIds(ids: $ids) { category } }', { variables: { ids: ids(5, 40) } });
    expect((await origin.stats()).routes).toEqual({ 'GET /api/products': 2 });
  });

  it('200 concurrent cold requests whose response keys differ but share one field: 1 origin call for that field', async () => {
    const answers = await concurrently(200, (i) => gql<{ product: { name: string } }>(`{ product(id: "23") { name } n${i}: product(id: "23") { id } }`));
    expect(new Set(answers.map((answer) => answer.headers.get('x-cache-key'))).size).toBe(200);
    expect(new Set(answers.map((answer) => answer.body.data?.product.name)).size).toBe(1);
    expect((await origin.stats()).routes).toEqual({ 'GET /api/products': 1 });
  });

  it('an expired field under load: every answer is served at once from the stale value, and 1 call refreshes it', async () => {
    const query = (i: number) => `{ product(id: "24") { sku inventory { available } } i${i}: product(id: "24") { id } }`;
    const first = await gql<{ product: { sku: string; inventory: { available: number } } }>(query(0));
    const { sku, inventory } = first.body.data!.product;
    await origin.setInventory(sku, inventory.available + 11);
    // Inventory's maxAge is 5 s, with 60 s of staleWhileRevalidate; Product's 300 s.
    await sleep(5200);
    await origin.resetCounters();
    // The refresh is slow (the test bindings time a call out after 1 s): an answer that waited for it would show the new stock.
    await origin.fault({ mode: 'slow', latencyMs: 500 });
    const answers = await concurrently(100, (i) => gql<{ product: { inventory: { available: number } } }>(query(i + 1)));
    expect(answers.every((answer) => answer.body.data?.product.inventory.available === inventory.available)).toBe(true);
    await sleep(1000);
    expect((await origin.stats()).routes).toEqual({ 'GET /api/inventory': 1 });
    await origin.fault({ mode: 'none' });
    const after = await gql<{ product: { inventory: { available: number } } }>(query(500));
    expect(after.body.data?.product.inventory.available).toBe(inventory.available + 11);
  }, 15_000);
});

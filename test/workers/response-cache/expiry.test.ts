import { beforeEach, describe, expect, it } from 'vitest';
import { concurrently, gql, origin, resetAll, sleep, until } from '../helpers.ts';

// Inventory: maxAge 5, staleWhileRevalidate 60. Product: maxAge 300.
const QUERY = '{ product(id: "12") { sku inventory { available } } }';
type Answer = { product: { sku: string; inventory: { available: number } } };

describe('expiry: stale-while-revalidate with exactly one revalidation', () => {
  beforeEach(() => resetAll());

  it('after maxAge, 200 concurrent requests are all answered STALE at once, one origin call refreshes, then HIT', async () => {
    const first = await gql<Answer>(QUERY);
    const { sku, inventory } = first.body.data!.product;
    expect(first.headers.get('x-cache')).toBe('MISS');

    await origin.setInventory(sku, inventory.available + 7);
    await sleep(5200);
    await origin.resetCounters();
    // The refresh will be slow (yet within ORIGIN_TIMEOUT_MS): every STALE answer must come back before it does.
    await origin.fault({ mode: 'slow', latencyMs: 700 });

    const answers = await concurrently(200, () => gql<Answer>(QUERY));
    expect(answers.map((answer) => answer.headers.get('x-cache'))).toEqual(Array(200).fill('STALE'));
    expect(answers.every((answer) => answer.body.data?.product.inventory.available === inventory.available)).toBe(true);

    // All 200 were answered before the single refresh even finished at the origin.
    await until(async () => (await origin.stats()).total > 0);
    const during = await origin.stats();
    expect(during.total).toBe(1);
    expect(during.inFlight).toBe(1);

    await until(async () => (await origin.stats()).inFlight === 0);
    await sleep(100);
    const after = await gql<Answer>(QUERY);
    expect(after.headers.get('x-cache')).toBe('HIT');
    expect(after.body.data?.product.inventory.available).toBe(inventory.available + 7);
    // Only what expired was refetched: the product is still fresh in the entity cache.
    expect((await origin.stats()).routes).toEqual({ 'GET /api/inventory': 1 });
  }, 20_000);
});

import { beforeEach, describe, expect, it } from 'vitest';
import { admin, concurrently, gql, origin, resetAll } from '../helpers.ts';

/** The field cache's entity records (`Product:17`), filled by the entity loaders: what queries over one entity share, and what purging one refetches. */
describe('the field cache\'s entity records', () => {
  beforeEach(() => resetAll());

  it('two different queries over the same product share one origin fetch of it', async () => {
    const a = await gql('{ product(id: "17") { name } }');
    const b = await gql('{ product(id: "17") { price { amount currency } category } }');
    expect(a.headers.get('x-cache')).toBe('MISS');
    expect(b.headers.get('x-cache')).toBe('MISS');
    expect((await origin.stats()).routes).toEqual({ 'GET /api/products': 1 });
  });

  it('shares one fetch between different queries that miss at the same time', async () => {
    await origin.fault({ mode: 'slow', latencyMs: 300 });
    await concurrently(10, (i) => gql(`{ product(id: "18") { name${i % 2 ? ' sku' : ''} } a${i}: product(id: "18") { id } }`));
    expect((await origin.stats()).routes).toEqual({ 'GET /api/products': 1 });
  });

  it('an expired inventory refetches inventory only, not the product details', async () => {
    const query = '{ product(id: "19") { name description inventory { available } } }';
    const first = await gql<{ product: { inventory: { available: number } } }>(query);
    const { sku } = (await gql<{ product: { sku: string } }>('{ product(id: "19") { sku } }')).body.data!.product;
    await origin.setInventory(sku, 77);
    // The inventory is out of date: the responses containing it go, and so does its cached entity.
    await admin('purge', { entities: [`Inventory:${sku}`] });
    await origin.resetCounters();

    const again = await gql<{ product: { inventory: { available: number } } }>(query);
    expect(first.body.data?.product.inventory.available).not.toBe(77);
    expect(again.body.data?.product.inventory.available).toBe(77);
    expect((await origin.stats()).routes).toEqual({ 'GET /api/inventory': 1 });
  });

  it('a mutation\'s answer reads the origin, not the cache, so it shows its own write', async () => {
    const stock = (await gql<{ product: { inventory: { available: number } } }>('{ product(id: "20") { inventory { available } } }')).body
      .data!.product.inventory.available;
    const placed = await gql<{ placeOrder: { items: { product: { inventory: { available: number } } }[] } }>(
      'mutation { placeOrder(input: { items: [{ productId: "20", quantity: 1 }] }) { items { product { inventory { available } } } } }',
      { token: 'token-u2' },
    );
    expect(placed.body.data?.placeOrder.items[0]?.product.inventory.available).toBe(stock - 1);
  });
});

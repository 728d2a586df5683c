import { beforeEach, describe, expect, it } from 'vitest';
import { gql, errorCodes, origin, resetAll } from '../helpers.ts';

const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => String(from + i));

interface ProductsByIds {
  productsByIds: ({ id: string; sku: string; inventory: { sku: string; available: number } } | null)[];
}

describe('DataLoader batching over the origin batch endpoints', () => {
  beforeEach(() => resetAll());

  it('answers 50 products with their inventory in one products call and one inventory call', async () => {
    const wanted = ids(1, 50);
    const { body } = await gql<ProductsByIds>(
      'query($ids: [ID!]!) { productsByIds(ids: $ids) { id sku inventory { sku available } } }',
      { variables: { ids: wanted } },
    );

    expect(body.errors).toBeUndefined();
    expect(body.data?.productsByIds.map((p) => p?.id)).toEqual(wanted);
    for (const product of body.data?.productsByIds ?? []) expect(product?.inventory.sku).toBe(product?.sku);

    const { routes, total } = await origin.stats();
    expect(routes).toEqual({ 'GET /api/products': 1, 'GET /api/inventory': 1 });
    expect(total).toBe(2);
  });

  it('keeps the order asked and answers null for unknown ids, still in one call', async () => {
    const { body } = await gql<ProductsByIds>('{ productsByIds(ids: ["3", "999999", "1", "3"]) { id } }');

    expect(body.data?.productsByIds.map((p) => p?.id ?? null)).toEqual(['3', null, '1', '3']);
    expect((await origin.stats()).routes).toEqual({ 'GET /api/products': 1 });
  });

  it('splits at maxBatchSize so that URLs stay short: 200 distinct ids cost two calls of 100', async () => {
    const { body } = await gql<{ a: unknown[]; b: unknown[] }>(
      'query($a: [ID!]!, $b: [ID!]!) { a: productsByIds(ids: $a) { id } b: productsByIds(ids: $b) { id } }',
      { variables: { a: ids(1, 100), b: ids(101, 100) } },
    );

    expect(body.errors).toBeUndefined();
    expect(body.data?.a).toHaveLength(100);
    expect(body.data?.b).toHaveLength(100);
    expect((await origin.stats()).routes).toEqual({ 'GET /api/products': 2 });
  });

  it('refuses more than 100 ids before calling the origin', async () => {
    const { body } = await gql('query($ids: [ID!]!) { productsByIds(ids: $ids) { id } }', {
      variables: { ids: ids(1, 101) },
    });

    expect(errorCodes(body)).toEqual(['BAD_USER_INPUT']);
    expect((await origin.stats()).total).toBe(0);
  });

  it('batches order.items.product across all of the viewer\'s orders', async () => {
    const { body } = await gql<{ viewer: { orders: { items: { product: { id: string; name: string } }[] }[] } }>(
      '{ viewer { orders { items { quantity product { id name } } } } }',
      { token: 'token-u1' },
    );

    expect(body.errors).toBeUndefined();
    const products = body.data?.viewer.orders.flatMap((order) => order.items.map((item) => item.product.id)) ?? [];
    expect(products.length).toBeGreaterThan(1);
    expect((await origin.stats()).routes).toEqual({
      'GET /api/users/me': 1,
      'GET /api/users/me/orders': 1,
      'GET /api/products': 1,
    });
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { admin, gql, origin, resetAll, until } from '../helpers.ts';

const STOCK = 'query($id: ID!) { product(id: $id) { sku inventory { available } } }';
const LIST = '{ products(first: 5) { nodes { id inventory { available } } } }';
const ORDERS = '{ viewer { id orders { id items { quantity product { id } } } } }';
type Stock = { product: { sku: string; inventory: { available: number } } };
type List = { products: { nodes: { id: string; inventory: { available: number } }[] } };
type Orders = { viewer: { orders: { id: string }[] } };

const stockOf = (id: string) => gql<Stock>(STOCK, { variables: { id } });

describe('invalidation: a write is seen by the next read, lists included', () => {
  beforeEach(() => resetAll());

  it('setInventory purges that sku\'s inventory and every cached response that contains it', async () => {
    const before = await stockOf('3');
    const sku = before.body.data!.product.sku;
    await gql(LIST);
    expect((await stockOf('3')).headers.get('x-cache')).toBe('HIT');
    expect((await gql(LIST)).headers.get('x-cache')).toBe('HIT');

    const write = await gql('mutation($sku: ID!) { setInventory(sku: $sku, available: 4242) { available } }', {
      token: 'token-admin',
      variables: { sku },
    });
    expect(write.body.data).toEqual({ setInventory: { available: 4242 } });

    const after = await stockOf('3');
    expect(after.headers.get('x-cache')).toBe('MISS');
    expect(after.body.data?.product.inventory.available).toBe(4242);
    const list = await gql<List>(LIST);
    expect(list.headers.get('x-cache')).toBe('MISS');
    expect(list.body.data?.products.nodes.find((node) => node.id === '3')?.inventory.available).toBe(4242);
  });

  it('leaves responses that do not contain the written entity cached', async () => {
    const other = await stockOf('4');
    const { sku } = (await stockOf('3')).body.data!.product;
    await gql('mutation($sku: ID!) { setInventory(sku: $sku, available: 1) { available } }', { token: 'token-admin', variables: { sku } });

    const again = await stockOf('4');
    expect(again.headers.get('x-cache')).toBe('HIT');
    expect(again.body).toEqual(other.body);
  });

  it('placeOrder updates the ordered products\' inventory and the viewer\'s orders', async () => {
    const stock = (await stockOf('6')).body.data!.product.inventory.available;
    const orders = await gql<Orders>(ORDERS, { token: 'token-u5' });
    expect(orders.body.data?.viewer.orders).toHaveLength(3);
    expect((await gql(ORDERS, { token: 'token-u5' })).headers.get('x-cache')).toBe('HIT');

    const placed = await gql<{ placeOrder: { id: string } }>(
      'mutation { placeOrder(input: { items: [{ productId: "6", quantity: 3 }] }) { id } }',
      { token: 'token-u5' },
    );
    expect(placed.body.errors).toBeUndefined();

    expect((await stockOf('6')).body.data?.product.inventory.available).toBe(stock - 3);
    const after = await gql<Orders>(ORDERS, { token: 'token-u5' });
    expect(after.headers.get('x-cache')).toBe('MISS');
    expect(after.body.data?.viewer.orders.map((order) => order.id)).toContain(placed.body.data?.placeOrder.id);
  });
});

describe('purge API: POST /admin/purge', () => {
  beforeEach(() => resetAll());

  it('hard purge by entity deletes: the next request is a MISS that reaches the origin', async () => {
    await stockOf('7');
    const purged = await admin('purge', { entities: ['Product:7'] });
    expect(await purged.json()).toEqual({ purged: 1 });
    await origin.resetCounters();

    const next = await stockOf('7');
    expect(next.headers.get('x-cache')).toBe('MISS');
    expect((await origin.stats()).routes['GET /api/products']).toBe(1);
  });

  it('soft purge marks stale: answered STALE at once while one request refreshes, then fresh', async () => {
    const first = await stockOf('8');
    const { sku, inventory } = first.body.data!.product;
    await origin.setInventory(sku, inventory.available + 1);
    await admin('purge', { entities: [`Inventory:${sku}`], soft: true });

    const stale = await stockOf('8');
    expect(stale.headers.get('x-cache')).toBe('STALE');
    expect(stale.body).toEqual(first.body);

    await until(async () => (await stockOf('8')).headers.get('x-cache') === 'HIT');
    expect((await stockOf('8')).body.data?.product.inventory.available).toBe(inventory.available + 1);
  });

  it('purges by type and everything', async () => {
    await stockOf('9');
    await gql(ORDERS, { token: 'token-u1' });
    expect(await (await admin('purge', { types: ['Order'] })).json()).toEqual({ purged: 1 });
    expect((await stockOf('9')).headers.get('x-cache')).toBe('HIT');
    expect((await gql(ORDERS, { token: 'token-u1' })).headers.get('x-cache')).toBe('MISS');

    expect(await (await admin('purge', { all: true })).json()).toEqual({ purged: 2 });
    expect((await stockOf('9')).headers.get('x-cache')).toBe('MISS');
  });

  it('answers 401 for a missing or wrong token, and purges nothing', async () => {
    await stockOf('10');
    const missing = await admin('purge', { all: true }, '');
    const wrong = await admin('purge', { all: true }, 'test-purge-token-but-wrong');
    expect([missing.status, wrong.status]).toEqual([401, 401]);
    expect((await stockOf('10')).headers.get('x-cache')).toBe('HIT');
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { PlaceOrderDocument, ViewerOrdersDocument } from '../../../client/generated/graphql.ts';
import { errorCodes, gql, origin, resetAll } from '../helpers.ts';

const STOCK = 'query($id: ID!) { product(id: $id) { inventory { available } } }';

async function stockOf(id: string): Promise<number> {
  const { body } = await gql<{ product: { inventory: { available: number } } }>(STOCK, { variables: { id } });
  return body.data?.product.inventory.available ?? Number.NaN;
}

describe('viewer and orders', () => {
  beforeEach(() => resetAll());

  it('answers the token owner\'s orders, newest first', async () => {
    const { body } = await gql(ViewerOrdersDocument, { token: 'token-u2' });
    const viewer = body.data?.viewer;

    expect(body.errors).toBeUndefined();
    expect(viewer?.id).toBe('u2');
    expect(viewer?.orders.map((o) => o.id).sort()).toEqual(['o4', 'o5', 'o6']);
    const created = viewer?.orders.map((o) => o.createdAt) ?? [];
    expect(created).toEqual([...created].sort().reverse());
  });

  it('answers viewer null without credentials, and asks the origin nothing', async () => {
    const { body } = await gql(ViewerOrdersDocument);
    expect(body).toEqual({ data: { viewer: null } });
    expect((await origin.stats()).total).toBe(0);
  });

  it('refuses orders(first: 0) with BAD_USER_INPUT', async () => {
    const { body } = await gql('{ viewer { orders(first: 0) { id } } }', { token: 'token-u1' });
    expect(errorCodes(body)).toContain('BAD_USER_INPUT');
  });

  it('places an order: totals from unit prices, stock taken, the order visible to its owner only', async () => {
    const before = await stockOf('5');
    const placed = await gql(PlaceOrderDocument, {
      token: 'token-u3',
      variables: { input: { items: [{ productId: '5', quantity: 2 }] } },
    });
    const order = placed.body.data?.placeOrder;

    expect(placed.body.errors).toBeUndefined();
    expect(order?.status).toBe('PENDING');
    expect(order?.items).toEqual([{ quantity: 2, product: { id: '5', inventory: { available: before - 2 } } }]);
    expect(await stockOf('5')).toBe(before - 2);

    const mine = await gql(ViewerOrdersDocument, { token: 'token-u3' });
    expect(mine.body.data?.viewer?.orders[0]?.id).toBe(order?.id);
    const theirs = await gql('query($id: ID!) { order(id: $id) { id } }', { token: 'token-u4', variables: { id: order?.id } });
    expect(theirs.body).toEqual({ data: { order: null } });
  });

  it('needs a user token to place an order', async () => {
    const { body } = await gql(PlaceOrderDocument, { variables: { input: { items: [{ productId: '5', quantity: 1 }] } } });
    expect(errorCodes(body)).toEqual(['UNAUTHENTICATED']);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { errorCodes, gql, origin, resetAll } from '../helpers.ts';

const SET = 'mutation($sku: ID!, $n: Int!) { setInventory(sku: $sku, available: $n) { sku available inStock updatedAt } }';

describe('inventory', () => {
  beforeEach(() => resetAll());

  it('sets stock with the admin token; inStock follows available', async () => {
    const { body: product } = await gql<{ product: { sku: string } }>('{ product(id: "9") { sku } }');
    const sku = product.data!.product.sku;

    const emptied = await gql<{ setInventory: { available: number; inStock: boolean } }>(SET, {
      token: 'token-admin',
      variables: { sku, n: 0 },
    });
    expect(emptied.body.data?.setInventory).toMatchObject({ sku, available: 0, inStock: false });

    const read = await gql('query { product(id: "9") { inventory { available inStock } } }');
    expect(read.body.data).toEqual({ product: { inventory: { available: 0, inStock: false } } });

    const refilled = await gql(SET, { token: 'token-admin', variables: { sku, n: 12 } });
    expect(refilled.body.data?.setInventory).toMatchObject({ available: 12, inStock: true });
  });

  it('passes the origin\'s refusal of a negative stock as BAD_USER_INPUT', async () => {
    const { body } = await gql(SET, { token: 'token-admin', variables: { sku: 'SKU-00001', n: -3 } });
    expect(errorCodes(body)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers NOT_FOUND for an unknown sku (the field is non-null)', async () => {
    const { body } = await gql(SET, { token: 'token-admin', variables: { sku: 'NO-SUCH-SKU', n: 1 } });
    expect(errorCodes(body)).toEqual(['NOT_FOUND']);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OriginFaultMode } from '../../../simulator/types.ts';
import { errorCodes, gql, origin, resetAll } from '../helpers.ts';

describe('retries: idempotent GETs only, on network errors, 502, 503 and 504, at most twice', () => {
  beforeEach(() => resetAll());
  afterEach(() => origin.fault({ mode: 'none' }));

  it.each<[OriginFaultMode, number]>([
    ['down', 3],
    ['reset', 3],
    ['error', 1],
    ['malformed', 1],
  ])('origin %s: a GET is sent %i time(s) in all', async (mode, calls) => {
    await origin.fault({ mode });
    const { body } = await gql('{ product(id: "1") { id } }');
    expect(errorCodes(body)).toEqual(['ORIGIN_UNAVAILABLE']);
    expect((await origin.stats()).routes).toEqual({ 'GET /api/products': calls });
  });

  it('never retries a POST, even when the connection drops', async () => {
    await origin.fault({ mode: 'down' });
    const { body } = await gql('mutation { placeOrder(input: { items: [{ productId: "1", quantity: 1 }] }) { id } }', {
      token: 'token-u1',
    });
    expect(errorCodes(body)).toEqual(['ORIGIN_UNAVAILABLE']);
    expect((await origin.stats()).routes).toEqual({ 'POST /api/orders': 1 });
  });

  it('never retries a PUT', async () => {
    await origin.fault({ mode: 'reset' });
    await gql('mutation { setInventory(sku: "SKU-00001", available: 3) { available } }', { token: 'token-admin' });
    expect((await origin.stats()).routes).toEqual({ 'PUT /api/inventory/:sku': 1 });
  });
});

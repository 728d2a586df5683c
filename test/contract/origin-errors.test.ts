import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codes } from '../support/answers.ts';
import type { OriginFaultMode } from '../../simulator/types.ts';
import { gateway } from './gateway.ts';

const PRODUCT = '{ product(id: "1") { id name inventory { available } } }';
const SET_STOCK = 'mutation { setInventory(sku: "SKU-00001", available: 1) { available } }';

/** The README's error table, on the production build in production settings. */
describe('origin answers become GraphQL errors with extensions.code', () => {
  const target = gateway('production');
  beforeEach(() => target.reset());
  afterEach(() => target.origin.fault({ mode: 'none' }));

  it.each<OriginFaultMode>(['down', 'error', 'malformed', 'hang'])('%s → ORIGIN_UNAVAILABLE, no stack, no origin address', async (mode) => {
    await target.origin.fault({ mode });
    const failed = await target.query(PRODUCT);
    expect(failed.status).toBe(200);
    expect(failed.body).toEqual({
      data: { product: null },
      errors: [expect.objectContaining({ path: ['product'], extensions: { code: 'ORIGIN_UNAVAILABLE' } })],
    });
    expect(failed.text).not.toMatch(/stack|originalError|127\.0\.0\.1/);
  });

  it('401 → UNAUTHENTICATED, 403 → FORBIDDEN', async () => {
    expect(codes((await target.query('{ viewer { id } }', {}, { authorization: 'Bearer token-nobody' })).body)).toEqual(['UNAUTHENTICATED']);
    expect(codes((await target.query(SET_STOCK)).body)).toEqual(['UNAUTHENTICATED']);
    expect(codes((await target.query(SET_STOCK, {}, { authorization: 'Bearer token-u1' })).body)).toEqual(['FORBIDDEN']);
  });

  it('404 → null for a nullable field, another user\'s order included', async () => {
    const asU1 = { authorization: 'Bearer token-u1' };
    expect((await target.query('{ order(id: "o999999") { id } }', {}, asU1)).body).toEqual({ data: { order: null } });
    expect((await target.query('{ order(id: "o4") { id } }', {}, asU1)).body).toEqual({ data: { order: null } });
    expect((await target.query('{ order(id: "o1") { id } }', {}, asU1)).body).toEqual({ data: { order: { id: 'o1' } } });
  });

  it('400 → BAD_USER_INPUT and 409 → CONFLICT, with the origin\'s message', async () => {
    const asU1 = { authorization: 'Bearer token-u1' };
    const order = 'mutation($q: Int!) { placeOrder(input: { items: [{ productId: "1", quantity: $q }] }) { id } }';
    const bad = await target.query(order, { q: 0 }, asU1);
    expect(codes(bad.body)).toEqual(['BAD_USER_INPUT']);
    expect(bad.body?.errors?.[0]?.message).toMatch(/quantity/i);
    const short = await target.query(order, { q: 1_000_000 }, asU1);
    expect(codes(short.body)).toEqual(['CONFLICT']);
  });
});

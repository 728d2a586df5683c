import { beforeEach, describe, expect, it } from 'vitest';
import type { OriginInventory, OriginOrder } from '../../../simulator/types.ts';
import { call, callForError, reset, stats, useOrigin } from './helpers.ts';

describe('admin stats and reset', () => {
  const origin = useOrigin();

  beforeEach(async () => {
    await reset(origin(), true);
  });

  it('counts every /api request by route pattern, and nothing else', async () => {
    await call(origin(), '/api/products');
    await call(origin(), '/api/products?ids=1,2');
    await call(origin(), '/api/products/1');
    await call(origin(), '/api/products/2');
    await call(origin(), '/api/products/nope');
    await call(origin(), '/api/inventory/SKU-00001');
    await call(origin(), '/api/inventory/SKU-00001', { method: 'PUT', token: 'token-u1', json: { available: 1 } });
    await call(origin(), '/api/users/me/orders', { token: 'token-u1' });
    await call(origin(), '/api/unknown');
    await call(origin(), '/api/orders', { method: 'GET' });
    await call(origin(), '/not-api');
    await call(origin(), '/__origin/stats');
    expect(await stats(origin())).toEqual({
      total: 10,
      inFlight: 0,
      maxInFlight: 1,
      rejected: 0,
      routes: {
        'GET /api/products': 2,
        'GET /api/products/:id': 3,
        'GET /api/inventory/:sku': 1,
        'PUT /api/inventory/:sku': 1,
        'GET /api/users/me/orders': 1,
      },
    });
  });

  it('zeroes the counters on reset but keeps the data', async () => {
    const placed = await call<OriginOrder>(origin(), '/api/orders', {
      method: 'POST',
      token: 'token-u1',
      json: { items: [{ productId: '5', quantity: 1 }] },
    });
    expect(placed.status).toBe(201);
    await reset(origin());
    expect(await stats(origin())).toEqual({ total: 0, inFlight: 0, maxInFlight: 0, rejected: 0, routes: {} });
    expect((await call(origin(), `/api/orders/${placed.body.id}`, { token: 'token-u1' })).status).toBe(200);
  });

  it('accepts a reset without a body', async () => {
    await call(origin(), '/api/products');
    const { status, body } = await call(origin(), '/__origin/reset', { method: 'POST' });
    expect({ status, body }).toEqual({ status: 200, body: { ok: true } });
    expect((await stats(origin())).total).toBe(0);
  });

  it('restores inventory, removes new orders and restarts order ids on reseed', async () => {
    const seeded = (await call<OriginInventory>(origin(), '/api/inventory/SKU-00001')).body;
    await call(origin(), '/api/inventory/SKU-00001', { method: 'PUT', token: 'token-admin', json: { available: 400 } });
    const first = await call<OriginOrder>(origin(), '/api/orders', {
      method: 'POST',
      token: 'token-u1',
      json: { items: [{ productId: '1', quantity: 3 }] },
    });
    expect(first.body.id).toBe('o61');

    await reset(origin(), true);
    expect((await call(origin(), '/api/inventory/SKU-00001')).body).toEqual(seeded);
    expect(await callForError(origin(), '/api/orders/o61', { token: 'token-u1' })).toEqual({ status: 404, code: 'NOT_FOUND' });
    const again = await call<OriginOrder>(origin(), '/api/orders', {
      method: 'POST',
      token: 'token-u2',
      json: { items: [{ productId: '2', quantity: 1 }] },
    });
    expect(again.body.id).toBe('o61');
  });

  it.each(['{"reseed":"yes"}', '[]', 'nope'])('rejects the reset body %s with 400', async (body) => {
    expect(await callForError(origin(), '/__origin/reset', { method: 'POST', body })).toEqual({ status: 400, code: 'BAD_REQUEST' });
  });

  it('answers unknown admin paths with 404 and wrong methods with 405', async () => {
    expect(await callForError(origin(), '/__origin/nothing')).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await callForError(origin(), '/__origin/reset')).toEqual({ status: 405, code: 'METHOD_NOT_ALLOWED' });
    expect(await callForError(origin(), '/__origin/stats', { method: 'POST' })).toEqual({ status: 405, code: 'METHOD_NOT_ALLOWED' });
  });
});

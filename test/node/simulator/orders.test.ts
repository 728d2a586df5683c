import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { OrderList, OriginInventory, OriginOrder, OriginProduct, OriginUser } from '../../../simulator/types.ts';
import { call, callForError, useOrigin } from './helpers.ts';

describe('users and orders', () => {
  const origin = useOrigin();

  async function product(id: string): Promise<OriginProduct> {
    return (await call<OriginProduct>(origin(), `/api/products/${id}`)).body;
  }

  async function available(productId: string): Promise<number> {
    const { sku } = await product(productId);
    return (await call<OriginInventory>(origin(), `/api/inventory/${sku}`)).body.available;
  }

  async function setAvailable(productId: string, count: number): Promise<void> {
    const { sku } = await product(productId);
    const { status } = await call(origin(), `/api/inventory/${sku}`, { method: 'PUT', token: 'token-admin', json: { available: count } });
    expect(status).toBe(200);
  }

  function order(items: unknown): Promise<{ status: number; code: string }> {
    return callForError(origin(), '/api/orders', { method: 'POST', token: 'token-u1', json: { items } });
  }

  it('identifies the user behind a token', async () => {
    const { status, body } = await call<OriginUser>(origin(), '/api/users/me', { token: 'token-u7' });
    expect(status).toBe(200);
    expect(body).toEqual({ id: 'u7', name: expect.any(String), email: expect.stringMatching(/^\S+@\S+$/) });
    const other = await call<OriginUser>(origin(), '/api/users/me', { token: 'token-u20' });
    expect(other.body.id).toBe('u20');
    expect(other.body.email).not.toBe(body.email);
  });

  it.each([
    ['no token', undefined],
    ['the admin token', 'token-admin'],
    ['an unknown user', 'token-u21'],
    ['a token without the prefix', 'u1'],
  ])('answers 401 to %s', async (_label, token) => {
    for (const path of ['/api/users/me', '/api/users/me/orders', '/api/orders/o1']) {
      expect(await callForError(origin(), path, { token })).toEqual({ status: 401, code: 'UNAUTHORIZED' });
    }
    const placed = await callForError(origin(), '/api/orders', { method: 'POST', token, json: { items: [{ productId: '1', quantity: 1 }] } });
    expect(placed).toEqual({ status: 401, code: 'UNAUTHORIZED' });
  });

  it("lists the user's seeded orders newest first", async () => {
    const { status, body } = await call<OrderList>(origin(), '/api/users/me/orders', { token: 'token-u2' });
    expect(status).toBe(200);
    expect(body.items.map((item) => item.id).sort()).toEqual(['o4', 'o5', 'o6']);
    const times = body.items.map((item) => item.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    for (const item of body.items) {
      expect(item.userId).toBe('u2');
      expect(['PENDING', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED']).toContain(item.status);
      expect(item.items.length).toBeGreaterThanOrEqual(1);
      expect(item.items.length).toBeLessThanOrEqual(3);
      const cents = item.items.reduce((sum, line) => sum + Math.round(Number(line.unitPrice.amount) * 100) * line.quantity, 0);
      expect(item.total).toEqual({ amount: (cents / 100).toFixed(2), currency: 'USD' });
    }
    const limited = await call<OrderList>(origin(), '/api/users/me/orders?limit=2', { token: 'token-u2' });
    expect(limited.body.items).toEqual(body.items.slice(0, 2));
  });

  it.each(['limit=0', 'limit=101', 'limit=two'])('rejects orders?%s with 400', async (query) => {
    expect(await callForError(origin(), `/api/users/me/orders?${query}`, { token: 'token-u2' })).toEqual({
      status: 400,
      code: 'BAD_REQUEST',
    });
  });

  it("serves a user's own order and hides everyone else's", async () => {
    const { status, body } = await call<OriginOrder>(origin(), '/api/orders/o3', { token: 'token-u1' });
    expect(status).toBe(200);
    expect(body.userId).toBe('u1');
    expect(await callForError(origin(), '/api/orders/o4', { token: 'token-u1' })).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await callForError(origin(), '/api/orders/o9999', { token: 'token-u1' })).toEqual({ status: 404, code: 'NOT_FOUND' });
  });

  it('places an order, pricing it and decrementing stock', async () => {
    await setAvailable('10', 50);
    await setAvailable('11', 50);
    const { status, body } = await call<OriginOrder>(origin(), '/api/orders', {
      method: 'POST',
      token: 'token-u3',
      json: {
        items: [
          { productId: '10', quantity: 2 },
          { productId: '11', quantity: 1 },
          { productId: '10', quantity: 3 },
        ],
      },
    });
    expect(status).toBe(201);
    const [ten, eleven] = [await product('10'), await product('11')];
    expect(body).toMatchObject({ id: 'o61', userId: 'u3', status: 'PENDING' });
    expect(body.items).toEqual([
      { productId: '10', quantity: 2, unitPrice: ten.price },
      { productId: '11', quantity: 1, unitPrice: eleven.price },
      { productId: '10', quantity: 3, unitPrice: ten.price },
    ]);
    const cents = (amount: string): number => Math.round(Number(amount) * 100);
    expect(body.total.amount).toBe(((cents(ten.price.amount) * 5 + cents(eleven.price.amount)) / 100).toFixed(2));
    expect(await available('10')).toBe(45);
    expect(await available('11')).toBe(49);
    const { body: record } = await call<OriginInventory>(origin(), `/api/inventory/${ten.sku}`);
    expect(record.updatedAt).toBe(body.createdAt);

    expect((await call<OriginOrder>(origin(), '/api/orders/o61', { token: 'token-u3' })).body).toEqual(body);
    expect((await call<OrderList>(origin(), '/api/users/me/orders', { token: 'token-u3' })).body.items[0]).toEqual(body);
    expect(await callForError(origin(), '/api/orders/o61', { token: 'token-u4' })).toEqual({ status: 404, code: 'NOT_FOUND' });

    const next = await call<OriginOrder>(origin(), '/api/orders', { method: 'POST', token: 'token-u3', json: { items: [{ productId: '11', quantity: 1 }] } });
    expect(next.body.id).toBe('o62');
  });

  it('refuses an order it cannot fill with 409 and changes no stock', async () => {
    await setAvailable('20', 5);
    await setAvailable('21', 1);
    expect(
      await order([
        { productId: '20', quantity: 2 },
        { productId: '21', quantity: 1 },
        { productId: '21', quantity: 1 },
      ]),
    ).toEqual({ status: 409, code: 'CONFLICT' });
    expect(await available('20')).toBe(5);
    expect(await available('21')).toBe(1);
  });

  it.each([
    ['an empty list', []],
    ['a non-list', 'everything'],
    ['too many items', Array.from({ length: 51 }, () => ({ productId: '30', quantity: 1 }))],
    ['a zero quantity', [{ productId: '30', quantity: 0 }]],
    ['a fractional quantity', [{ productId: '30', quantity: 1.5 }]],
    ['a string quantity', [{ productId: '30', quantity: '1' }]],
    ['a numeric productId', [{ productId: 30, quantity: 1 }]],
    ['an unknown productId', [{ productId: '30', quantity: 1 }, { productId: 'nope', quantity: 1 }]],
    ['a non-object item', ['30']],
  ])('rejects %s with 400 and changes no stock', async (_label, items) => {
    await setAvailable('30', 100);
    expect(await order(items)).toEqual({ status: 400, code: 'BAD_REQUEST' });
    expect(await available('30')).toBe(100);
  });

  it.each([
    ['invalid JSON', '{"items": ['],
    ['an array body', '[]'],
    ['no items field', '{}'],
    ['an empty body', ''],
  ])('rejects %s with 400', async (_label, body) => {
    expect(await callForError(origin(), '/api/orders', { method: 'POST', token: 'token-u1', body })).toEqual({
      status: 400,
      code: 'BAD_REQUEST',
    });
  });

  it('accepts 50 items but refuses a body over 64 KB with 413, and keeps serving', async () => {
    await setAvailable('31', 100);
    const fifty = Array.from({ length: 50 }, () => ({ productId: '31', quantity: 1 }));
    expect((await call(origin(), '/api/orders', { method: 'POST', token: 'token-u1', json: { items: fifty } })).status).toBe(201);
    expect(await available('31')).toBe(50);
    const huge = JSON.stringify({ items: [{ productId: '31', quantity: 1 }], padding: 'x'.repeat(70 * 1024) });
    expect(await callForError(origin(), '/api/orders', { method: 'POST', token: 'token-u1', body: huge })).toEqual({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(await available('31')).toBe(50);
  });

  it('refuses a chunked body that grows past 64 KB with 413', async () => {
    const response = await new Promise<{ status: number | undefined; text: string }>((resolve, reject) => {
      const req = request(`${origin().url}/api/orders`, { method: 'POST', headers: { authorization: 'Bearer token-u1' } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode, text }));
      });
      req.on('error', reject);
      for (let n = 0; n < 8; n++) req.write(`{"pad":"${'x'.repeat(16 * 1024)}`);
      req.end();
    });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text)).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect((await call(origin(), '/api/users/me', { token: 'token-u1' })).status).toBe(200);
  });
});

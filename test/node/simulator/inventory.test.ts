import { describe, expect, it } from 'vitest';
import type { BatchResult, OriginInventory } from '../../../simulator/types.ts';
import { call, callForError, useOrigin } from './helpers.ts';

const SEED_TIME = '2026-01-01T00:00:00.000Z';

describe('inventory', () => {
  const origin = useOrigin();

  async function stock(sku: string): Promise<OriginInventory> {
    const { status, body } = await call<OriginInventory>(origin(), `/api/inventory/${sku}`);
    expect(status).toBe(200);
    return body;
  }

  it('serves one record per seeded sku', async () => {
    const record = await stock('SKU-00001');
    expect(record).toEqual({ sku: 'SKU-00001', available: expect.any(Number), updatedAt: SEED_TIME });
    expect(Number.isInteger(record.available)).toBe(true);
    expect(record.available).toBeGreaterThanOrEqual(0);
    expect(record.available).toBeLessThanOrEqual(500);
    expect(await callForError(origin(), '/api/inventory/SKU-99999')).toEqual({ status: 404, code: 'NOT_FOUND' });
  });

  it('seeds some products out of stock', async () => {
    const skus = Array.from({ length: 100 }, (_, index) => `SKU-${String(index + 1).padStart(5, '0')}`);
    const { body } = await call<BatchResult<OriginInventory>>(origin(), `/api/inventory?skus=${skus.join(',')}`);
    const available = body.items.map((record) => record?.available);
    expect(available.some((count) => count === 0)).toBe(true);
    expect(available.every((count) => count !== undefined && count >= 0 && count <= 500)).toBe(true);
  });

  it('answers a batch in the order asked, with null for unknown skus', async () => {
    const { status, body } = await call<BatchResult<OriginInventory>>(origin(), '/api/inventory?skus=SKU-00002,NOPE,SKU-00001');
    expect(status).toBe(200);
    expect(body.items.map((record) => record?.sku ?? null)).toEqual(['SKU-00002', null, 'SKU-00001']);
  });

  it('rejects missing, empty and oversized batches', async () => {
    const many = Array.from({ length: 101 }, (_, index) => `SKU-${String(index + 1).padStart(5, '0')}`).join(',');
    for (const query of ['', '?skus=', `?skus=${many}`]) {
      expect(await callForError(origin(), `/api/inventory${query}`)).toEqual({ status: 400, code: 'BAD_REQUEST' });
    }
  });

  it('lets only the admin token set stock', async () => {
    const put = (token: string | undefined, sku = 'SKU-00003'): Promise<{ status: number; code: string }> =>
      callForError(origin(), `/api/inventory/${sku}`, { method: 'PUT', token, json: { available: 7 } });
    expect(await put(undefined)).toEqual({ status: 401, code: 'UNAUTHORIZED' });
    expect(await put('token-nobody')).toEqual({ status: 401, code: 'UNAUTHORIZED' });
    expect(await put('token-u1')).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(await put('token-admin', 'SKU-99999')).toEqual({ status: 404, code: 'NOT_FOUND' });
    const basic = await callForError(origin(), '/api/inventory/SKU-00003', { method: 'PUT', body: '{"available":7}' });
    expect(basic).toEqual({ status: 401, code: 'UNAUTHORIZED' });
    expect((await stock('SKU-00003')).updatedAt).toBe(SEED_TIME);
  });

  it.each([
    ['a negative count', JSON.stringify({ available: -1 })],
    ['a fraction', JSON.stringify({ available: 1.5 })],
    ['a string', JSON.stringify({ available: '3' })],
    ['no count', JSON.stringify({})],
    ['an array', JSON.stringify([1])],
    ['invalid JSON', '{"available":'],
    ['no body', ''],
  ])('rejects %s with 400', async (_label, body) => {
    const before = await stock('SKU-00004');
    const result = await callForError(origin(), '/api/inventory/SKU-00004', { method: 'PUT', token: 'token-admin', body });
    expect(result).toEqual({ status: 400, code: 'BAD_REQUEST' });
    expect(await stock('SKU-00004')).toEqual(before);
  });

  it('sets stock with the admin token and stamps updatedAt', async () => {
    const before = Date.now();
    const { status, body } = await call<OriginInventory>(origin(), '/api/inventory/SKU-00005', {
      method: 'PUT',
      token: 'token-admin',
      json: { available: 0 },
    });
    expect(status).toBe(200);
    expect(body.sku).toBe('SKU-00005');
    expect(body.available).toBe(0);
    expect(Date.parse(body.updatedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(await stock('SKU-00005')).toEqual(body);
  });
});

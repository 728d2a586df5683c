import { describe, expect, it } from 'vitest';
import type { BatchResult, OriginProduct, ProductPage } from '../../../simulator/types.ts';
import { startOrigin } from '../../../simulator/server.ts';
import { call, callForError, useOrigin } from './helpers.ts';

const CATEGORIES = ['books', 'electronics', 'home', 'garden', 'toys', 'sports', 'clothing', 'beauty', 'grocery', 'automotive'];

describe('catalog', () => {
  const origin = useOrigin();

  async function page(query: string): Promise<ProductPage> {
    const { status, body } = await call<ProductPage>(origin(), `/api/products?${query}`);
    expect(status).toBe(200);
    return body;
  }

  it('serves an identical catalog from every server with the same seed', async () => {
    const other = await startOrigin({ port: 0, latencyMs: 0 });
    const smaller = await startOrigin({ port: 0, latencyMs: 0, products: 150 });
    try {
      for (const offset of [0, 100, 900]) {
        const path = `/api/products?limit=100&offset=${offset}`;
        const [mine, theirs] = await Promise.all([call(origin(), path), call(other, path)]);
        expect(theirs.body).toEqual(mine.body);
      }
      const first = await call<ProductPage>(smaller, '/api/products?limit=100');
      expect(first.body.total).toBe(150);
      expect(first.body.items).toEqual((await page('limit=100')).items);
    } finally {
      await Promise.all([other.close(), smaller.close()]);
    }
  });

  it('serves well-formed products with unique skus over ten categories', async () => {
    const products: OriginProduct[] = [];
    for (let offset = 0; offset < 1000; offset += 100) products.push(...(await page(`limit=100&offset=${offset}`)).items);
    expect(products.map((product) => product.id)).toEqual(Array.from({ length: 1000 }, (_, index) => String(index + 1)));
    expect(new Set(products.map((product) => product.sku)).size).toBe(1000);
    expect(new Set(products.map((product) => product.category))).toEqual(new Set(CATEGORIES));
    for (const product of products) {
      expect(product.sku).toMatch(/^SKU-\d{5}$/);
      expect(product.price.amount).toMatch(/^\d+\.\d{2}$/);
      expect(product.price.currency).toBe('USD');
      expect(product.name).not.toBe('');
      expect(product.description).not.toBe('');
    }
  });

  it('pages with limit and offset and reports the total', async () => {
    expect((await page('')).items.map((product) => product.id)).toEqual(Array.from({ length: 20 }, (_, index) => String(index + 1)));
    const middle = await page('limit=10&offset=95');
    expect(middle.total).toBe(1000);
    expect(middle.items.map((product) => product.id)).toEqual(['96', '97', '98', '99', '100', '101', '102', '103', '104', '105']);
    expect((await page('limit=100&offset=995')).items).toHaveLength(5);
    expect(await page('offset=5000')).toEqual({ items: [], total: 1000 });
  });

  it('filters by category, with the total counting only that category', async () => {
    let sum = 0;
    for (const category of CATEGORIES) {
      const result = await page(`category=${category}&limit=100`);
      expect(result.items.every((product) => product.category === category)).toBe(true);
      sum += result.total;
    }
    expect(sum).toBe(1000);
    const books = await page('category=books&limit=5&offset=10');
    expect(books.total).toBe(100);
    expect(books.items).toHaveLength(5);
    expect(await page('category=spaceships')).toEqual({ items: [], total: 0 });
  });

  it.each(['limit=0', 'limit=101', 'limit=-1', 'limit=abc', 'limit=1.5', 'limit=', 'offset=-1', 'offset=x', 'offset=1e3'])(
    'rejects %s with 400',
    async (query) => {
      expect(await callForError(origin(), `/api/products?${query}`)).toEqual({ status: 400, code: 'BAD_REQUEST' });
    },
  );

  it('answers a batch in the order asked, with null for unknown ids', async () => {
    const { status, body } = await call<BatchResult<OriginProduct>>(origin(), '/api/products?ids=3,1,999999,2,3');
    expect(status).toBe(200);
    expect(body.items.map((product) => product?.id ?? null)).toEqual(['3', '1', null, '2', '3']);
    expect(body).not.toHaveProperty('total');
  });

  it('ignores paging and category when ids are given', async () => {
    const { status, body } = await call<BatchResult<OriginProduct>>(origin(), '/api/products?ids=1,2&limit=abc&category=toys');
    expect(status).toBe(200);
    expect(body.items.map((product) => product?.id)).toEqual(['1', '2']);
  });

  it('rejects empty and oversized batches', async () => {
    const ids = (count: number): string => Array.from({ length: count }, (_, index) => index + 1).join(',');
    expect((await call<BatchResult<OriginProduct>>(origin(), `/api/products?ids=${ids(100)}`)).body.items).toHaveLength(100);
    for (const query of [`ids=${ids(101)}`, 'ids=', 'ids=1,,2']) {
      expect(await callForError(origin(), `/api/products?${query}`)).toEqual({ status: 400, code: 'BAD_REQUEST' });
    }
  });

  it('serves one product by id, or 404', async () => {
    const { status, body } = await call<OriginProduct>(origin(), '/api/products/42');
    expect(status).toBe(200);
    expect(body).toEqual((await page('limit=1&offset=41')).items[0]);
    expect(await callForError(origin(), '/api/products/0')).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await callForError(origin(), '/api/products/')).toEqual({ status: 404, code: 'NOT_FOUND' });
  });

  it('answers malformed requests with JSON errors and keeps serving', async () => {
    expect(await callForError(origin(), '/api/products/%E0%A4')).toEqual({ status: 400, code: 'BAD_REQUEST' });
    expect(await callForError(origin(), '/api/products?limit=%ZZ')).toEqual({ status: 400, code: 'BAD_REQUEST' });
    expect(await callForError(origin(), '/api/nothing-here')).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect(await callForError(origin(), '/elsewhere')).toEqual({ status: 404, code: 'NOT_FOUND' });
    const wrongMethod = await call(origin(), '/api/products', { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
    expect(wrongMethod.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(wrongMethod.body).toEqual({ error: { code: 'METHOD_NOT_ALLOWED', message: expect.any(String) } });
    expect((await page('limit=1')).items).toHaveLength(1);
  });
});

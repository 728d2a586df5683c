import { beforeEach, describe, expect, it } from 'vitest';
import { origin, resetAll } from '../helpers.ts';
import { codes, graphqlPath, JSON_HEADERS, postJson } from '../../support/answers.ts';
import { fetchGateway } from './guard-helpers.ts';

/**
 * A GET, or a POST with a content type a browser sends without a preflight,
 * must carry one of the CSRF headers; a JSON POST needs none.
 */

const QUERY = '{ __typename }';
const CSRF_HEADERS = ['x-graphql-csrf', 'apollo-require-preflight', 'x-apollo-operation-name'];
const SIMPLE_TYPES = ['text/plain', 'text/plain;charset=UTF-8', 'Text/Plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'];

function simplePost(contentType: string, headers: Record<string, string> = {}): RequestInit {
  const body = contentType.startsWith('application/x-www-form-urlencoded')
    ? `query=${encodeURIComponent(QUERY)}`
    : JSON.stringify({ query: QUERY });
  return { method: 'POST', headers: { 'content-type': contentType, accept: 'application/json', ...headers }, body };
}

describe('CSRF prevention', () => {
  beforeEach(() => resetAll());

  describe('blocked', () => {
    it('a GET without any of the headers: 403 CSRF_BLOCKED, naming the headers', async () => {
      const result = await fetchGateway(graphqlPath({ query: QUERY }), { headers: { accept: 'application/json' } });
      expect(result.status).toBe(403);
      expect(codes(result.body)).toEqual(['CSRF_BLOCKED']);
      for (const name of CSRF_HEADERS) expect(result.body?.errors?.[0]?.message).toContain(name);
      expect(result.headers.get('cache-control')).toBe('no-store');
    });

    it.each(SIMPLE_TYPES)('a POST with content type %s and none of the headers: 403', async (type) => {
      const result = await fetchGateway('/graphql', simplePost(type));
      expect(result.status).toBe(403);
      expect(codes(result.body)).toEqual(['CSRF_BLOCKED']);
    });

    it('a POST with no content type and none of the headers: 403', async () => {
      const result = await fetchGateway('/graphql', { method: 'POST', body: new TextEncoder().encode(JSON.stringify({ query: QUERY })) });
      expect(result.status).toBe(403);
      expect(codes(result.body)).toEqual(['CSRF_BLOCKED']);
    });

    it('a multipart form a browser would build: 403', async () => {
      const form = new FormData();
      form.set('operations', JSON.stringify({ query: QUERY }));
      form.set('map', '{}');
      const result = await fetchGateway('/graphql', { method: 'POST', body: form });
      expect(result.status).toBe(403);
      expect(codes(result.body)).toEqual(['CSRF_BLOCKED']);
    });

    it('a mutation in a text/plain POST is blocked before it can write', async () => {
      const before = await origin.get<{ available: number }>('/api/inventory/SKU-00001');
      await origin.resetCounters();
      const result = await fetchGateway('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', authorization: 'Bearer token-admin' },
        body: JSON.stringify({ query: 'mutation { setInventory(sku: "SKU-00001", available: 0) { available } }' }),
      });
      expect(result.status).toBe(403);
      expect((await origin.stats()).total).toBe(0);
      expect((await origin.get<{ available: number }>('/api/inventory/SKU-00001')).available).toBe(before.available);
    });

    it('an unrelated custom header does not count', async () => {
      const result = await fetchGateway(graphqlPath({ query: QUERY }), { headers: { accept: 'application/json', 'x-requested-with': 'XMLHttpRequest' } });
      expect(result.status).toBe(403);
    });
  });

  describe('allowed', () => {
    it.each(CSRF_HEADERS)('a GET with %s runs', async (name) => {
      const result = await fetchGateway(graphqlPath({ query: QUERY }), { headers: { accept: 'application/json', [name]: '1' } });
      expect(result.status).toBe(200);
      expect(result.body).toEqual({ data: { __typename: 'Query' } });
    });

    it('a JSON POST needs no header', async () => {
      const result = await fetchGateway('/graphql', postJson({ query: QUERY }));
      expect(result.status).toBe(200);
      expect(result.body).toEqual({ data: { __typename: 'Query' } });
    });

    it('a JSON POST with parameters on its content type needs no header', async () => {
      const result = await fetchGateway('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' },
        body: JSON.stringify({ query: QUERY }),
      });
      expect(result.status).toBe(200);
      expect(result.body).toEqual({ data: { __typename: 'Query' } });
    });

    it('a form POST with the header gets past the guard, then is refused as not JSON (415)', async () => {
      const result = await fetchGateway('/graphql', simplePost('application/x-www-form-urlencoded', { 'apollo-require-preflight': 'true' }));
      expect(result.status).toBe(415);
      expect(result.text).not.toContain('CSRF_BLOCKED');
    });

    it('a text/plain POST with the header gets past the guard (and the request reader, not the guard, answers 415)', async () => {
      const result = await fetchGateway('/graphql', simplePost('text/plain', { 'x-graphql-csrf': '1' }));
      expect(result.status).toBe(415);
      expect(result.text).not.toContain('CSRF_BLOCKED');
    });
  });

  describe('before the cache', () => {
    const query = '{ products(first: 2) { totalCount nodes { id name } } }';

    it('a cached query by GET without the header is still 403, with no cache lookup and no origin call; with it, a HIT', async () => {
      const first = await fetchGateway('/graphql', postJson({ query }));
      expect(first.status).toBe(200);
      expect(first.headers.get('x-cache')).toBe('MISS');
      await origin.resetCounters();

      const blocked = await fetchGateway(graphqlPath({ query }), { headers: JSON_HEADERS });
      expect(blocked.status).toBe(403);
      expect(codes(blocked.body)).toEqual(['CSRF_BLOCKED']);
      expect(blocked.body?.data).toBeUndefined();
      expect(blocked.text).not.toContain('totalCount');
      // Refused at the Worker's entry: the response cache never saw it.
      expect(blocked.headers.get('x-cache')).toBeNull();
      expect(blocked.headers.get('x-cache-key')).toBeNull();

      const allowed = await fetchGateway(graphqlPath({ query }), { headers: { ...JSON_HEADERS, 'x-graphql-csrf': '1' } });
      expect(allowed.status).toBe(200);
      expect(allowed.headers.get('x-cache')).toBe('HIT');
      expect(allowed.headers.get('x-cache-key')).toBe(first.headers.get('x-cache-key'));
      expect(allowed.body).toEqual(first.body);
      expect((await origin.stats()).total).toBe(0);
    });

    it('a HEAD without the header is 403 too', async () => {
      const result = await fetchGateway(graphqlPath({ query }), { method: 'HEAD' });
      expect(result.status).toBe(403);
    });
  });
});

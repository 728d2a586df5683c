import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { origin, resetAll } from '../helpers.ts';
import { codes, graphqlPath, postJson, type Answer } from '../../support/answers.ts';
import { envWith, fetchGateway, fetchWith } from './guard-helpers.ts';

/** With ENVIRONMENT=production: no introspection, no GraphiQL, nothing internal in an error. */

const BROWSER = { accept: 'text/html,application/xhtml+xml' };

interface NodeLikeProcess {
  env: Record<string, string | undefined>;
}

function nodeProcess(): NodeLikeProcess {
  const { process } = globalThis as { process?: NodeLikeProcess };
  if (!process?.env) throw new Error('nodejs_compat should provide process.env');
  return process;
}

function expectNothingInternal(result: Answer): void {
  expect(result.status).toBeLessThan(500);
  expect(result.text).not.toMatch(/stack/i);
  expect(result.text).not.toContain('originalError');
  expect(result.text).not.toMatch(/Did you mean/i);
  // Nor the origin's address or its request line (they stay in the error's `detail`, for logs).
  expect(result.text).not.toContain(new URL(env.ORIGIN_URL).host);
  expect(result.text).not.toContain('/api/');
}

describe('production', () => {
  const production = envWith({ ENVIRONMENT: 'production' });
  const graphql = (query: string) => fetchWith(production, '/graphql', postJson({ query }));

  beforeEach(() => resetAll());

  it('refuses introspection by __schema and by __type, with no origin call', async () => {
    await origin.resetCounters();
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Product") { name fields { name } } }']) {
      const result = await graphql(query);
      expect(result.status).toBe(200);
      expect(result.body?.data ?? null).toBeNull();
      expect(codes(result.body)[0]).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.body?.errors?.[0]?.message).toMatch(/introspection has been disabled/);
      expect(result.text).not.toContain('"Product"');
    }
    expect((await origin.stats()).total).toBe(0);
  });

  it('refuses introspection hidden in a fragment or behind an alias', async () => {
    const fragment = await graphql('{ ...F } fragment F on Query { s: __schema { types { name } } }');
    expect(fragment.body?.data ?? null).toBeNull();
    expect(fragment.body?.errors?.length).toBeGreaterThan(0);
    expect(fragment.text).not.toContain('ProductConnection');
  });

  it('development answers the same introspection (the contrast)', async () => {
    const result = await fetchGateway('/graphql', postJson({ query: '{ __schema { queryType { name } } }' }));
    expect(result.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('does not serve GraphiQL to a browser, with or without a CSRF header', async () => {
    for (const headers of [BROWSER, { ...BROWSER, 'x-graphql-csrf': '1' }]) {
      const result = await fetchWith(production, '/graphql', { headers });
      expect(result.status).toBeGreaterThanOrEqual(400);
      expect(result.status).toBeLessThan(500);
      expect(result.headers.get('content-type') ?? '').not.toContain('text/html');
      expect(result.text).not.toContain('YogaGraphiQL');
      expect(result.text).not.toMatch(/<html/i);
    }
    expect((await fetchWith(production, '/', { redirect: 'manual' })).status).toBe(404);
  });

  it('answers ordinary queries, by POST and by GET, through the cache', async () => {
    const query = '{ product(id: "1") { id name price { amount currency } } }';
    const first = await graphql(query);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ data: { product: { id: '1', name: expect.any(String), price: { amount: expect.any(String), currency: 'USD' } } } });
    const again = await fetchWith(production, graphqlPath({ query }), { headers: { accept: 'application/json', 'x-graphql-csrf': '1' } });
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('x-cache')).toBe('HIT');
  });

  describe('errors carry nothing internal, even with NODE_ENV=development', () => {
    let saved: string | undefined;
    beforeEach(() => {
      saved = nodeProcess().env.NODE_ENV;
      nodeProcess().env.NODE_ENV = 'development';
    });
    afterEach(() => {
      if (saved === undefined) delete nodeProcess().env.NODE_ENV;
      else nodeProcess().env.NODE_ENV = saved;
    });

    // A fresh isolate state per test, built while NODE_ENV says development.
    const freshProduction = () => envWith({ ENVIRONMENT: 'production' });

    it('an origin failure', async () => {
      const target = freshProduction();
      await origin.fault({ mode: 'error' });
      const result = await fetchWith(target, '/graphql', postJson({ query: '{ product(id: "2") { name } }' }));
      await origin.fault({ mode: 'none' });
      expect(result.status).toBe(200);
      expect(result.body?.data).toEqual({ product: null });
      expect(codes(result.body)).toEqual(['ORIGIN_UNAVAILABLE']);
      expect(result.body?.errors?.[0]?.message).toBe('The origin is unavailable; try again later.');
      expect(result.body?.errors?.[0]?.extensions).toEqual({ code: 'ORIGIN_UNAVAILABLE' });
      expectNothingInternal(result);
    });

    it('a validation error on a misspelt field and argument', async () => {
      const target = freshProduction();
      for (const query of ['{ prodct(id: "1") { id } }', '{ product(id: "1") { nme } }', '{ products(frist: 1) { totalCount } }']) {
        const result = await fetchWith(target, '/graphql', postJson({ query }));
        expect(result.body?.errors?.length).toBeGreaterThan(0);
        expect(codes(result.body)[0]).toBe('GRAPHQL_VALIDATION_FAILED');
        expectNothingInternal(result);
      }
    });

    it('a GraphQL syntax error', async () => {
      const target = freshProduction();
      const result = await fetchWith(target, '/graphql', postJson({ query: '{ product(id: "1" { id }' }));
      expect(codes(result.body)).toEqual(['GRAPHQL_PARSE_FAILED']);
      expectNothingInternal(result);
    });

    it('a resolver refusing input, and an unknown cursor', async () => {
      const target = freshProduction();
      for (const query of ['{ products(first: -1) { totalCount } }', '{ products(first: 1, after: "bm9wZQ==") { totalCount } }']) {
        const result = await fetchWith(target, '/graphql', postJson({ query }));
        expect(codes(result.body)).toEqual(['BAD_USER_INPUT']);
        expectNothingInternal(result);
      }
    });

    it('a malformed origin answer', async () => {
      const target = freshProduction();
      await origin.fault({ mode: 'malformed' });
      const result = await fetchWith(target, '/graphql', postJson({ query: '{ product(id: "3") { name } }' }));
      await origin.fault({ mode: 'none' });
      expect(codes(result.body)).toEqual(['ORIGIN_UNAVAILABLE']);
      expectNothingInternal(result);
    });
    it('a body that is not JSON', async () => {
      const target = freshProduction();
      const result = await fetchWith(target, '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' });
      expect(result.status).toBe(400);
      expectNothingInternal(result);
    });
  });
});

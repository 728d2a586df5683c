import { beforeEach, describe, expect, it } from 'vitest';
import manifest from '../../../client/generated/persisted-documents.json';
import { origin, resetAll } from '../helpers.ts';
import { codes, graphqlPath, postJson, type Answer } from '../../support/answers.ts';
import { envWith, fetchGateway, fetchWith, sha256Hex } from './guard-helpers.ts';

/**
 * Automatic persisted queries (extensions.persistedQuery.sha256Hash), trusted
 * documents from the codegen manifest (documentId `sha256:<hash>`), and
 * PERSISTED_ONLY, which accepts nothing but the manifest.
 */

const MANIFEST = manifest as Record<string, string>;
const GET_HEADERS = { accept: 'application/json', 'x-graphql-csrf': '1' };

function manifestEntry(operation: string): { id: string; hash: string; query: string } {
  const entry = Object.entries(MANIFEST).find(([, query]) => query.startsWith(`query ${operation}(`));
  if (!entry) throw new Error(`no ${operation} in the manifest`);
  const [id, query] = entry;
  return { id, hash: id.replace(/^sha256:/, ''), query };
}

const PRODUCT = manifestEntry('Product');
const PRODUCTS = manifestEntry('Products');

const apq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });
const apqGet = (hash: string, variables?: Record<string, unknown>) =>
  graphqlPath({ extensions: JSON.stringify(apq(hash)), ...(variables ? { variables: JSON.stringify(variables) } : {}) });

/** A query text no isolate has registered yet (the comment changes its hash, not its cache key). */
const freshQuery = (body: string) => `# ${crypto.randomUUID()}\n${body}`;

function expectData(result: Answer): void {
  expect(result.status).toBe(200);
  expect(result.body?.errors).toBeUndefined();
  expect(result.body?.data).toBeTruthy();
}

describe('persisted operations', () => {
  beforeEach(() => resetAll());

  it('the manifest keys are the SHA-256 of their documents', async () => {
    expect(Object.keys(MANIFEST).length).toBeGreaterThan(0);
    for (const [id, query] of Object.entries(MANIFEST)) expect(id).toBe(`sha256:${await sha256Hex(query)}`);
  });

  describe('APQ', () => {
    it('round trip over GET: unknown hash, then registration by POST, then the hash alone', async () => {
      const query = freshQuery('{ products(first: 3) { totalCount nodes { id name } } }');
      const hash = await sha256Hex(query);
      await origin.resetCounters();

      const unknown = await fetchGateway(apqGet(hash), { headers: GET_HEADERS });
      expect(unknown.status).toBe(200);
      expect(codes(unknown.body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
      expect(unknown.body?.data ?? null).toBeNull();
      expect((await origin.stats()).total).toBe(0);

      const registered = await fetchGateway('/graphql', postJson({ query, extensions: apq(hash) }));
      expectData(registered);
      expect(registered.headers.get('x-cache')).toBe('MISS');

      const byHash = await fetchGateway(apqGet(hash), { headers: GET_HEADERS });
      expectData(byHash);
      expect(byHash.body).toEqual(registered.body);
      expect(byHash.headers.get('x-cache')).toBe('HIT');
      expect(byHash.headers.get('x-cache-key')).toBe(registered.headers.get('x-cache-key'));
    });

    it('shares one cache entry with the plain query', async () => {
      const body = '{ product(id: "4") { id name price { amount currency } } }';
      const plain = await fetchGateway('/graphql', postJson({ query: body }));
      expectData(plain);
      expect(plain.headers.get('x-cache')).toBe('MISS');
      await origin.resetCounters();

      const query = freshQuery(body);
      const hash = await sha256Hex(query);
      const registered = await fetchGateway('/graphql', postJson({ query, extensions: apq(hash) }));
      expect(registered.headers.get('x-cache')).toBe('HIT');
      const byHash = await fetchGateway(apqGet(hash), { headers: GET_HEADERS });
      expect(byHash.headers.get('x-cache')).toBe('HIT');

      for (const result of [registered, byHash]) {
        expect(result.body).toEqual(plain.body);
        expect(result.headers.get('x-cache-key')).toBe(plain.headers.get('x-cache-key'));
      }
      expect((await origin.stats()).total).toBe(0);
    });

    it('passes variables along with the hash', async () => {
      const query = freshQuery('query One($id: ID!) { product(id: $id) { id } }');
      const hash = await sha256Hex(query);
      expectData(await fetchGateway('/graphql', postJson({ query, variables: { id: '5' }, extensions: apq(hash) })));
      const byHash = await fetchGateway(apqGet(hash, { id: '6' }), { headers: GET_HEADERS });
      expect(byHash.body).toEqual({ data: { product: { id: '6' } } });
    });

    it('refuses a hash that does not match the query with 400, and registers nothing', async () => {
      const query = freshQuery('{ product(id: "1") { id } }');
      const wrong = await sha256Hex(`${query} `);
      await origin.resetCounters();

      const mismatch = await fetchGateway('/graphql', postJson({ query, extensions: apq(wrong) }));
      expect(mismatch.status).toBe(400);
      expect(codes(mismatch.body)).toEqual(['PERSISTED_QUERY_HASH_MISMATCH']);

      const after = await fetchGateway(apqGet(wrong), { headers: GET_HEADERS });
      expect(codes(after.body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
      expect((await origin.stats()).total).toBe(0);
    });

    it('hash comparison is exact: an upper-case hash is malformed, not a match', async () => {
      const query = freshQuery('{ product(id: "1") { id } }');
      const hash = await sha256Hex(query);
      expectData(await fetchGateway('/graphql', postJson({ query, extensions: apq(hash) })));
      const upper = await fetchGateway(apqGet(hash.toUpperCase()), { headers: GET_HEADERS });
      expect(upper.body?.errors?.length).toBeGreaterThan(0);
      expect(upper.body?.data ?? null).toBeNull();
    });
  });

  describe('trusted documents', () => {
    it('runs a manifest document by documentId, by POST and by GET, without the query ever being sent', async () => {
      const post = await fetchGateway('/graphql', postJson({ documentId: PRODUCT.id, variables: { id: '1' } }));
      expectData(post);
      expect(post.body?.data).toMatchObject({ product: { id: '1', sku: expect.any(String), inventory: { available: expect.any(Number) } } });

      const get = await fetchGateway(graphqlPath({ documentId: PRODUCT.id, variables: JSON.stringify({ id: '1' }) }), { headers: GET_HEADERS });
      expect(get.body).toEqual(post.body);
      expect(get.headers.get('x-cache')).toBe('HIT');
    });

    it('runs a manifest document by its APQ hash, with no registration', async () => {
      const result = await fetchGateway(apqGet(PRODUCTS.hash, { first: 2 }), { headers: GET_HEADERS });
      expectData(result);
      expect(result.body?.data).toMatchObject({ products: { nodes: [expect.anything(), expect.anything()] } });
    });

    it('shares the cache entry with the same document sent as text', async () => {
      const plain = await fetchGateway('/graphql', postJson({ query: PRODUCT.query, variables: { id: '2' } }));
      expect(plain.headers.get('x-cache')).toBe('MISS');
      const byId = await fetchGateway('/graphql', postJson({ documentId: PRODUCT.id, variables: { id: '2' } }));
      expect(byId.headers.get('x-cache')).toBe('HIT');
      expect(byId.body).toEqual(plain.body);
    });
  });

  describe('PERSISTED_ONLY=true', () => {
    const persistedOnly = envWith({ PERSISTED_ONLY: 'true' });
    const post = (value: unknown) => fetchWith(persistedOnly, '/graphql', postJson(value));
    const get = (path: string) => fetchWith(persistedOnly, path, { headers: GET_HEADERS });

    it('runs manifest operations by documentId, by POST and by GET', async () => {
      const byPost = await post({ documentId: PRODUCT.id, variables: { id: '3' } });
      expectData(byPost);
      expect(byPost.body?.data).toMatchObject({ product: { id: '3' } });
      const byGet = await get(graphqlPath({ documentId: PRODUCT.id, variables: JSON.stringify({ id: '3' }) }));
      expect(byGet.body).toEqual(byPost.body);
    });

    it('runs manifest operations by APQ hash, and with their exact text beside the hash', async () => {
      expectData(await get(apqGet(PRODUCTS.hash, { first: 1 })));
      expectData(await post({ query: PRODUCT.query, variables: { id: '1' }, extensions: apq(PRODUCT.hash) }));
    });

    it('refuses a raw query with 400 PERSISTED_QUERY_ONLY, by POST and by GET, before any origin call', async () => {
      await origin.resetCounters();
      for (const result of [
        await post({ query: '{ products(first: 1) { totalCount } }' }),
        await get(graphqlPath({ query: '{ products(first: 1) { totalCount } }' })),
        // Even the manifest's own text, without its id.
        await post({ query: PRODUCT.query, variables: { id: '1' } }),
      ]) {
        expect(result.status).toBe(400);
        expect(codes(result.body)).toEqual(['PERSISTED_QUERY_ONLY']);
        expect(result.body?.data ?? null).toBeNull();
      }
      expect((await origin.stats()).total).toBe(0);
    });

    it('refuses an unknown hash with 400 PERSISTED_QUERY_NOT_FOUND', async () => {
      const hash = await sha256Hex(freshQuery('{ __typename }'));
      for (const result of [await get(apqGet(hash)), await post({ documentId: `sha256:${hash}` })]) {
        expect(result.status).toBe(400);
        expect(codes(result.body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
      }
    });

    it('refuses APQ registration: a new query with its correct hash is not run and not remembered', async () => {
      const query = freshQuery('{ products(first: 1) { totalCount } }');
      const hash = await sha256Hex(query);
      await origin.resetCounters();

      const register = await post({ query, extensions: apq(hash) });
      expect(register.status).toBe(400);
      expect(codes(register.body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);

      const byHash = await get(apqGet(hash));
      expect(byHash.status).toBe(400);
      expect(codes(byHash.body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
      expect((await origin.stats()).total).toBe(0);
    });

    it('refuses a hash registered by APQ in another isolate state', async () => {
      const query = freshQuery('{ __typename }');
      const hash = await sha256Hex(query);
      expectData(await fetchGateway('/graphql', postJson({ query, extensions: apq(hash) })));
      const result = await get(apqGet(hash));
      expect(result.status).toBe(400);
      expect(codes(result.body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    });

    describe('known gaps: raw queries that reach Yoga without the persisted check', () => {
      const RAW = '{ __typename }';
      const expectRefused = (result: Answer) => {
        expect([400, 415]).toContain(result.status);
        expect(result.body?.data ?? null).toBeNull();
      };
      it('a raw query beside a malformed sha256Hash', async () => {
        expectRefused(await post({ query: RAW, extensions: apq('not-a-hash') }));
      });
      it('a raw GET query beside a malformed documentId', async () => {
        expectRefused(await get(graphqlPath({ query: RAW, documentId: 'nope' })));
      });
      it('a raw query as application/graphql', async () => {
        expectRefused(
          await fetchWith(persistedOnly, '/graphql', { method: 'POST', headers: { 'content-type': 'application/graphql', accept: 'application/json' }, body: RAW }),
        );
      });
      it('a raw query as application/graphql+json', async () => {
        expectRefused(await fetchWith(persistedOnly, '/graphql', postJson({ query: RAW }, { 'content-type': 'application/graphql+json' })));
      });
      it('a raw query as a form POST with a CSRF header', async () => {
        expectRefused(
          await fetchWith(persistedOnly, '/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-graphql-csrf': '1' },
            body: `query=${encodeURIComponent(RAW)}`,
          }),
        );
      });
      it('a raw query as a multipart POST with a CSRF header', async () => {
        const form = new FormData();
        form.set('operations', JSON.stringify({ query: RAW }));
        form.set('map', '{}');
        expectRefused(await fetchWith(persistedOnly, '/graphql', { method: 'POST', headers: { accept: 'application/json', 'x-graphql-csrf': '1' }, body: form }));
      });
    });
  });
});

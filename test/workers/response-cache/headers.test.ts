import { exports } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gql, origin, resetAll } from '../helpers.ts';

const PRODUCT = '{ product(id: "1") { id name } }';
const PRODUCT_BY_ID = 'query ProductById($id: ID!) { product(id: $id) { id name } }';
const TWO_PRODUCTS = 'query TwoProducts($a: ID!, $b: ID!) { a: product(id: $a) { id } b: product(id: $b) { id } }';
const WITH_INVENTORY = '{ product(id: "1") { id inventory { available } } }';
const VIEWER = '{ viewer { id } }';
const SET_INVENTORY = 'mutation { setInventory(sku: "SKU-00001", available: 7) { sku available } }';

const PUBLIC_PRODUCT_POLICY = 'public, max-age=300, stale-if-error=86400';

/** A raw POST, for what gql() cannot show: a 304 has no JSON body to parse. */
function post(query: string, headers: Record<string, string> = {}): Promise<Response> {
  return exports.default.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
}

/** The Server-Timing header's cache status and origin call count. */
function timing(headers: Headers): { cache: string | undefined; originCalls: number | undefined } {
  const header = headers.get('server-timing') ?? '';
  const cache = /(?:^|,\s*)cache;desc="([A-Z]+)"/.exec(header)?.[1];
  const calls = /(?:^|,\s*)origin;dur=\d+(?:\.\d+)?;desc="(\d+) calls?"/.exec(header)?.[1];
  return { cache, originCalls: calls === undefined ? undefined : Number(calls) };
}

describe('response cache headers', () => {
  beforeEach(() => resetAll());

  describe('a public query', () => {
    it('is a MISS, then a HIT, with the policy in Cache-Control', async () => {
      const miss = await gql(PRODUCT);
      const hit = await gql(PRODUCT);

      expect(miss.status).toBe(200);
      expect(miss.headers.get('x-cache')).toBe('MISS');
      expect(miss.headers.get('cache-control')).toBe(PUBLIC_PRODUCT_POLICY);
      expect(hit.status).toBe(200);
      expect(hit.headers.get('x-cache')).toBe('HIT');
      expect(hit.headers.get('cache-control')).toBe(PUBLIC_PRODUCT_POLICY);
      expect(hit.body).toEqual(miss.body);
      expect(hit.body.data).toEqual({ product: { id: '1', name: expect.any(String) } });
      // The hit never reached the origin.
      expect((await origin.stats()).total).toBe(1);
    });

    it('carries Age and an ETag that stays the same on a hit', async () => {
      const miss = await gql(PRODUCT);
      const hit = await gql(PRODUCT);

      expect(miss.headers.get('age')).toMatch(/^\d+$/);
      expect(hit.headers.get('age')).toMatch(/^\d+$/);
      expect(miss.headers.get('etag')).toMatch(/^"[^"]+"$/);
      expect(hit.headers.get('etag')).toBe(miss.headers.get('etag'));
    });

    it('names its cache key, the same for the same document whatever the whitespace', async () => {
      const compact = await gql(PRODUCT_BY_ID, { variables: { id: '1' } });
      const spread = await gql('query ProductById( $id : ID! ) {\n  product(id: $id) {\n    id\n\n    name\n  }\n}\n', {
        variables: { id: '1' },
      });

      const key = compact.headers.get('x-cache-key');
      expect(key).toMatch(/^\S{16,}$/);
      expect(spread.headers.get('x-cache-key')).toBe(key);
      expect(spread.headers.get('x-cache')).toBe('HIT');
    });

    it('keys by the variables\' values, not their order', async () => {
      const ab = await gql(TWO_PRODUCTS, { variables: { a: '1', b: '2' } });
      const ba = await gql(TWO_PRODUCTS, { variables: { b: '2', a: '1' } });
      const other = await gql(TWO_PRODUCTS, { variables: { a: '1', b: '3' } });
      const swapped = await gql(TWO_PRODUCTS, { variables: { a: '2', b: '1' } });

      const key = ab.headers.get('x-cache-key');
      expect(key).toBeTruthy();
      expect(ba.headers.get('x-cache-key')).toBe(key);
      expect(ba.headers.get('x-cache')).toBe('HIT');
      expect(other.headers.get('x-cache-key')).not.toBe(key);
      expect(other.headers.get('x-cache')).toBe('MISS');
      expect(swapped.headers.get('x-cache-key')).not.toBe(key);
      expect(swapped.body.data).toEqual({ a: { id: '2' }, b: { id: '1' } });
    });

    it('answers If-None-Match with its ETag by 304 and no body', async () => {
      const first = await post(PRODUCT);
      await first.text();
      const etag = first.headers.get('etag');
      expect(etag).toBeTruthy();

      const conditional = await post(PRODUCT, { 'if-none-match': etag ?? '' });

      expect(conditional.status).toBe(304);
      expect(await conditional.text()).toBe('');
      expect(conditional.headers.get('etag')).toBe(etag);
      expect(conditional.headers.get('cache-control')).toBe(PUBLIC_PRODUCT_POLICY);
      expect(conditional.headers.get('x-cache')).toBe('HIT');
    });

    it('answers a stale If-None-Match with the full body', async () => {
      await (await post(PRODUCT)).text();

      const conditional = await post(PRODUCT, { 'if-none-match': '"not-the-etag"' });

      expect(conditional.status).toBe(200);
      expect(await conditional.json()).toEqual({ data: { product: { id: '1', name: expect.any(String) } } });
    });

    it('answers 304 when the ETag is one of several in If-None-Match', async () => {
      const first = await post(PRODUCT);
      await first.text();
      const etag = first.headers.get('etag') ?? '';

      const conditional = await post(PRODUCT, { 'if-none-match': `"some-older-version", ${etag}` });

      expect(conditional.status).toBe(304);
    });
  });

  it('states the tighter policy of a query with inventory: max-age=5 with stale-while-revalidate', async () => {
    const miss = await gql(WITH_INVENTORY);
    const hit = await gql(WITH_INVENTORY);

    expect(miss.body.errors).toBeUndefined();
    expect(miss.headers.get('x-cache')).toBe('MISS');
    expect(hit.headers.get('x-cache')).toBe('HIT');
    for (const { headers } of [miss, hit]) {
      expect(headers.get('cache-control')).toBe('public, max-age=5, stale-while-revalidate=60, stale-if-error=86400');
    }
  });

  describe('a private query', () => {
    it('is private, max-age=30 with a token, and cached for that token', async () => {
      const miss = await gql(VIEWER, { token: 'token-u1' });
      const hit = await gql(VIEWER, { token: 'token-u1' });

      expect(miss.body.data).toEqual({ viewer: { id: 'u1' } });
      expect(miss.headers.get('cache-control')).toBe('private, max-age=30');
      expect(miss.headers.get('x-cache')).toBe('MISS');
      expect(hit.headers.get('cache-control')).toBe('private, max-age=30');
      expect(hit.headers.get('x-cache')).toBe('HIT');
      expect(hit.body).toEqual(miss.body);
    });

    it('is never served to another token', async () => {
      const u1 = await gql(VIEWER, { token: 'token-u1' });
      const u2 = await gql(VIEWER, { token: 'token-u2' });

      expect(u2.headers.get('x-cache')).toBe('MISS');
      expect(u2.headers.get('x-cache-key')).not.toBe(u1.headers.get('x-cache-key'));
      expect(u2.body.data).toEqual({ viewer: { id: 'u2' } });
    });

    it('is not cached without a token', async () => {
      const anonymous = await gql(VIEWER);

      expect(anonymous.body.data).toEqual({ viewer: null });
      expect(anonymous.headers.get('x-cache')).toBe('BYPASS');
      expect(anonymous.headers.get('cache-control')).toBe('no-store');
    });
  });

  it('passes a mutation by: BYPASS, no-store', async () => {
    const { body, headers } = await gql(SET_INVENTORY, { token: 'token-admin' });

    expect(body.errors).toBeUndefined();
    expect(headers.get('x-cache')).toBe('BYPASS');
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('etag')).toBeNull();
    expect(timing(headers).cache).toBe('BYPASS');
  });

  it('neither caches nor lets anyone cache a response with errors', async () => {
    await origin.fault({ mode: 'error' });
    const failed = await gql(PRODUCT);
    await origin.fault({ mode: 'none' });

    expect(failed.body.errors?.map((error) => error.extensions?.code)).toEqual(['ORIGIN_UNAVAILABLE']);
    expect(failed.headers.get('cache-control')).toBe('no-store');
    expect(failed.headers.get('x-cache')).toBe('MISS');
    expect(failed.headers.get('etag')).toBeNull();

    const next = await gql(PRODUCT);
    expect(next.headers.get('x-cache')).toBe('MISS');
    expect(next.body.errors).toBeUndefined();
    expect(next.body.data).toEqual({ product: { id: '1', name: expect.any(String) } });
    expect((await gql(PRODUCT)).headers.get('x-cache')).toBe('HIT');
  });

  it('names the cache status and the origin calls in Server-Timing', async () => {
    const before = (await origin.stats()).total;
    const miss = await gql(WITH_INVENTORY);
    const calls = (await origin.stats()).total - before;
    const hit = await gql(WITH_INVENTORY);

    expect(calls).toBeGreaterThan(0);
    expect(timing(miss.headers)).toEqual({ cache: 'MISS', originCalls: calls });
    expect(timing(hit.headers)).toEqual({ cache: 'HIT', originCalls: 0 });
    expect(hit.headers.get('server-timing')).toMatch(/(^|,\s*)total;dur=\d+/);
  });

  describe('content type', () => {
    it('follows Accept on a hit: the same bytes labelled for each client', async () => {
      await gql(PRODUCT);

      const modern = await gql(PRODUCT, { headers: { accept: 'application/graphql-response+json' } });
      const legacy = await gql(PRODUCT, { headers: { accept: 'application/json' } });

      expect(modern.headers.get('x-cache')).toBe('HIT');
      expect(modern.headers.get('content-type')).toMatch(/^application\/graphql-response\+json\b/);
      expect(legacy.headers.get('x-cache')).toBe('HIT');
      expect(legacy.headers.get('content-type')).toMatch(/^application\/json\b/);
      expect(modern.body).toEqual(legacy.body);
    });

    it('follows Accept on the miss that stores the entry, too', async () => {
      const miss = await gql(PRODUCT, { headers: { accept: 'application/graphql-response+json' } });

      expect(miss.headers.get('x-cache')).toBe('MISS');
      expect(miss.headers.get('content-type')).toMatch(/^application\/graphql-response\+json\b/);
      expect((await gql(PRODUCT)).headers.get('content-type')).toMatch(/^application\/json\b/);
    });
  });

  describe('the log line', () => {
    afterEach(() => {
      vi.restoreAllMocks();
    });

    /** The JSON objects logged with console.log while `run` ran. */
    async function logged(run: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
      const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
      let calls: unknown[][];
      try {
        await run();
      } finally {
        // Restoring clears the recorded calls: copy them first.
        calls = [...log.mock.calls];
        log.mockRestore();
      }
      return calls.flatMap(([line]) => {
        if (typeof line !== 'string') return [];
        try {
          const parsed: unknown = JSON.parse(line);
          return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? [parsed as Record<string, unknown>] : [];
        } catch {
          return [];
        }
      });
    }

    it('is exactly one JSON line per request, with operationName, cache, originCalls and durationMs', async () => {
      const query = 'query OneProduct { product(id: "1") { id name } }';
      const before = (await origin.stats()).total;
      // operationName is the request's parameter, as the client sent it.
      const missLines = await logged(() => gql(query, { operationName: 'OneProduct' }));
      const calls = (await origin.stats()).total - before;
      const hitLines = await logged(() => gql(query, { operationName: 'OneProduct' }));

      expect(missLines).toHaveLength(1);
      expect(missLines[0]).toMatchObject({ operationName: 'OneProduct', cache: 'MISS', originCalls: calls, durationMs: expect.any(Number) });
      expect(hitLines).toHaveLength(1);
      expect(hitLines[0]).toMatchObject({ operationName: 'OneProduct', cache: 'HIT', originCalls: 0, durationMs: expect.any(Number) });
      for (const line of [...missLines, ...hitLines]) expect(line.durationMs).toBeGreaterThanOrEqual(0);
    });

    it('logs a bypassed mutation and an anonymous operation once each', async () => {
      const mutationLines = await logged(() => gql(SET_INVENTORY, { token: 'token-admin' }));
      const anonymousLines = await logged(() => gql(PRODUCT));

      expect(mutationLines).toHaveLength(1);
      expect(mutationLines[0]).toMatchObject({ operationName: null, cache: 'BYPASS', originCalls: 1 });
      expect(anonymousLines).toHaveLength(1);
      expect(anonymousLines[0]).toMatchObject({ operationName: null, cache: 'MISS' });
    });
  });
});

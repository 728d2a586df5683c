import { env } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { graphqlPath, isRefusal, JSON_HEADERS, postJson, type Answer } from '../../support/answers.ts';
import { check, CORPUS, EXPECTED_SUMMARY, get, post, postQuery, type HostileCase, type Probe } from '../../support/hostile-requests.ts';
import { origin, resetAll } from '../helpers.ts';
import { fetchGateway, fetchWith } from './guard-helpers.ts';

async function probe(c: HostileCase): Promise<Probe> {
  await origin.resetCounters();
  const answer = await fetchGateway(c.path ?? '/graphql', c.init);
  return { ...answer, originCalls: (await origin.stats()).total };
}

describe('hostile input', () => {
  beforeEach(() => resetAll());

  it.each(CORPUS)('refuses $name', async (c) => {
    check(c, await probe(c));
  });

  it('refuses the whole corpus in a row, with the expected statuses, and keeps serving', async () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(45);
    expect(new Set(CORPUS.map((c) => c.name)).size).toBe(CORPUS.length);
    const summary: Record<string, number> = {};
    for (const c of CORPUS) {
      const result = await probe(c);
      check(c, result);
      summary[result.status] = (summary[result.status] ?? 0) + 1;
    }
    expect(summary).toEqual(EXPECTED_SUMMARY);

    const after = await fetchGateway('/graphql', postJson({ query: '{ product(id: "1") { id name } }' }));
    expect(after.status).toBe(200);
    expect(after.body).toEqual({ data: { product: { id: '1', name: expect.any(String) } } });
  });
});

describe('hostile input: no way around the limits', () => {
  beforeEach(() => resetAll());

  it('refuses any body but JSON before GraphQL sees it: long query text as application/graphql is a 415', async () => {
    const result = await probe({
      name: 'long application/graphql',
      init: post(`{ __typename }${' '.repeat(15_000)}`, { 'content-type': 'application/graphql', accept: 'application/json' }),
      status: 415,
      body: 'errors',
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
    expect(result.status).toBe(415);
  });

  it('refuses query text over 15000 characters sent beside a malformed persisted hash', async () => {
    await origin.resetCounters();
    const result = await fetchGateway(
      '/graphql',
      postQuery(`{ __typename }${' '.repeat(15_000)}`, { extensions: { persistedQuery: { version: 1, sha256Hash: 'nope' } } }),
    );
    expect(isRefusal(result)).toBe(true);
    expect(result.body?.data ?? null).toBeNull();
  });

  it('refuses a GET whose variables are not JSON even when the query needs none', async () => {
    const result = await fetchGateway(graphqlPath({ query: '{ __typename }', variables: '{"first":' }), get());
    expect(result.status).toBe(400);
    expect(result.body?.errors?.length).toBeGreaterThan(0);
  });

  it('refuses a body over MAX_BODY_BYTES whose Content-Length claims 10 bytes', async () => {
    await origin.resetCounters();
    const body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(200 * 1024) } });
    const result = await fetchGateway('/graphql', post(body, { ...JSON_HEADERS, 'content-length': '10' }));
    expect(result.status).toBe(413);
    expect(result.body?.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  // Decided: MAX_DEPTH does not apply under `__schema` (graphql-armor's ignoreIntrospection), because GraphiQL's
  // and codegen's own introspection queries go deeper than 8; graphql-js bounds introspection depth itself, and
  // production turns introspection off.
  it('lets development tools introspect deeper than MAX_DEPTH, at no origin cost', async () => {
    await origin.resetCounters();
    const query = `{ __schema { types { ${'ofType { '.repeat(9)}name ${'} '.repeat(9)}} } }`;
    const result = await fetchGateway('/graphql', postQuery(query));
    expect(result.status).toBe(200);
    expect((await origin.stats()).total).toBe(0);
  });
});

describe('hostile input: MAX_VARIABLES_DEPTH, and no 5xx from workerd itself', () => {
  beforeEach(() => resetAll());
  afterEach(() => vi.restoreAllMocks());

  const nestedVariables = (levels: number) => `{"a":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;
  const expectTooDeep = (result: Answer) => {
    expect(result.status).toBe(400);
    expect(result.body?.errors?.[0]?.extensions?.code).toBe('VARIABLES_TOO_DEEP');
    expect(result.headers.get('access-control-allow-origin')).toBe('*');
  };

  it('counts the variables object as the first level: MAX_VARIABLES_DEPTH levels pass, one more is refused', async () => {
    const shallow = { ...env, MAX_VARIABLES_DEPTH: '3' };
    const body = (levels: number) => post(`{"query":"{ __typename }","variables":${nestedVariables(levels)}}`);
    const atLimit = await fetchWith(shallow, '/graphql', body(3));
    expect(atLimit.status).toBe(200);
    expect(atLimit.body).toEqual({ data: { __typename: 'Query' } });
    expectTooDeep(await fetchWith(shallow, '/graphql', body(4)));
  });

  // The walk itself must not recurse: a body limit raised far enough lets a 100,000-level array reach it.
  it('refuses a 100,000-deep array in variables without overflowing, by POST and by GET', async () => {
    const roomy = { ...env, MAX_BODY_BYTES: '1000000' };
    const variables = nestedVariables(100_000);
    expectTooDeep(await fetchWith(roomy, '/graphql', post(`{"query":"{ __typename }","variables":${variables}}`)));
    expectTooDeep(await fetchWith(roomy, graphqlPath({ query: '{ __typename }', variables }), get()));
    expect((await origin.stats()).total).toBe(0);
  });

  it('answers a throw before Yoga (a body that breaks off) with a JSON GraphQL 500, CORS and a JSON log line', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = new ReadableStream<Uint8Array>({ pull: (controller) => controller.error(new Error('connection reset')) });
    const result = await fetchWith(env, '/graphql', { method: 'POST', headers: JSON_HEADERS, body: broken });
    expect(result.status).toBe(500);
    expect(result.headers.get('content-type')).toMatch(/^application\/json/);
    expect(result.headers.get('access-control-allow-origin')).toBe('*');
    expect(result.body).toEqual({ errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    const lines = logged.mock.calls.map(([line]) => JSON.parse(String(line)) as { event?: string; error?: string });
    expect(lines).toContainEqual({ event: 'graphql-route-failed', error: 'Error: connection reset' });
  });
});

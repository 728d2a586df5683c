import { beforeEach, describe, expect, it } from 'vitest';
import { graphqlPath, isRefusal, JSON_HEADERS, postJson } from '../answers.ts';
import { check, CORPUS, EXPECTED_SUMMARY, get, post, postQuery, type HostileCase, type Probe } from '../corpus/hostile-requests.ts';
import { origin, resetAll } from '../helpers.ts';
import { fetchGateway } from './guard-helpers.ts';

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

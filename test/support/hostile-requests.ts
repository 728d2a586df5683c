import { expect } from 'vitest';
import { graphqlPath, isRefusal, JSON_HEADERS, postJson, type Answer } from './answers.ts';

/**
 * A corpus of hostile or malformed requests. Every one must be refused (a 4xx,
 * or a 200 whose `errors` say why, as GraphQL over HTTP prescribes for
 * `application/json` clients), never with a 5xx, and without a single origin
 * call. Left out: requests that cannot even be constructed in a test (a header
 * value with CR/LF or NUL throws in `new Headers`, so it never reaches the Worker).
 */

const CSRF = { 'x-graphql-csrf': '1' };

export interface HostileCase {
  name: string;
  /** Path and query; default `/graphql`. */
  path?: string;
  init: RequestInit;
  status: number;
  /** `errors`: a JSON body with a non-empty `errors` array; `empty`: no body at all (Yoga's 415 and 405 to HEAD, HEAD's 403). */
  body: 'errors' | 'empty';
  /** `extensions.code` of the first error. */
  code?: string;
  /** What the first error's message says. */
  message?: RegExp;
}

export const post = (body: BodyInit, headers: Record<string, string> = JSON_HEADERS): RequestInit => ({ method: 'POST', headers, body });
export const postQuery = (query: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): RequestInit =>
  postJson({ query, ...extra }, headers);
export const get = (headers: Record<string, string> = { accept: 'application/json', ...CSRF }): RequestInit => ({ method: 'GET', headers });
const utf8 = (text: string) => new TextEncoder().encode(text);
const multipart = () => {
  const form = new FormData();
  form.set('operations', JSON.stringify({ query: '{ __typename }' }));
  form.set('map', '{}');
  return form;
};

const HEX64 = 'ab'.repeat(32);
const DEEP_SCHEMA = '{ __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }';
const DEEP_TYPE = `{ __type(name: "Product") { fields { type { ${'ofType { '.repeat(9)}name ${'} '.repeat(9)}} } } }`;
const ids = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));
/** JSON arrays `levels` deep, one inside the other. */
const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
/** A cacheable query: its variables go into the cache key, whose stringify recursed until MAX_VARIABLES_DEPTH. */
const PRODUCT_BY_ID = 'query ($id: ID!) { product(id: $id) { id } }';

export const CORPUS: HostileCase[] = [
  // The body and its framing
  { name: 'malformed JSON', init: post('{"query": "{ __typename }"'), status: 400, body: 'errors', code: 'BAD_REQUEST' },
  { name: 'an application/xml body', init: post('<query>{ __typename }</query>', { 'content-type': 'application/xml' }), status: 415, body: 'errors', code: 'UNSUPPORTED_MEDIA_TYPE' },
  { name: 'an empty JSON body', init: post(''), status: 400, body: 'errors', code: 'BAD_REQUEST' },
  { name: 'a 1 MB body', init: postQuery(`{ __typename }${' '.repeat(1024 * 1024)}`), status: 413, body: 'errors', code: 'PAYLOAD_TOO_LARGE' },
  {
    name: 'a Content-Length that claims 1 GB',
    init: post(JSON.stringify({ query: '{ __typename }' }), { ...JSON_HEADERS, 'content-length': '999999999' }),
    status: 413,
    body: 'errors',
    code: 'PAYLOAD_TOO_LARGE',
  },
  { name: 'invalid UTF-8 bytes as the body', init: post(new Uint8Array([0xff, 0xfe, 0xfd, 0x80, 0x81])), status: 400, body: 'errors', code: 'BAD_REQUEST' },
  {
    name: 'invalid UTF-8 bytes inside the query string',
    init: post(new Uint8Array([...utf8('{"query":"'), 0xff, 0xc0, 0x80, ...utf8('"}')])),
    status: 200,
    body: 'errors',
    code: 'GRAPHQL_PARSE_FAILED',
  },
  { name: 'a JSON body that is null', init: post('null'), status: 400, body: 'errors', code: 'BAD_REQUEST' },
  { name: 'a JSON body that is a string', init: post('"{ __typename }"'), status: 400, body: 'errors', code: 'BAD_REQUEST' },
  { name: 'a JSON object without query', init: postJson({ variables: {} }), status: 400, body: 'errors', code: 'BAD_REQUEST', message: /Send "query"/ },
  { name: 'a batch array', init: postJson([{ query: '{ __typename }' }, { query: '{ __typename }' }]), status: 400, body: 'errors', message: /Batched requests are not supported/ },
  { name: 'deeply nested JSON (5000 levels of [)', init: post(`${'['.repeat(5000)}${']'.repeat(5000)}`), status: 400, body: 'errors', code: 'BAD_REQUEST' },

  // The request parameters
  { name: 'query a number', init: postJson({ query: 123 }), status: 400, body: 'errors', code: 'BAD_REQUEST' },
  { name: 'query an object', init: postJson({ query: { kind: 'Document', definitions: [] } }), status: 400, body: 'errors', code: 'BAD_REQUEST' },
  { name: 'query an empty string', init: postJson({ query: '' }), status: 400, body: 'errors', code: 'BAD_REQUEST' },
  { name: 'operationName not a string', init: postQuery('{ __typename }', { operationName: 5 }), status: 400, body: 'errors' },
  { name: 'an unknown operationName', init: postQuery('query A { __typename }', { operationName: 'B' }), status: 400, body: 'errors' },
  { name: 'a 10 000-character operationName', init: postQuery('query A { __typename }', { operationName: 'B'.repeat(10_000) }), status: 400, body: 'errors' },
  { name: 'several operations without operationName', init: postQuery('query A { __typename } query B { __typename }'), status: 400, body: 'errors' },
  { name: 'variables an array', init: postQuery('query ($id: ID!) { product(id: $id) { id } }', { variables: ['1'] }), status: 400, body: 'errors', code: 'BAD_REQUEST' },
  { name: 'variables a string', init: postQuery('query ($id: ID!) { product(id: $id) { id } }', { variables: 'oops' }), status: 400, body: 'errors', code: 'BAD_REQUEST' },
  { name: 'extensions a string', init: postQuery('{ __typename }', { extensions: 'oops' }), status: 400, body: 'errors', code: 'BAD_REQUEST', message: /"extensions" must be a JSON object/ },
  { name: 'extensions an array', init: postQuery('{ __typename }', { extensions: [1] }), status: 400, body: 'errors', code: 'BAD_REQUEST', message: /"extensions" must be a JSON object/ },
  {
    name: 'a variable of the wrong type',
    init: postQuery('query ($first: Int) { products(first: $first) { totalCount } }', { variables: { first: 'ten' } }),
    status: 400,
    body: 'errors',
    message: /Int cannot represent/,
  },
  {
    name: 'a missing required variable',
    init: postQuery('query ($id: ID!) { product(id: $id) { id } }', { variables: {} }),
    status: 400,
    body: 'errors',
    message: /was not provided/,
  },
  {
    name: 'nested JSON in a variable, within MAX_VARIABLES_DEPTH',
    init: post(`{"query":"${PRODUCT_BY_ID}","variables":{"id":${nested(63)}}}`),
    status: 400,
    body: 'errors',
    message: /ID cannot represent/,
  },
  {
    name: 'deeply nested JSON in a variable (5000 levels)',
    init: post(`{"query":"${PRODUCT_BY_ID}","variables":{"id":${nested(5000)}}}`),
    status: 400,
    body: 'errors',
    code: 'VARIABLES_TOO_DEEP',
  },
  // Once answered 500 as text/plain: the cache key's recursive stringify overflowed the stack.
  {
    name: 'variables nested 8000 deep (16 KB) on a cacheable query',
    init: post(`{"query":"${PRODUCT_BY_ID}","variables":{"id":${nested(8000)}}}`),
    status: 400,
    body: 'errors',
    code: 'VARIABLES_TOO_DEEP',
    message: /64 levels deep at most/,
  },
  {
    name: 'variables nested 8000 deep in a GET',
    path: graphqlPath({ query: PRODUCT_BY_ID, variables: `{"id":${nested(8000)}}` }),
    init: get(),
    status: 400,
    body: 'errors',
    code: 'VARIABLES_TOO_DEEP',
  },
  {
    name: 'extensions nested 8000 deep',
    init: post(`{"query":"{ __typename }","extensions":{"x":${nested(8000)}}}`),
    status: 400,
    body: 'errors',
    code: 'VARIABLES_TOO_DEEP',
  },
  {
    name: 'extensions nested 8000 deep in a GET',
    path: graphqlPath({ query: '{ __typename }', extensions: `{"x":${nested(8000)}}` }),
    init: get(),
    status: 400,
    body: 'errors',
    code: 'VARIABLES_TOO_DEEP',
  },
  // 200 KB: the body limit refuses it first here; test/workers/http/hostile-input.test.ts raises the limit to reach the depth check.
  {
    name: 'a 100,000-deep array in variables',
    init: post(`{"query":"${PRODUCT_BY_ID}","variables":{"id":${nested(100_000)}}}`),
    status: 413,
    body: 'errors',
    code: 'PAYLOAD_TOO_LARGE',
  },
  {
    name: 'variables not JSON in a GET',
    path: graphqlPath({ query: 'query ($id: ID!) { product(id: $id) { id } }', variables: '{"id":' }),
    init: get(),
    status: 400,
    body: 'errors',
  },
  { name: 'a GET without a query', init: get(), status: 400, body: 'errors', code: 'BAD_REQUEST' },

  // Methods
  {
    name: 'a mutation over GET (with a CSRF header)',
    path: graphqlPath({ query: 'mutation { setInventory(sku: "SKU-00001", available: 0) { available } }' }),
    init: get(),
    status: 405,
    body: 'errors',
    message: /mutation operation from a POST/,
  },
  { name: 'PUT', init: { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify({ query: '{ __typename }' }) }, status: 405, body: 'errors', code: 'METHOD_NOT_ALLOWED' },
  { name: 'DELETE', init: { method: 'DELETE', headers: { accept: 'application/json' } }, status: 405, body: 'errors', code: 'METHOD_NOT_ALLOWED' },
  { name: 'PATCH', init: { method: 'PATCH', headers: JSON_HEADERS, body: JSON.stringify({ query: '{ __typename }' }) }, status: 405, body: 'errors', code: 'METHOD_NOT_ALLOWED' },

  // CSRF
  { name: 'a GET without a CSRF header', path: graphqlPath({ query: '{ __typename }' }), init: get({ accept: 'application/json' }), status: 403, body: 'errors', code: 'CSRF_BLOCKED' },
  { name: 'a HEAD without a CSRF header', path: graphqlPath({ query: '{ __typename }' }), init: { method: 'HEAD' }, status: 403, body: 'empty' },
  {
    name: 'a text/plain POST without a CSRF header',
    init: post(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain;charset=UTF-8' }),
    status: 403,
    body: 'errors',
    code: 'CSRF_BLOCKED',
  },
  { name: 'a form POST without a CSRF header', init: post('query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' }), status: 403, body: 'errors', code: 'CSRF_BLOCKED' },
  { name: 'a multipart POST without a CSRF header', init: { method: 'POST', body: multipart() }, status: 403, body: 'errors', code: 'CSRF_BLOCKED' },
  { name: 'a POST without a content type or a CSRF header', init: { method: 'POST', body: utf8('{"query":"{ __typename }"}') }, status: 403, body: 'errors', code: 'CSRF_BLOCKED' },
  {
    name: 'a text/plain POST with a CSRF header (not a GraphQL media type)',
    init: post(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain', ...CSRF }),
    status: 415,
    body: 'errors',
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },

  // Size and shape of the document
  { name: 'query text over 15000 characters', init: postQuery(`{ __typename }${' '.repeat(15_000)}`), status: 400, body: 'errors', code: 'QUERY_TOO_LARGE' },
  { name: 'a token bomb (1100 tokens in 12 KB)', init: postQuery(`{ ${'__typename '.repeat(1100)}}`), status: 200, body: 'errors', message: /Token limit of 1000/ },
  {
    name: 'an alias bomb (16 aliases)',
    init: postQuery(`{ ${ids(16).map((id) => `p${id}: product(id: "${id}") { id }`).join(' ')} }`),
    status: 200,
    body: 'errors',
    message: /Aliases limit of 15/,
  },
  {
    name: 'a directive bomb (51 @include)',
    init: postQuery(`{ product(id: "1") { id ${'@include(if: true) '.repeat(51)}} }`),
    status: 200,
    body: 'errors',
    message: /Directives limit of 50/,
  },
  { name: 'deep introspection under __schema', init: postQuery(DEEP_SCHEMA), status: 200, body: 'errors', code: 'GRAPHQL_VALIDATION_FAILED', message: /introspection depth/ },
  { name: 'deep introspection under __type (depth 13)', init: postQuery(DEEP_TYPE), status: 200, body: 'errors', message: /depth limit of 8/ },
  {
    name: 'a cost bomb (10 aliases of products(first: 100))',
    init: postQuery(`{ ${ids(10).map((id) => `p${id}: products(first: 100) { nodes { id name } }`).join(' ')} }`),
    status: 200,
    body: 'errors',
    message: /Cost limit of 5000/,
  },
  { name: 'a fragment cycle', init: postQuery('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'), status: 200, body: 'errors', code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    name: 'a fragment that spreads itself',
    init: postQuery('{ product(id: "1") { ...P } } fragment P on Product { id inventory { sku } ...P }'),
    status: 200,
    body: 'errors',
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  { name: 'NUL bytes in the query', init: postQuery('{ product(id: "1") { id } }\u0000\u0000'), status: 200, body: 'errors', code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'a syntax error', init: postQuery('{ product(id: "1" { id } }'), status: 200, body: 'errors', code: 'GRAPHQL_PARSE_FAILED' },
  { name: 'a document that is only a comment', init: postQuery('# nothing here'), status: 200, body: 'errors', code: 'GRAPHQL_PARSE_FAILED' },

  // Validation
  { name: 'an unknown field', init: postQuery('{ prodcts(first: 1) { totalCount } }'), status: 200, body: 'errors', message: /Cannot query field "prodcts"/ },
  { name: 'an unknown argument', init: postQuery('{ products(frist: 1) { totalCount } }'), status: 200, body: 'errors', message: /Unknown argument "frist"/ },
  { name: 'an unknown introspection field', init: postQuery('{ __schema { typez { name } } }'), status: 200, body: 'errors', message: /Cannot query field "typez"/ },
  { name: 'a missing required argument', init: postQuery('{ product { id } }'), status: 200, body: 'errors', code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'a variable of an unknown type', init: postQuery('query ($x: Nope) { __typename }'), status: 200, body: 'errors', code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'a repeated non-repeatable directive', init: postQuery('{ __typename @skip(if: false) @skip(if: false) }'), status: 200, body: 'errors', code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'a mutation input of the wrong shape', init: postQuery('mutation { placeOrder(input: { items: "x" }) { id } }'), status: 200, body: 'errors', code: 'GRAPHQL_VALIDATION_FAILED' },
  { name: 'a subscription operation', init: postQuery('subscription { product(id: "1") { id } }'), status: 200, body: 'errors', message: /subscription/ },
  { name: 'Int overflow (first: 99999999999)', init: postQuery('{ products(first: 99999999999) { totalCount } }'), status: 200, body: 'errors' },
  {
    name: 'a 20 KB Authorization header (on an invalid query)',
    init: postQuery('{ viewer { nope } }', {}, { authorization: `Bearer ${'x'.repeat(20 * 1024)}` }),
    status: 200,
    body: 'errors',
    code: 'GRAPHQL_VALIDATION_FAILED',
  },

  // Arguments the resolvers refuse before calling the origin
  { name: 'first: 1000000000 (refused by cost)', init: postQuery('{ products(first: 1000000000) { totalCount } }'), status: 200, body: 'errors', message: /Cost limit/ },
  {
    name: '$first = 1000000000',
    init: postQuery('query ($first: Int) { products(first: $first) { totalCount } }', { variables: { first: 1_000_000_000 } }),
    status: 200,
    body: 'errors',
    code: 'BAD_USER_INPUT',
  },
  { name: 'first: 101', init: postQuery('{ products(first: 101) { totalCount } }'), status: 200, body: 'errors', code: 'BAD_USER_INPUT' },
  { name: 'first: -1', init: postQuery('{ products(first: -1) { totalCount } }'), status: 200, body: 'errors', code: 'BAD_USER_INPUT' },
  {
    name: 'a forged after cursor',
    init: postQuery(`{ products(first: 1, after: "${btoa('offset:-5')}") { totalCount } }`),
    status: 200,
    body: 'errors',
    code: 'BAD_USER_INPUT',
  },
  { name: 'an after cursor that is not base64', init: postQuery('{ products(first: 1, after: "%%%") { totalCount } }'), status: 200, body: 'errors', code: 'BAD_USER_INPUT' },
  {
    name: 'productsByIds with 101 ids',
    init: postQuery('query ($ids: [ID!]!) { productsByIds(ids: $ids) { id } }', { variables: { ids: ids(101) } }),
    status: 200,
    body: 'errors',
    code: 'BAD_USER_INPUT',
  },

  // Persisted operations
  {
    name: 'a malformed persistedQuery sha256Hash',
    init: postJson({ extensions: { persistedQuery: { version: 1, sha256Hash: 'not-a-hash' } } }),
    status: 400,
    body: 'errors',
    code: 'BAD_REQUEST',
  },
  {
    name: 'an unknown persisted hash with no query (GET)',
    path: graphqlPath({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: HEX64 } }) }),
    init: get(),
    status: 200,
    body: 'errors',
    code: 'PERSISTED_QUERY_NOT_FOUND',
  },
  { name: 'an unknown documentId', init: postJson({ documentId: `sha256:${HEX64}` }), status: 200, body: 'errors', code: 'PERSISTED_QUERY_NOT_FOUND' },
  {
    name: 'a persisted hash that does not match the query',
    init: postQuery('{ __typename }', { extensions: { persistedQuery: { version: 1, sha256Hash: HEX64 } } }),
    status: 400,
    body: 'errors',
    code: 'PERSISTED_QUERY_HASH_MISMATCH',
  },
];

/** The statuses the corpus ends in: a change in any answer shows here. */
export const EXPECTED_SUMMARY: Record<string, number> = { '200': 31, '400': 32, '403': 6, '405': 4, '413': 3, '415': 2 };

/** A refusal as the test saw it, with the origin calls it cost. */
export interface Probe extends Answer {
  originCalls: number;
}

/** What every refusal must be: its status, a GraphQL error body that says why, CORS, no origin call, no stack, no suggestion. */
export function check(c: HostileCase, result: Probe): void {
  expect(result.status, c.name).toBeLessThan(500);
  expect(result.status, c.name).toBe(c.status);
  // A page on another origin must be able to read why it was refused (CORS_ORIGINS is `*` in tests).
  expect(result.headers.get('access-control-allow-origin'), c.name).toBe('*');
  expect(isRefusal(result), c.name).toBe(true);
  expect(result.originCalls, `${c.name}: origin calls`).toBe(0);
  if (c.body === 'empty') {
    expect(result.text, c.name).toBe('');
    return;
  }
  expect(result.body?.errors?.length, c.name).toBeGreaterThan(0);
  expect(result.body?.data ?? null, c.name).toBeNull();
  const [first] = result.body?.errors ?? [];
  if (c.code) expect(first?.extensions?.code, c.name).toBe(c.code);
  if (c.message) expect(first?.message, c.name).toMatch(c.message);
  expect(result.text, c.name).not.toMatch(/Did you mean/);
  expect(result.text, c.name).not.toMatch(/"stack"/);
}

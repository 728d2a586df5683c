import { exports } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { gql, origin, resetAll } from '../helpers.ts';

/**
 * Hostile or malformed requests, each of which the gateway must refuse (a 4xx,
 * or a 200 whose `errors` say why, as GraphQL over HTTP prescribes for
 * execution errors) without a 5xx and without a single origin call.
 */

const URL_BASE = 'http://gateway.test/graphql';
const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };
const CSRF = { 'x-graphql-csrf': '1' };

interface HostileCase {
  name: string;
  /** Path and query after the host; default `/graphql`. */
  path?: string;
  init: RequestInit;
  status: number;
  /** `extensions.code` of the first error, when the gateway or a resolver names one. */
  code?: string;
  /** What the first error's message must say. */
  message?: RegExp;
}

interface ErrorBody {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

interface Probe {
  status: number;
  text: string;
  body: ErrorBody | undefined;
  originCalls: number;
}

const post = (body: BodyInit, headers: Record<string, string> = JSON_HEADERS): RequestInit => ({ method: 'POST', headers, body });
const postJson = (value: unknown, headers: Record<string, string> = {}): RequestInit => post(JSON.stringify(value), { ...JSON_HEADERS, ...headers });
const postQuery = (query: string, extra: Record<string, unknown> = {}): RequestInit => postJson({ query, ...extra });
const get = (headers: Record<string, string> = { accept: 'application/json', ...CSRF }): RequestInit => ({ method: 'GET', headers });
const getPath = (params: Record<string, string>) => `/graphql?${new URLSearchParams(params)}`;

function nested(field: string[], depth: number, leaf: string): string {
  let selection = leaf;
  for (let i = depth - 1; i >= 0; i--) selection = `${field[i % field.length]} { ${selection} }`;
  return selection;
}

const HEX64 = 'ab'.repeat(32);

export const CORPUS: HostileCase[] = [
  { name: 'malformed JSON', init: post('{"query": "{ __typename }"'), status: 400 },
  { name: 'application/xml content type', init: post('<query>{ __typename }</query>', { 'content-type': 'application/xml' }), status: 415 },
  { name: 'empty JSON body', init: post(''), status: 400 },
  { name: 'a 1 MB body', init: postQuery(`{ __typename }${' '.repeat(1024 * 1024)}`), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'invalid UTF-8 bytes as the body', init: post(new Uint8Array([0xff, 0xfe, 0xfd, 0x80, 0x81])), status: 400 },
  {
    name: 'invalid UTF-8 bytes as the query',
    init: post(new Uint8Array([...new TextEncoder().encode('{"query":"'), 0xff, 0xc0, 0x80, ...new TextEncoder().encode('"}')])),
    status: 400,
  },
  { name: 'variables as an array', init: postQuery('query ($id: ID!) { product(id: $id) { id } }', { variables: ['1'] }), status: 400 },
  { name: 'variables as a string', init: postQuery('query ($id: ID!) { product(id: $id) { id } }', { variables: 'oops' }), status: 400 },
  {
    name: 'a variable of the wrong type',
    init: postQuery('query ($first: Int) { products(first: $first) { totalCount } }', { variables: { first: 'ten' } }),
    status: 200,
  },
  {
    name: 'a missing required variable',
    init: postQuery('query ($id: ID!) { product(id: $id) { id } }', { variables: {} }),
    status: 200,
  },
  { name: 'an unknown operationName', init: postQuery('query A { __typename }', { operationName: 'B' }), status: 400 },
  { name: 'several operations without operationName', init: postQuery('query A { __typename } query B { __typename }'), status: 400 },
  {
    name: 'an alias bomb (16 aliases)',
    init: postQuery(`{ ${Array.from({ length: 16 }, (_, i) => `p${i}: product(id: "${i + 1}") { id }`).join(' ')} }`),
    status: 400,
    message: /aliases/i,
  },
  {
    name: 'a directive bomb (51 @include)',
    init: postQuery(`{ product(id: "1") { id ${'@include(if: true) '.repeat(51)} } }`),
    status: 400,
    message: /directives/i,
  },
  {
    name: 'deep nesting (depth 9, no introspection)',
    init: postQuery(`{ ${nested(['productsByIds(ids: ["1"])', '... on Product { inventory', 'sku } inventory'], 9, 'sku')} }`),
    status: 400,
  },
  {
    name: 'a fragment cycle',
    init: postQuery('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'),
    status: 400,
  },
  {
    name: 'a self-referencing fragment in a selection',
    init: postQuery('{ product(id: "1") { ...P } } fragment P on Product { id inventory { sku } ...P }'),
    status: 400,
  },
  { name: 'first: 1000000000', init: postQuery('{ products(first: 1000000000) { totalCount } }'), status: 200, code: 'BAD_USER_INPUT' },
  { name: 'Int overflow (first: 99999999999)', init: postQuery('{ products(first: 99999999999) { totalCount } }'), status: 400 },
  { name: 'first: -1', init: postQuery('{ products(first: -1) { totalCount } }'), status: 200, code: 'BAD_USER_INPUT' },
  {
    name: 'a forged after cursor',
    init: postQuery(`{ products(first: 1, after: "${btoa('offset:-5')}") { totalCount } }`),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a cursor that is not base64',
    init: postQuery('{ products(first: 1, after: "%%%not-base64%%%") { totalCount } }'),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'productsByIds with 101 ids',
    init: postQuery('query ($ids: [ID!]!) { productsByIds(ids: $ids) { id } }', {
      variables: { ids: Array.from({ length: 101 }, (_, i) => String(i + 1)) },
    }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  { name: 'NUL bytes in the query', init: postQuery('{ product(id: "1") { id } }\u0000\u0000'), status: 400 },
  { name: 'a NUL byte inside a string argument', init: postQuery('{ product(id: "1\u0000") { id } }'), status: 400 },
  {
    name: 'a 20 KB Authorization header on an invalid query',
    init: postQuery('{ viewer { nope } }', {}),
    status: 400,
  },
  {
    name: 'a mutation over GET',
    path: getPath({ query: 'mutation { setInventory(sku: "SKU-00001", available: 0) { available } }' }),
    init: get(),
    status: 405,
  },
  { name: 'a batch array', init: postJson([{ query: '{ __typename }' }, { query: '{ __typename }' }]), status: 400 },
  { name: 'GET without a CSRF header', path: getPath({ query: '{ __typename }' }), init: get({ accept: 'application/json' }), status: 403, code: 'CSRF_BLOCKED' },
  {
    name: 'text/plain POST without a CSRF header',
    init: post(JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain' }),
    status: 403,
    code: 'CSRF_BLOCKED',
  },
  {
    name: 'form POST without a CSRF header',
    init: post('query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' }),
    status: 403,
    code: 'CSRF_BLOCKED',
  },
  { name: 'POST without a content type or CSRF header', init: { method: 'POST', body: new Uint8Array(new TextEncoder().encode('{"query":"{ __typename }"}')) }, status: 403, code: 'CSRF_BLOCKED' },
  { name: 'query text over 15000 characters', init: postQuery(`{ __typename }${' '.repeat(15_000)}`), status: 400, code: 'QUERY_TOO_LARGE' },
  {
    name: 'a token bomb (over 1000 tokens, under 15000 characters)',
    init: postQuery(`{ ${'__typename '.repeat(1100)}}`),
    status: 400,
    message: /token/i,
  },
  {
    name: 'a cost bomb',
    init: postQuery(`{ ${Array.from({ length: 10 }, (_, i) => `p${i}: products(first: 100) { nodes { id name } }`).join(' ')} }`),
    status: 400,
    message: /cost/i,
  },
  { name: 'an unknown field', init: postQuery('{ prodcts(first: 1) { totalCount } }'), status: 400, message: /Cannot query field "prodcts"/ },
  { name: 'an unknown argument', init: postQuery('{ products(frist: 1) { totalCount } }'), status: 400, message: /Unknown argument "frist"/ },
  { name: 'an unknown field in introspection', init: postQuery('{ __schema { typez { name } } }'), status: 400, message: /Cannot query field "typez"/ },
  { name: 'a subscription operation', init: postQuery('subscription { product(id: "1") { id } }'), status: 400 },
  { name: 'PUT', init: { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify({ query: '{ __typename }' }) }, status: 405 },
  { name: 'DELETE', init: { method: 'DELETE', headers: { accept: 'application/json' } }, status: 405 },
  { name: 'PATCH', init: { method: 'PATCH', headers: JSON_HEADERS, body: JSON.stringify({ query: '{ __typename }' }) }, status: 405 },
  { name: 'query not a string', init: postJson({ query: 123 }), status: 400 },
  { name: 'query an object', init: postJson({ query: { kind: 'Document', definitions: [] } }), status: 400 },
  { name: 'query an empty string', init: postJson({ query: '' }), status: 400 },
  { name: 'operationName not a string', init: postQuery('{ __typename }', { operationName: 5 }), status: 400 },
  { name: 'a JSON body that is null', init: post('null'), status: 400 },
  { name: 'a JSON body that is a string', init: post('"{ __typename }"'), status: 400 },
  { name: 'a JSON object without query', init: postJson({ variables: {} }), status: 400 },
  {
    name: 'variables not JSON in a GET',
    path: getPath({ query: 'query ($id: ID!) { product(id: $id) { id } }', variables: '{"id":' }),
    init: get(),
    status: 400,
  },
  { name: 'GET without a query', path: '/graphql', init: get(), status: 400 },
  {
    name: 'a malformed persistedQuery sha256Hash',
    init: postJson({ extensions: { persistedQuery: { version: 1, sha256Hash: 'not-a-hash' } } }),
    status: 400,
  },
  {
    name: 'an unknown persisted hash with no query',
    path: getPath({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: HEX64 } }) }),
    init: get(),
    status: 200,
    code: 'PERSISTED_QUERY_NOT_FOUND',
  },
  {
    name: 'an unknown documentId',
    init: postJson({ documentId: `sha256:${HEX64}` }),
    status: 200,
    code: 'PERSISTED_QUERY_NOT_FOUND',
  },
  {
    name: 'a persisted hash that does not match the query',
    init: postQuery('{ __typename }', { extensions: { persistedQuery: { version: 1, sha256Hash: HEX64 } } }),
    status: 400,
    code: 'PERSISTED_QUERY_HASH_MISMATCH',
  },
  { name: 'deeply nested JSON (5000 levels)', init: post(`${'['.repeat(5000)}${']'.repeat(5000)}`), status: 400 },
  {
    name: 'deeply nested JSON in variables',
    init: post(`{"query":"query ($id: ID!) { product(id: $id) { id } }","variables":{"id":${'['.repeat(5000)}${']'.repeat(5000)}}}`),
    status: 200,
  },
  { name: 'a syntax error', init: postQuery('{ product(id: "1" { id } }'), status: 400 },
  { name: 'a document with only a comment', init: postQuery('# nothing here'), status: 400 },
  { name: 'a missing required argument', init: postQuery('{ product { id } }'), status: 400 },
  { name: 'a variable of an unknown type', init: postQuery('query ($x: Nope) { __typename }'), status: 400 },
  { name: 'a repeated non-repeatable directive', init: postQuery('{ __typename @skip(if: false) @skip(if: false) }'), status: 400 },
  { name: 'a mutation with an input of the wrong shape', init: postQuery('mutation { placeOrder(input: { items: "x" }) { id } }'), status: 400 },
  { name: 'a 10 000-character operationName', init: postQuery('query A { __typename }', { operationName: 'B'.repeat(10_000) }), status: 400 },
];

// The 20 KB Authorization header rides on its case rather than in the table's literal.
const huge = CORPUS.find((c) => c.name.startsWith('a 20 KB Authorization'));
if (huge) huge.init = postQuery('{ viewer { nope } }', {}) && { ...postQuery('{ viewer { nope } }'), headers: { ...JSON_HEADERS, authorization: `Bearer ${'x'.repeat(20 * 1024)}` } };

async function probe(c: HostileCase): Promise<Probe> {
  await origin.resetCounters();
  const response = await exports.default.fetch(`http://gateway.test${c.path ?? '/graphql'}`, c.init);
  const text = await response.text();
  let body: ErrorBody | undefined;
  try {
    body = JSON.parse(text) as ErrorBody;
  } catch {
    body = undefined;
  }
  return { status: response.status, text, body, originCalls: (await origin.stats()).total };
}

describe('hostile input', () => {
  beforeEach(() => resetAll());

  it('dump', async () => {
    for (const c of CORPUS) {
      const p = await probe(c);
      console.log(JSON.stringify({ name: c.name, status: p.status, calls: p.originCalls, text: p.text.slice(0, 300) }));
    }
  });
});
void URL_BASE;
void gql;
void expect;

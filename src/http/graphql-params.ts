/** Reads a GraphQL request over HTTP (a GET, or a JSON POST within its byte limit), or refuses it; its text is parsed only when the cache has not seen it. */
import type { GraphQLParams, GraphQLRequest, Parsed, RawParams } from '../response-cache/graphql-request.ts';
import { nestsDeeperThan } from '../shared/json-depth.ts';
import type { Refusal } from '../shared/refusal.ts';
import { withoutDashboardCookie } from './dashboard-cookie.ts';

/** A GraphQL request read, or why it is refused. */
export type ReadRequest = GraphQLRequest | { refused: Refusal };

/** The content types of GraphQL over HTTP's request body (the second from its earlier drafts). */
const JSON_TYPES = ['application/json', 'application/graphql+json'];

/**
 * Reads one GraphQL request over HTTP or refuses it, before anything parses
 * GraphQL: the body bounded by `maxBodyBytes` whatever its framing, a JSON
 * object with a string `query` (or a persisted operation's hash), its
 * `variables` and `extensions` nested `maxVariablesDepth` levels at most.
 * Nothing else reaches Yoga, so no limit or trusted-documents rule has a way
 * around it, and nothing after it walks a document deep enough to overflow.
 */
export function readGraphQLRequest(request: Request, maxBodyBytes: number, maxVariablesDepth: number): ReadRequest | Promise<ReadRequest> {
  if (request.method === 'GET') {
    // The raw query string is the text remembered per isolate: a GET seen before is not even split into parameters.
    const at = request.url.indexOf('?');
    const source = at === -1 ? '' : request.url.slice(at + 1);
    return read(request, source, () => parseSearch(new URLSearchParams(source), maxVariablesDepth));
  }
  if (request.method !== 'POST') return { refused: { status: 405, code: 'METHOD_NOT_ALLOWED', message: 'Use GET or POST.', allow: 'GET, POST' } };
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!JSON_TYPES.includes(type)) return refuse(415, 'UNSUPPORTED_MEDIA_TYPE', 'POST a JSON body with content-type: application/json.');
  return readBounded(request, maxBodyBytes).then((text) =>
    text === undefined
      ? refuse(413, 'PAYLOAD_TOO_LARGE', `The request body is over ${maxBodyBytes} bytes.`)
      : read(request, text, () => parseBody(text, maxVariablesDepth)),
  );
}

function read(original: Request, source: string, parse: () => Parsed): GraphQLRequest {
  // The dashboard's session is the gateway's own: no cache key and no connector sees it.
  const headers = withoutDashboardCookie(original.headers);
  return { source, headers, parse, replay: (params) => requestFor(original, headers, params) };
}

function parseSearch(search: URLSearchParams, maxDepth: number): Parsed {
  const variables = parseJsonParam(search.get('variables'));
  const extensions = parseJsonParam(search.get('extensions'));
  if (variables === INVALID || extensions === INVALID) return refuse(400, 'BAD_REQUEST', '"variables" and "extensions" must be JSON.');
  return checked(toRaw(search.get('query'), search.get('operationName'), variables, extensions, search.get('documentId')), [variables, extensions], maxDepth);
}

function parseBody(text: string, maxDepth: number): Parsed {
  const body = parseJsonParam(text);
  if (Array.isArray(body)) return refuse(400, 'BAD_REQUEST', 'Batched requests are not supported: send one operation per request.');
  if (!isObject(body)) return refuse(400, 'BAD_REQUEST', 'The body must be a JSON object: {"query": "...", "variables": {...}}.');
  return checked(toRaw(body.query, body.operationName, body.variables, body.extensions, body.documentId), [body.variables, body.extensions], maxDepth);
}

/** A request Yoga can run: the resolved query in place of a persisted operation's hash. */
function requestFor(original: Request, clientHeaders: Headers, params: GraphQLParams): Request {
  const headers = new Headers(clientHeaders);
  headers.set('content-type', 'application/json');
  headers.delete('content-length');
  if (original.method === 'GET') {
    const url = new URL(original.url);
    url.search = '';
    url.searchParams.set('query', params.query);
    if (params.operationName) url.searchParams.set('operationName', params.operationName);
    if (params.variables) url.searchParams.set('variables', JSON.stringify(params.variables));
    return new Request(url, { method: 'GET', headers });
  }
  return new Request(original.url, { method: 'POST', headers, body: JSON.stringify(params) });
}

function refuse(status: number, code: string, message: string): { refused: Refusal } {
  return { refused: { status, code, message } };
}

/** The raw parameters, unless they are malformed or `nested` (variables, extensions) goes deeper than `maxDepth`. */
function checked(raw: RawParams | string, nested: unknown[], maxDepth: number): Parsed {
  if (typeof raw === 'string') return refuse(400, 'BAD_REQUEST', raw);
  if (nested.some((value) => nestsDeeperThan(value, maxDepth))) {
    return refuse(400, 'VARIABLES_TOO_DEEP', `"variables" and "extensions" may nest objects and arrays ${maxDepth} levels deep at most.`);
  }
  return { raw };
}

/** The body as text, or undefined when it is over `maxBytes`, whatever its framing. */
export async function readBounded(request: Request, maxBytes: number): Promise<string | undefined> {
  const declared = request.headers.get('content-length');
  if (declared !== null) {
    if (Number(declared) > maxBytes) return undefined;
    // The declared length is only a promise: the text read is what counts.
    const text = await request.text();
    return text.length > maxBytes ? undefined : text;
  }
  if (!request.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** The raw parameters, or why they are refused. */
function toRaw(query: unknown, operationName: unknown, variables: unknown, extensions: unknown, documentId: unknown): RawParams | string {
  const hash = hashOf(extensions, documentId);
  if (hash === INVALID) return 'A persisted operation\'s hash must be 64 hex digits (sha256).';
  if (query != null && (typeof query !== 'string' || !query)) return '"query" must be a non-empty string.';
  if (query == null && hash === undefined) return 'Send "query", or a persisted operation\'s hash.';
  if (operationName != null && typeof operationName !== 'string') return '"operationName" must be a string.';
  if (variables != null && !isObject(variables)) return '"variables" must be a JSON object.';
  if (extensions != null && !isObject(extensions)) return '"extensions" must be a JSON object.';
  return { query: query ?? undefined, operationName: operationName ?? null, variables: variables ?? null, hash };
}

const INVALID = Symbol('invalid');

/** The persisted operation's hash, or INVALID when one is given but malformed. */
function hashOf(extensions: unknown, documentId: unknown): string | undefined | typeof INVALID {
  const persisted = isObject(extensions) ? extensions.persistedQuery : undefined;
  const hash = isObject(persisted) ? persisted.sha256Hash : typeof documentId === 'string' ? documentId.replace(/^sha256:/, '') : undefined;
  if (hash === undefined) return undefined;
  return typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash) ? hash : INVALID;
}

function parseJsonParam(text: string | null): unknown {
  if (text == null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return INVALID;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The GraphQL-over-HTTP request parameters, read without parsing the document. */
export interface GraphQLParams {
  query: string;
  operationName: string | null;
  variables: Record<string, unknown> | null;
}

/** What the request asked for, before persisted operations are resolved. */
export interface RawParams {
  query: string | undefined;
  operationName: string | null;
  variables: Record<string, unknown> | null;
  /** A persisted operation's SHA-256, from `extensions.persistedQuery.sha256Hash` or `documentId`. */
  hash: string | undefined;
}

export type ReadRequest =
  /** A single operation over GET or JSON POST: a cache candidate. `source` is its raw text (query string or body). */
  | { raw: RawParams; original: Request; source: string }
  /** Anything else (batches, other content types, bad JSON): Yoga answers it as it is, body and all. */
  | { raw: undefined; replay(): Request }
  | { refused: 'too-large' };

/**
 * Reads the request once, its body bounded by `maxBodyBytes` whatever its
 * content type or framing, so that nothing downstream reads an unbounded body.
 */
export async function readGraphQLRequest(request: Request, maxBodyBytes: number): Promise<ReadRequest> {
  if (request.method === 'GET') {
    const search = new URL(request.url).searchParams;
    const raw = toRaw(search.get('query'), search.get('operationName'), parseJson(search.get('variables')), parseJson(search.get('extensions')), search.get('documentId'));
    return raw ? { raw, original: request, source: search.toString() } : { raw, replay: () => request };
  }
  if (request.method !== 'POST') return { raw: undefined, replay: () => request };
  const text = await readBounded(request, maxBodyBytes);
  if (text === undefined) return { refused: 'too-large' };
  const replay = () => new Request(request, { body: text });
  if (!(request.headers.get('content-type') ?? '').includes('application/json')) return { raw: undefined, replay };
  const body = parseJson(text);
  const raw = isObject(body) ? toRaw(body.query, body.operationName, body.variables, body.extensions, body.documentId) : undefined;
  return raw ? { raw, original: request, source: text } : { raw, replay };
}

/** A request Yoga can run: the resolved query in place of a persisted operation's hash. */
export function requestFor(original: Request, params: GraphQLParams): Request {
  const headers = new Headers(original.headers);
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

async function readBounded(request: Request, maxBytes: number): Promise<string | undefined> {
  const declared = request.headers.get('content-length');
  if (declared !== null) return Number(declared) > maxBytes ? undefined : request.text();
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

function toRaw(query: unknown, operationName: unknown, variables: unknown, extensions: unknown, documentId: unknown): RawParams | undefined {
  const hash = hashOf(extensions, documentId);
  if (hash === null) return undefined;
  if (query != null && (typeof query !== 'string' || !query)) return undefined;
  if (query == null && hash === undefined) return undefined;
  if (operationName != null && typeof operationName !== 'string') return undefined;
  if (variables != null && !isObject(variables)) return undefined;
  return { query: query ?? undefined, operationName: operationName ?? null, variables: variables ?? null, hash };
}

/** The persisted operation's hash; `null` when one is given but malformed. */
function hashOf(extensions: unknown, documentId: unknown): string | undefined | null {
  const persisted = isObject(extensions) ? extensions.persistedQuery : undefined;
  const hash = isObject(persisted) ? persisted.sha256Hash : typeof documentId === 'string' ? documentId.replace(/^sha256:/, '') : undefined;
  if (hash === undefined) return undefined;
  return typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash) ? hash : null;
}

function parseJson(text: string | null): unknown {
  if (text == null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

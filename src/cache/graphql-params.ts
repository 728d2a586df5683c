/** The GraphQL-over-HTTP request parameters, read without parsing the document. */
export interface GraphQLParams {
  query: string;
  operationName: string | null;
  variables: Record<string, unknown> | null;
}

export interface ReadRequest {
  params: GraphQLParams;
  /** The same request, its body still readable, for Yoga. */
  request: Request;
}

/**
 * Reads a cache candidate: a GET with `query`, or a POST of one JSON object.
 * Anything else (batches, other content types, bad JSON) is left for Yoga to
 * answer or refuse: those come back without `params`.
 */
export async function readGraphQLRequest(request: Request): Promise<ReadRequest | { request: Request }> {
  if (request.method === 'GET') {
    const search = new URL(request.url).searchParams;
    const params = toParams(search.get('query'), search.get('operationName'), parseJson(search.get('variables')));
    return params ? { params, request } : { request };
  }
  if (request.method !== 'POST' || !(request.headers.get('content-type') ?? '').includes('application/json')) {
    return { request };
  }
  const text = await request.text();
  const rebuilt = new Request(request, { body: text });
  const body = parseJson(text);
  if (!isObject(body)) return { request: rebuilt };
  const params = toParams(body.query, body.operationName, body.variables);
  return params ? { params, request: rebuilt } : { request: rebuilt };
}

function toParams(query: unknown, operationName: unknown, variables: unknown): GraphQLParams | undefined {
  if (typeof query !== 'string' || !query) return undefined;
  if (operationName != null && typeof operationName !== 'string') return undefined;
  if (variables != null && !isObject(variables)) return undefined;
  return { query, operationName: operationName ?? null, variables: variables ?? null };
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

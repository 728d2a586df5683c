/** The GraphQL-over-HTTP request parameters, read without parsing the document. */
export interface GraphQLParams {
  query: string;
  operationName: string | null;
  variables: Record<string, unknown> | null;
}

export interface ReadRequest {
  /** Absent: not a cache candidate; Yoga answers or refuses the request as it is. */
  params: GraphQLParams | undefined;
  /** A fresh copy of the request, its body readable again, for each execution. */
  replay(): Request;
}

/**
 * Reads a cache candidate: a GET with `query`, or a POST of one JSON object.
 * Anything else (batches, other content types, bad JSON) is left to Yoga.
 * Copies of the request are made only for executions, never on a hit.
 */
export async function readGraphQLRequest(request: Request): Promise<ReadRequest> {
  if (request.method === 'GET') {
    const search = new URL(request.url).searchParams;
    const params = toParams(search.get('query'), search.get('operationName'), parseJson(search.get('variables')));
    return { params, replay: () => request.clone() as Request };
  }
  if (request.method !== 'POST' || !(request.headers.get('content-type') ?? '').includes('application/json')) {
    return { params: undefined, replay: () => request };
  }
  const text = await request.text();
  const body = parseJson(text);
  const params = isObject(body) ? toParams(body.query, body.operationName, body.variables) : undefined;
  return { params, replay: () => new Request(request, { body: text }) };
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

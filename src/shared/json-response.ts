/** A JSON answer that no cache in between may keep. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

/** The GraphQL error body every refusal and failure answers with: `{"errors":[{message, extensions:{code}}]}`. */
export function graphqlErrorBody(message: string, code: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

/** A GraphQL error as a whole answer. */
export function graphqlError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return new Response(graphqlErrorBody(message, code), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

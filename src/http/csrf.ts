/**
 * A browser sends a cross-site GET, or a POST with a "simple" content type,
 * without asking first (no CORS preflight), so such a request must carry a
 * header that only a preflighted request can have. JSON POSTs are preflighted
 * by their content type. The same rule as Apollo Server's CSRF prevention.
 */
export const CSRF_HEADERS = ['x-graphql-csrf', 'apollo-require-preflight', 'x-apollo-operation-name'];

const SIMPLE_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data'];

export function isCrossSiteRisk(request: Request): boolean {
  return isSimple(request) && !CSRF_HEADERS.some((name) => request.headers.has(name));
}

/** A request a browser sends cross-site without a preflight. */
function isSimple(request: Request): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return true;
  const type = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return request.method === 'POST' && (type === '' || SIMPLE_TYPES.includes(type));
}

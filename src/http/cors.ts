/**
 * CORS for browser frontends on other origins, in one place for every answer
 * (a cache hit never reaches Yoga, so Yoga's own CORS is off). Bearer tokens,
 * not cookies, carry identity, so credentials are never allowed.
 */
export interface Cors {
  /** The answer to a preflight (`OPTIONS`). */
  preflight(request: Request): Response;
  /** Adds to `headers` what a cross-origin caller needs to read the answer to `request`. */
  addHeaders(request: Request, headers: Record<string, string>): void;
}

const ALLOWED_HEADERS = 'authorization, content-type, if-none-match, x-graphql-csrf, apollo-require-preflight, x-apollo-operation-name';
const EXPOSED_HEADERS = 'x-cache, x-cache-key, age, etag, server-timing, retry-after';

/**
 * `origins`: `*` for any origin, else the exact origins (`https://shop.example.com`) allowed.
 * `forwarded`: the client headers the schema's connectors forward, which a page must be allowed to send (`x-tenant`).
 */
export function createCors(origins: '*' | string[], forwarded: readonly string[] = []): Cors {
  const allowedHeaders = [...new Set([...ALLOWED_HEADERS.split(', '), ...forwarded])].join(', ');
  /** The origin allowed to read the answer to `request`, if any. */
  function allowedOrigin(request: Request): string | undefined {
    if (origins === '*') return '*';
    const origin = request.headers.get('origin');
    return origin && origins.includes(origin) ? origin : undefined;
  }

  return {
    preflight(request) {
      const headers: Record<string, string> = { 'cache-control': 'no-store' };
      if (origins !== '*') headers.vary = 'origin';
      const origin = allowedOrigin(request);
      if (origin) {
        headers['access-control-allow-origin'] = origin;
        headers['access-control-allow-methods'] = 'GET, POST, OPTIONS';
        headers['access-control-allow-headers'] = allowedHeaders;
        headers['access-control-max-age'] = '86400';
      }
      return new Response(null, { status: 204, headers });
    },
    addHeaders(request, headers) {
      if (origins !== '*') headers.vary = 'origin';
      const origin = allowedOrigin(request);
      if (!origin) return;
      headers['access-control-allow-origin'] = origin;
      headers['access-control-expose-headers'] = EXPOSED_HEADERS;
    },
  };
}

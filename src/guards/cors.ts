/**
 * CORS for browser frontends on other origins, in one place for every answer
 * (a cache hit never reaches Yoga, so Yoga's own CORS is off). Bearer tokens,
 * not cookies, carry identity, so credentials are never allowed.
 */
export interface Cors {
  /** The answer to a preflight (`OPTIONS`). */
  preflight(request: Request): Response;
  /** Adds the headers a cross-origin caller needs to read `response`. */
  decorate(request: Request, response: Response): void;
}

const ALLOWED_HEADERS = 'authorization, content-type, if-none-match, x-graphql-csrf, apollo-require-preflight, x-apollo-operation-name';
const EXPOSED_HEADERS = 'x-cache, x-cache-key, age, etag, server-timing, retry-after';

/** `origins`: `*` for any origin, else the exact origins (`https://shop.example.com`) allowed. */
export function createCors(origins: '*' | string[]): Cors {
  const allowed = (origin: string | null) => (origins === '*' ? '*' : origin && origins.includes(origin) ? origin : undefined);

  function allow(request: Request, headers: Headers): boolean {
    const origin = allowed(request.headers.get('origin'));
    if (origins !== '*') headers.append('vary', 'origin');
    if (!origin) return false;
    headers.set('access-control-allow-origin', origin);
    return true;
  }

  return {
    preflight(request) {
      const headers = new Headers({ 'cache-control': 'no-store' });
      if (allow(request, headers)) {
        headers.set('access-control-allow-methods', 'GET, POST, OPTIONS');
        headers.set('access-control-allow-headers', ALLOWED_HEADERS);
        headers.set('access-control-max-age', '86400');
      }
      return new Response(null, { status: 204, headers });
    },
    decorate(request, response) {
      if (allow(request, response.headers)) response.headers.set('access-control-expose-headers', EXPOSED_HEADERS);
    },
  };
}

/**
 * CORS for browser frontends on other origins, in one place for every answer
 * (a cache hit never reaches Yoga, so Yoga's own CORS is off). Bearer tokens,
 * not cookies, carry identity, so credentials are never allowed.
 */
export interface Cors {
  /** The answer to a preflight (`OPTIONS`). */
  preflight(request: Request): Response;
  /** The headers a cross-origin caller needs to read an answer to `request`. */
  headersFor(request: Request): [string, string][];
}

const ALLOWED_HEADERS = 'authorization, content-type, if-none-match, x-graphql-csrf, apollo-require-preflight, x-apollo-operation-name';
const EXPOSED_HEADERS = 'x-cache, x-cache-key, age, etag, server-timing, retry-after';

/** `origins`: `*` for any origin, else the exact origins (`https://shop.example.com`) allowed. */
export function createCors(origins: '*' | string[]): Cors {
  // With `*` every answer carries the same headers: built once per isolate.
  const anyOrigin: [string, string][] = [
    ['access-control-allow-origin', '*'],
    ['access-control-expose-headers', EXPOSED_HEADERS],
  ];

  /** The origin allowed to read the answer to `request`, if any. */
  function allowedOrigin(request: Request): string | undefined {
    if (origins === '*') return '*';
    const origin = request.headers.get('origin');
    return origin && origins.includes(origin) ? origin : undefined;
  }

  return {
    preflight(request) {
      const origin = allowedOrigin(request);
      const headers: [string, string][] = [['cache-control', 'no-store']];
      if (origins !== '*') headers.push(['vary', 'origin']);
      if (origin) {
        headers.push(
          ['access-control-allow-origin', origin],
          ['access-control-allow-methods', 'GET, POST, OPTIONS'],
          ['access-control-allow-headers', ALLOWED_HEADERS],
          ['access-control-max-age', '86400'],
        );
      }
      return new Response(null, { status: 204, headers });
    },
    headersFor(request) {
      if (origins === '*') return anyOrigin;
      const origin = allowedOrigin(request);
      if (!origin) return [['vary', 'origin']];
      return [
        ['vary', 'origin'],
        ['access-control-allow-origin', origin],
        ['access-control-expose-headers', EXPOSED_HEADERS],
      ];
    },
  };
}

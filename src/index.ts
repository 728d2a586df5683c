import { defaultQuery } from 'gateway:schema';
import { hitResponse } from './response-cache/hit-response.ts';
import type { Served } from './response-cache/response-cache.ts';
import { serveGraphiQL } from './http/graphiql.ts';
import { CSRF_HEADERS, isCrossSiteRisk } from './http/csrf.ts';
import { isRateLimited } from './http/rate-limit.ts';
import { isolateFor, type Isolate } from './isolate.ts';
import { graphqlError, json } from './shared/json-response.ts';
import { logFailure, logRequest } from './shared/log-event.ts';
import { andThen } from './shared/maybe-promise.ts';
import { NOTHING_RAN } from './shared/trace.ts';
import { GRAPHQL_PATH } from './graphql/yoga.ts';

export { CacheIndexObject } from './invalidation/cache-index-object.ts';
export { FieldCacheObject } from './field-cache/field-cache-object.ts';
export { OriginShieldObject } from './upstream/origin-shield-object.ts';
export { ResponseCacheObject } from './response-cache/response-cache-object.ts';

/** The path of an absolute URL, without building a URL object on every request. */
function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start === -1) return '/';
  const end = url.slice(start).search(/[?#]/);
  return end === -1 ? url.slice(start) : url.slice(start, start + end);
}

/** A browser navigating to the endpoint, as Yoga itself decides it. */
function wantsGraphiQL(request: Request): boolean {
  return request.method === 'GET' && (request.headers.get('accept') ?? '').includes('text/html');
}

export default {
  async fetch(request, env, ctx) {
    const started = Date.now();
    const pathname = pathOf(request.url);
    if (pathname === '/healthz') return json(200, { status: 'ok' });

    const built = isolateFor(env);
    const isolate = built instanceof Promise ? await built : built;
    const graphiql = isolate.config.environment !== 'production';
    if (pathname.startsWith('/admin/')) return isolate.admin(request, pathname);
    if (pathname === GRAPHQL_PATH) {
      if (graphiql && wantsGraphiQL(request)) return serveGraphiQL(env.ASSETS, request.url, defaultQuery);
      if (request.method === 'OPTIONS') return isolate.cors.preflight(request);
      if (env.RATE_LIMITER && (await isRateLimited(env.RATE_LIMITER, request))) {
        return respond(request, isolate, refusal(graphqlError(429, 'RATE_LIMITED', 'Too many requests from this client; slow down.', { 'retry-after': '60' })), started);
      }
      if (isCrossSiteRisk(request)) {
        const message = `A GET or a simple POST must carry one of these headers: ${CSRF_HEADERS.join(', ')}.`;
        return respond(request, isolate, refusal(graphqlError(403, 'CSRF_BLOCKED', message)), started);
      }
      return andThen(serveOrFail(isolate, request, ctx), (served) => respond(request, isolate, served, started));
    }
    if (pathname === '/' && graphiql) return Response.redirect(new URL(GRAPHQL_PATH, request.url).href, 302);
    return json(404, { error: `No route for ${pathname}; GraphQL is served at ${GRAPHQL_PATH}` });
  },
} satisfies ExportedHandler<Env>;

/**
 * The cache's answer, or a JSON GraphQL 500 in place of anything it throws,
 * so that CORS and the log line still apply and workerd never answers its
 * own text/plain 500. A remembered request stays synchronous: no await here.
 */
function serveOrFail(isolate: Isolate, request: Request, ctx: ExecutionContext): Served | Promise<Served> {
  try {
    const served = isolate.serveGraphQL(request, ctx);
    return served instanceof Promise ? served.catch(unexpected) : served;
  } catch (error) {
    return unexpected(error);
  }
}

function unexpected(error: unknown): Served {
  logFailure('graphql-route-failed', error);
  return refusal(graphqlError(500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.'));
}

/** A refusal before the cache: counted nowhere, keyed by nothing. */
function refusal(response: Response): Served {
  return { response, cache: 'BYPASS', operationName: null, trace: NOTHING_RAN };
}

/**
 * The answer with every header the entry adds: Server-Timing, CORS, the cache
 * key and Retry-After. A stored entry's response is built with them at once.
 */
function respond(request: Request, isolate: Isolate, served: Served, started: number): Response {
  const { cache, trace, key, operationName } = served;
  const durationMs = Date.now() - started;
  const headers: Record<string, string> = {
    'server-timing': `cache;desc="${cache}", origin;dur=${trace.originMs};desc="${trace.originCalls} calls", total;dur=${durationMs}`,
  };
  isolate.cors.addHeaders(request, headers);
  // The key names the entry for operators (and tests) without revealing anything: it is a hash.
  if (key) headers['x-cache-key'] = key;
  // The origin shield refused a call (busy, or its breaker open): say when to come back (RFC 9110 §10.2.3).
  if (trace.retryAfter > 0) headers['retry-after'] = String(trace.retryAfter);
  let response: Response;
  if ('entry' in served) {
    response = hitResponse(served.entry, cache, request, headers);
  } else {
    response = served.response;
    for (const name in headers) response.headers.set(name, headers[name] as string);
  }
  if (isolate.config.logRequests) {
    logRequest({ operationName, cache, originCalls: trace.originCalls, durationMs, status: response.status });
  }
  return response;
}

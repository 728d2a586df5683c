import { CSRF_HEADERS, isCrossSiteRisk } from './guards/csrf.ts';
import { isRateLimited } from './guards/rate-limit.ts';
import { isolateFor, type Isolate } from './isolate.ts';
import { graphqlError, json } from './json-response.ts';
import { GRAPHQL_PATH } from './yoga.ts';

export { CacheIndexObject } from './cache/cache-index-object.ts';
export { EntityCacheObject } from './cache/entity-cache-object.ts';
export { OriginGateObject } from './origin/origin-gate-object.ts';
export { ResponseCacheObject } from './cache/response-cache-object.ts';

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
      if (graphiql && wantsGraphiQL(request)) return env.ASSETS.fetch(new URL('/graphiql.html', request.url));
      if (request.method === 'OPTIONS') return isolate.cors.preflight(request);
      const response = await answerGraphQL(request, env, ctx, isolate, started);
      isolate.cors.decorate(request, response);
      return response;
    }
    if (pathname === '/' && graphiql) return Response.redirect(new URL(GRAPHQL_PATH, request.url).href, 302);
    return json(404, { error: `No route for ${pathname}; GraphQL is served at ${GRAPHQL_PATH}` });
  },
} satisfies ExportedHandler<Env>;

async function answerGraphQL(request: Request, env: Env, ctx: ExecutionContext, isolate: Isolate, started: number): Promise<Response> {
  if (env.RATE_LIMITER && (await isRateLimited(env.RATE_LIMITER, request))) {
    return graphqlError(429, 'RATE_LIMITED', 'Too many requests from this client; slow down.', { 'retry-after': '60' });
  }
  if (isCrossSiteRisk(request)) {
    return graphqlError(403, 'CSRF_BLOCKED', `A GET or a simple POST must carry one of these headers: ${CSRF_HEADERS.join(', ')}.`);
  }
  const { response, cache, operationName, trace } = await isolate.serveGraphQL(request, ctx);
  const durationMs = Date.now() - started;
  response.headers.set(
    'server-timing',
    `cache;desc="${cache}", origin;dur=${trace.originMs};desc="${trace.originCalls} calls", total;dur=${durationMs}`,
  );
  if (isolate.config.logRequests) {
    console.log(JSON.stringify({ operationName, cache, originCalls: trace.originCalls, durationMs, status: response.status }));
  }
  return response;
}

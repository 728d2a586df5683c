import { isolateFor } from './isolate.ts';
import { GRAPHQL_PATH } from './yoga.ts';

export { CacheIndexObject } from './cache/cache-index-object.ts';
export { EntityCacheObject } from './cache/entity-cache-object.ts';
export { ResponseCacheObject } from './cache/response-cache-object.ts';

/** A browser navigating to the endpoint, as Yoga itself decides it. */
function wantsGraphiQL(request: Request): boolean {
  return request.method === 'GET' && (request.headers.get('accept') ?? '').includes('text/html');
}

function json(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

export default {
  async fetch(request, env, ctx) {
    const started = Date.now();
    const { pathname } = new URL(request.url);
    if (pathname === '/healthz') return json(200, { status: 'ok' });

    const isolate = await isolateFor(env);
    const graphiql = isolate.config.environment !== 'production';
    if (pathname.startsWith('/admin/')) return isolate.admin(request, pathname);
    if (pathname === GRAPHQL_PATH) {
      if (graphiql && wantsGraphiQL(request)) return env.ASSETS.fetch(new URL('/graphiql.html', request.url));
      const { response, cache, operationName, trace } = await isolate.serveGraphQL(request, ctx);
      const durationMs = Date.now() - started;
      response.headers.set(
        'server-timing',
        `cache;desc="${cache}", origin;dur=${trace.originMs};desc="${trace.originCalls} calls", total;dur=${durationMs}`,
      );
      console.log(JSON.stringify({ operationName, cache, originCalls: trace.originCalls, durationMs, status: response.status }));
      return response;
    }
    if (pathname === '/' && graphiql) return Response.redirect(new URL(GRAPHQL_PATH, request.url).href, 302);
    return json(404, { error: `No route for ${pathname}; GraphQL is served at ${GRAPHQL_PATH}` });
  },
} satisfies ExportedHandler<Env>;

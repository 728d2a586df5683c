/** The Worker's fetch handler: routes a request to its stage (health, admin, GraphiQL, GraphQL), and exports the Durable Object classes. */
import { defaultQuery } from 'gateway:schema';
import type { Served } from './response-cache/answer.ts';
import { admit } from './http/admission.ts';
import { serveGraphiQL } from './http/graphiql.ts';
import { respond } from './http/respond.ts';
import { isolateFor, type Isolate } from './isolate.ts';
import { json } from './shared/json-response.ts';
import { logFailure } from './shared/log-event.ts';
import { andThen } from './shared/maybe-promise.ts';
import type { Refusal } from './shared/refusal.ts';
import { GRAPHQL_PATH } from './graphql/yoga.ts';

export { AnalyticsObject } from './analytics/analytics-object.ts';
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
      return andThen(serveOrFail(isolate, request, env.RATE_LIMITER, ctx), (answer) => respond(request, answer, started, isolate.respondOptions, ctx));
    }
    if (pathname === '/' && graphiql) return Response.redirect(new URL(GRAPHQL_PATH, request.url).href, 302);
    return json(404, { error: `No route for ${pathname}; GraphQL is served at ${GRAPHQL_PATH}` });
  },
} satisfies ExportedHandler<Env>;

/**
 * The request admitted and the cache's answer, or the refusal; a JSON GraphQL
 * 500 in place of anything either throws, so that CORS and the log line still
 * apply and workerd never answers its own text/plain 500. A remembered request
 * stays synchronous: no await here.
 */
function serveOrFail(isolate: Isolate, request: Request, limiter: RateLimit | undefined, ctx: ExecutionContext): Served | Refusal | Promise<Served | Refusal> {
  try {
    const answer = andThen(admit(request, limiter, isolate.config.limits), (admitted): Served | Refusal | Promise<Served> =>
      'refused' in admitted ? admitted.refused : isolate.serveGraphQL(admitted, ctx),
    );
    return answer instanceof Promise ? answer.catch(unexpected) : answer;
  } catch (error) {
    return unexpected(error);
  }
}

function unexpected(error: unknown): Refusal {
  logFailure('graphql-route-failed', error);
  return { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Unexpected error.' };
}

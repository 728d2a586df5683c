import { readConfig, type GatewayConfig } from './config.ts';
import { createGateway, GRAPHQL_PATH, type Gateway } from './yoga.ts';

interface Isolate {
  config: GatewayConfig;
  gateway: Gateway;
}

// Vars are fixed for an isolate's life: parse them and build the schema once.
const isolates = new WeakMap<Env, Isolate>();

function isolateFor(env: Env): Isolate {
  let isolate = isolates.get(env);
  if (!isolate) {
    const config = readConfig(env);
    isolate = { config, gateway: createGateway(config) };
    isolates.set(env, isolate);
  }
  return isolate;
}

/** A browser navigating to the endpoint, as Yoga itself decides it. */
function wantsGraphiQL(request: Request): boolean {
  return request.method === 'GET' && (request.headers.get('accept') ?? '').includes('text/html');
}

function json(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

export default {
  async fetch(request, env, ctx) {
    const { pathname } = new URL(request.url);
    if (pathname === '/healthz') return json(200, { status: 'ok' });

    const { config, gateway } = isolateFor(env);
    const graphiql = config.environment !== 'production';
    if (pathname === GRAPHQL_PATH) {
      if (graphiql && wantsGraphiQL(request)) {
        return env.ASSETS.fetch(new URL('/graphiql.html', request.url));
      }
      return gateway.fetch(request, { env, ctx });
    }
    if (pathname === '/' && graphiql) return Response.redirect(new URL(GRAPHQL_PATH, request.url).href, 302);
    return json(404, { error: `No route for ${pathname}; GraphQL is served at ${GRAPHQL_PATH}` });
  },
} satisfies ExportedHandler<Env>;

import type { TestProject } from 'vitest/node';
import { startOrigin } from '../../simulator/server.ts';
import { stop } from '../../scripts/dev-processes.ts';
import { serve, type Served } from './serve.ts';

export type Settings = 'production' | 'development';

declare module 'vitest' {
  export interface ProvidedContext {
    contract: Record<Settings, { gatewayUrl: string; originUrl: string }>;
    /** The production build as MANY_ISOLATES isolates sharing one set of Durable Objects, each call to them OBJECT_LATENCY_MS away. */
    manyIsolates: { gatewayUrls: string[]; originUrl: string };
  }
}

export const CONTRACT_PURGE_TOKEN = 'contract-purge-token';

export const MANY_ISOLATES = 4;
export const OBJECT_LATENCY_MS = 50;
/** The memory tier's confirmation lapses this often in the many-isolate server, so that its lookups show within a test. */
export const MANY_ISOLATES_MEMORY_TTL_MS = 100;

/**
 * `npm run serve` with the given settings, over `originUrl`. The breaker is off because the suite fails the origin on purpose; the purge
 * token lets each test start from an empty cache. Everything else is as the
 * settings ship.
 */
function serveWith(settings: Settings, originUrl: string, extra: string[] = [], isolates = 1): Promise<Served> {
  const args = ['--port', '0', '--env', settings, '--origin-url', originUrl, ...extra];
  for (const pair of [`PURGE_TOKEN:${CONTRACT_PURGE_TOKEN}`, 'CACHE_SCOPE_SECRET:contract-scope', 'ORIGIN_BREAKER_FAILURES:1000000']) {
    args.push('--var', pair);
  }
  return serve(args, isolates);
}

/**
 * Two servers of the production build, one per settings, each over its own
 * origin simulator; and the production build as several isolates with far
 * objects, over a third.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const origins = {
    production: await startOrigin({ port: 0, latencyMs: 5 }),
    development: await startOrigin({ port: 0, latencyMs: 5 }),
    manyIsolates: await startOrigin({ port: 0, latencyMs: 5 }),
  };
  // One build at a time: each builds into dist/worker before workerd copies the bundle away; the many-isolate server reuses the production one.
  const production = await serveWith('production', origins.production.url);
  const manyIsolates = await serveWith(
    'production',
    origins.manyIsolates.url,
    ['--no-build', '--object-latency-ms', String(OBJECT_LATENCY_MS), '--var', `CACHE_MEMORY_TTL_MS:${MANY_ISOLATES_MEMORY_TTL_MS}`],
    MANY_ISOLATES,
  );
  const development = await serveWith('development', origins.development.url);
  project.provide('contract', {
    production: { gatewayUrl: production.urls[0]!, originUrl: origins.production.url },
    development: { gatewayUrl: development.urls[0]!, originUrl: origins.development.url },
  });
  project.provide('manyIsolates', { gatewayUrls: manyIsolates.urls, originUrl: origins.manyIsolates.url });
  return async () => {
    await Promise.all([
      ...[production, development, manyIsolates].map(({ child }) => stop(child)),
      ...Object.values(origins).map((origin) => origin.close()),
    ]);
  };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startOrigin } from '../../origin/server.ts';
import { stop } from '../../scripts/dev-processes.ts';

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

const SERVE = fileURLToPath(new URL('../../scripts/serve.ts', import.meta.url));

/**
 * `npm run serve` (the bundle `wrangler deploy` uploads, on workerd itself)
 * with the given settings, over `originUrl`; resolves once it prints its URL.
 * The breaker is off because the suite fails the origin on purpose; the purge
 * token lets each test start from an empty cache. Everything else is as the
 * settings ship.
 */
async function serve(settings: Settings, originUrl: string, extra: string[] = [], isolates = 1): Promise<{ urls: string[]; child: ChildProcess }> {
  const args = ['--experimental-strip-types', SERVE, '--port', '0', '--env', settings, '--origin-url', originUrl, '--isolates', String(isolates), ...extra];
  for (const pair of [`PURGE_TOKEN:${CONTRACT_PURGE_TOKEN}`, 'CACHE_SCOPE_SECRET:contract-scope', 'ORIGIN_BREAKER_FAILURES:1000000']) {
    args.push('--var', pair);
  }
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const urls = await new Promise<string[]>((resolve, reject) => {
    let printed = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const ready = [...printed.matchAll(/ready (http:\/\/\S+)\/graphql/g)].map((match) => match[1]!);
      if (ready.length === isolates) resolve(ready);
    });
    child.once('exit', (code) => reject(new Error(`[contract] npm run serve (${settings}) exited with ${code}: ${printed}`)));
  });
  return { urls, child };
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
  const production = await serve('production', origins.production.url);
  const manyIsolates = await serve(
    'production',
    origins.manyIsolates.url,
    ['--no-build', '--object-latency-ms', String(OBJECT_LATENCY_MS), '--var', `CACHE_MEMORY_TTL_MS:${MANY_ISOLATES_MEMORY_TTL_MS}`],
    MANY_ISOLATES,
  );
  const development = await serve('development', origins.development.url);
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

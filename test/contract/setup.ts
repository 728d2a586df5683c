import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startOrigin } from '../../origin/server.ts';
import { stop } from '../../scripts/dev-processes.ts';

export type Settings = 'production' | 'development';

declare module 'vitest' {
  export interface ProvidedContext {
    contract: Record<Settings, { gatewayUrl: string; originUrl: string }>;
  }
}

export const CONTRACT_PURGE_TOKEN = 'contract-purge-token';

const SERVE = fileURLToPath(new URL('../../scripts/serve.ts', import.meta.url));

/**
 * `npm run serve` (the bundle `wrangler deploy` uploads, on workerd itself)
 * with the given settings, over `originUrl`; resolves once it prints its URL.
 * The breaker is off because the suite fails the origin on purpose; the purge
 * token lets each test start from an empty cache. Everything else is as the
 * settings ship.
 */
async function serve(settings: Settings, originUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const args = ['--experimental-strip-types', SERVE, '--port', '0', '--env', settings, '--origin-url', originUrl];
  for (const pair of [`PURGE_TOKEN:${CONTRACT_PURGE_TOKEN}`, 'CACHE_SCOPE_SECRET:contract-scope', 'ORIGIN_BREAKER_FAILURES:1000000']) {
    args.push('--var', pair);
  }
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let printed = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const ready = /ready (http:\/\/\S+)\/graphql/.exec(printed);
      if (ready?.[1]) resolve(ready[1]);
    });
    child.once('exit', (code) => reject(new Error(`[contract] npm run serve (${settings}) exited with ${code}: ${printed}`)));
  });
  return { url, child };
}

/** Two servers of the production build, one per settings, each over its own origin simulator. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const origins = { production: await startOrigin({ port: 0, latencyMs: 5 }), development: await startOrigin({ port: 0, latencyMs: 5 }) };
  // One after the other: each builds into dist/worker before workerd copies the bundle away.
  const production = await serve('production', origins.production.url);
  const development = await serve('development', origins.development.url);
  project.provide('contract', {
    production: { gatewayUrl: production.url, originUrl: origins.production.url },
    development: { gatewayUrl: development.url, originUrl: origins.development.url },
  });
  return async () => {
    await Promise.all([stop(production.child), stop(development.child), origins.production.close(), origins.development.close()]);
  };
}

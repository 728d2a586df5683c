import type { TestProject } from 'vitest/node';
import { startOrigin } from '../../../simulator/server.ts';
import { startScriptedOrigin } from './scripted-origin.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    originUrl: string;
    shieldOriginUrl: string;
  }
}

/**
 * The origin simulators for the gateway's tests, on free ports: the main one
 * with a little latency so that batching is real, and a fragile one that
 * refuses more than 8 requests at once, for the origin shield; and scripted
 * origins for the answers a hostile origin gives (test/origin).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const origin = await startOrigin({ port: 0, latencyMs: 5 });
  const fragile = await startOrigin({ port: 0, latencyMs: 100, maxConcurrency: 8 });
  project.provide('originUrl', origin.url);
  project.provide('shieldOriginUrl', fragile.url);
  const [main, elsewhere, limited] = await Promise.all([startScriptedOrigin(), startScriptedOrigin(), startScriptedOrigin()]);
  project.provide('scriptedOrigins', { main: main.url, elsewhere: elsewhere.url, limited: limited.url });
  return async () => {
    await Promise.all([origin, fragile, main, elsewhere, limited].map((server) => server.close()));
  };
}

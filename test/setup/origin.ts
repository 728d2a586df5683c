import type { TestProject } from 'vitest/node';
import { startOrigin } from '../../origin/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    originUrl: string;
  }
}

/** One origin simulator for the gateway's tests, on a free port, with a little latency so that batching is real. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const origin = await startOrigin({ port: 0, latencyMs: 5 });
  project.provide('originUrl', origin.url);
  return () => origin.close();
}

import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { stop } from '../../scripts/dev-processes.ts';
import { postJson } from '../support/answers.ts';
import { simulatorAdmin } from '../support/simulator-admin.ts';
import { serve, type Served } from './serve.ts';

/** Building the bundle and starting workerd. */
const STARTUP_MS = 180_000;
const PURGE_TOKEN = 'example-purge';

export interface ExampleSetup {
  /** The example's simulator, on a free port. */
  startSimulator(): Promise<{ url: string; close(): Promise<void> }>;
  /** Its admin API's name: `blog` for `/__blog/`. */
  name: string;
  /** `npm run serve` arguments for the example over the simulator at `originUrl` (the purge token is added). */
  serveArgs(originUrl: string): string[];
}

/**
 * For a describe block: an example's simulator and `npm run serve` over it,
 * started before its tests and stopped after; before each test, every cache
 * tier emptied and the simulator reset (its counters at zero), so that what
 * a test reads from the simulator's stats is its own calls.
 */
export function useServedExample<Stats>({ startSimulator, name, serveArgs }: ExampleSetup) {
  let simulator: Awaited<ReturnType<ExampleSetup['startSimulator']>> | undefined;
  let served: Served | undefined;

  beforeAll(async () => {
    simulator = await startSimulator();
    served = await serve([...serveArgs(simulator.url), '--var', `PURGE_TOKEN:${PURGE_TOKEN}`]);
  }, STARTUP_MS);

  afterAll(async () => {
    await Promise.all([served && stop(served.child), simulator?.close()]);
  });

  const originUrl = (): string => simulator!.url;
  const gatewayUrl = (): string => served!.urls[0]!;
  const admin = () => simulatorAdmin<Stats>(originUrl(), name);

  beforeEach(async () => {
    const purged = await fetch(`${gatewayUrl()}/admin/purge`, postJson({ all: true }, { authorization: `Bearer ${PURGE_TOKEN}` }));
    expect(purged.status, await purged.text()).toBe(200);
    await admin().reset();
  });

  return { originUrl, gatewayUrl, admin };
}

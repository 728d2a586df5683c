import { STAND_IN_MS } from '../../src/response-cache/memory-tier.ts';
import { startGatewayIsolates, startOrigin } from '../systems.ts';
import { check, type Bounds } from './check.ts';
import { drive } from './drive.ts';
import { succeeded, type Violation } from './observation.ts';

export interface ConsistencyOptions {
  durationS: number;
  /** What the bound allows for one lookup of a key's object, in ms. */
  lookupAllowanceMs?: number;
}

export interface ConsistencyResult {
  isolates: number;
  durationS: number;
  /** Public reads answered, of one product, a batch or a page. */
  reads: number;
  privateReads: number;
  writes: number;
  purges: number;
  /** Requests answered with an HTTP error or GraphQL errors (not counted above); the origin is never failed on purpose here. */
  failed: number;
  violations: number;
  /** The first few, described. */
  examples: Violation[];
  /** The bound allowed for other isolates, in ms. */
  boundMs: number;
}

const ISOLATES = 4;
const OBJECT_LATENCY_MS = 20;
const OBJECT_JITTER_MS = 5;
const MEMORY_TTL_MS = 1000;
/** One lookup of a key's object under this load, generously: the 20 ± 5 ms added, queueing on 2 shared cores, and the lookup itself. */
export const LOOKUP_ALLOWANCE_MS = 150;
const PURGE_TOKEN = 'consistency-purge-token';

/**
 * The production build (built beforehand: serve runs with `--no-build`) as 4
 * isolates with objects 20 ± 5 ms away, over a fresh origin simulator 5 ms
 * away that never fails; the mix of mix.ts for `durationS`; then docs/caching/consistency.md's
 * bounds checked over everything it saw.
 */
export async function runConsistency({ durationS, lookupAllowanceMs = LOOKUP_ALLOWANCE_MS }: ConsistencyOptions): Promise<ConsistencyResult> {
  const origin = await startOrigin(['--latency-ms', '5']);
  try {
    const gateway = await startGatewayIsolates(origin.url, ISOLATES, [
      '--object-latency-ms',
      String(OBJECT_LATENCY_MS),
      '--object-jitter-ms',
      String(OBJECT_JITTER_MS),
      '--var',
      `PURGE_TOKEN:${PURGE_TOKEN}`,
      '--var',
      'CACHE_SCOPE_SECRET:consistency-scope-secret',
      '--var',
      `CACHE_MEMORY_TTL_MS:${MEMORY_TTL_MS}`,
    ]);
    try {
      const bounds: Bounds = { otherIsolatesMs: MEMORY_TTL_MS + STAND_IN_MS + lookupAllowanceMs, clockMs: 50 };
      const log = await drive({ urls: gateway.urls, purgeToken: PURGE_TOKEN, durationMs: durationS * 1000, concurrency: 16, products: 20, users: 5 });
      const violations = check(log, bounds);
      const count = (kind: string) => log.filter((o) => o.kind === kind && succeeded(o)).length;
      return {
        isolates: ISOLATES,
        durationS,
        reads: count('read'),
        privateReads: count('private'),
        writes: count('write'),
        purges: count('purge'),
        failed: log.filter((o) => !succeeded(o)).length,
        violations: violations.length,
        examples: violations.slice(0, 3),
        boundMs: bounds.otherIsolatesMs,
      };
    } finally {
      await gateway.stop();
    }
  } finally {
    await origin.stop();
  }
}

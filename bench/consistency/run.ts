import { STAND_IN_MS } from '../../src/cache/memory-tier.ts';
import { startGatewayIsolates, startOrigin } from '../systems.ts';
import { check, type Bounds } from './check.ts';
import { drive } from './drive.ts';
import type { Violation } from './observation.ts';

export interface ConsistencyResult {
  isolates: number;
  durationS: number;
  reads: number;
  privateReads: number;
  writes: number;
  purges: number;
  /** Requests that failed (not counted above); the origin is never failed on purpose here. */
  failed: number;
  violations: number;
  /** The first few, described. */
  examples: Violation[];
  /** The bound allowed for other isolates, in ms. */
  boundMs: number;
}

const ISOLATES = 4;
const OBJECT_LATENCY_MS = 20;
const MEMORY_TTL_MS = 1000;
/** One lookup of a key's object under this load, generously: the latency added, queueing on 2 cores, and the lookup itself. */
export const LOOKUP_ALLOWANCE_MS = 150;
const PURGE_TOKEN = 'consistency-purge-token';

/**
 * The production build as 4 isolates with objects 20 ms away, over a fresh
 * origin simulator; the mix of bench/consistency/drive.ts for `durationS`;
 * then the README's bounds checked over everything it saw.
 */
export async function runConsistency(durationS: number): Promise<ConsistencyResult> {
  const origin = await startOrigin(['--latency-ms', '5']);
  const gateway = await startGatewayIsolates(origin.url, ISOLATES, [
    '--object-latency-ms',
    String(OBJECT_LATENCY_MS),
    '--var',
    `PURGE_TOKEN:${PURGE_TOKEN}`,
    '--var',
    `CACHE_MEMORY_TTL_MS:${MEMORY_TTL_MS}`,
  ]);
  try {
    // The README's bound: the memory TTL, how long a lapsed copy may stand in for its lookup, and the lookup.
    const bounds: Bounds = { otherIsolatesMs: MEMORY_TTL_MS + STAND_IN_MS + LOOKUP_ALLOWANCE_MS, clockMs: 50 };
    const log = await drive({ urls: gateway.urls, purgeToken: PURGE_TOKEN, durationMs: durationS * 1000, concurrency: 16, products: 20, users: 5 });
    const violations = check(log, bounds);
    const count = (kind: string) => log.filter((o) => o.kind === kind && o.status === 200).length;
    return {
      isolates: ISOLATES,
      durationS,
      reads: count('read'),
      privateReads: count('private'),
      writes: count('write'),
      purges: count('purge'),
      failed: log.filter((o) => o.status !== 200).length,
      violations: violations.length,
      examples: violations.slice(0, 5),
      boundMs: bounds.otherIsolatesMs,
    };
  } finally {
    await gateway.stop();
    await origin.stop();
  }
}

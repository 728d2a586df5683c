import type { OriginFault } from './types.ts';
import { CapacityGate } from './capacity.ts';
import { NO_FAULT } from './faults.ts';
import type { OriginConfig } from './options.ts';
import { RequestStats } from './stats.ts';
import { OriginStore } from './store.ts';

/** Everything one running origin owns. */
export interface OriginState {
  readonly config: OriginConfig;
  readonly store: OriginStore;
  readonly stats: RequestStats;
  readonly gate: CapacityGate;
  /** Applies to every `/api` request that arrives while it is set. */
  fault: OriginFault;
}

export function createState(config: OriginConfig): OriginState {
  return {
    config,
    store: new OriginStore(config.products),
    stats: new RequestStats(),
    gate: new CapacityGate(config.maxConcurrency, config.crashSeconds * 1000),
    fault: NO_FAULT,
  };
}

/** The configured latency (or the `slow` fault's) with jitter applied. */
export function responseDelayMs({ config, fault }: OriginState): number {
  const base = fault.mode === 'slow' && fault.latencyMs !== undefined ? fault.latencyMs : config.latencyMs;
  const jitter = (Math.random() * 2 - 1) * config.jitterMs;
  return Math.max(0, Math.round(base + jitter));
}

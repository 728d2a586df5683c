import type { OriginFault } from './types.ts';
import { CapacityGate } from './capacity.ts';
import { NO_FAULT } from './faults.ts';
import type { OriginConfig } from './options.ts';
import { RequestStats } from './stats.ts';
import type { OriginStore } from './store.ts';

/** Everything one running simulator owns; the shop's keeps an OriginStore. */
export interface OriginState<Store = OriginStore> {
  readonly config: OriginConfig;
  readonly store: Store;
  readonly stats: RequestStats;
  readonly gate: CapacityGate;
  /** Applies to every API request that arrives while it is set. */
  fault: OriginFault;
}

export function createState<Store>(config: OriginConfig, store: Store): OriginState<Store> {
  return {
    config,
    store,
    stats: new RequestStats(),
    gate: new CapacityGate(config.maxConcurrency, config.crashSeconds * 1000),
    fault: NO_FAULT,
  };
}

/** The configured latency (or the `slow` fault's) with jitter applied. */
export function responseDelayMs({ config, fault }: OriginState<unknown>): number {
  const base = fault.mode === 'slow' && fault.latencyMs !== undefined ? fault.latencyMs : config.latencyMs;
  const jitter = (Math.random() * 2 - 1) * config.jitterMs;
  return Math.max(0, Math.round(base + jitter));
}

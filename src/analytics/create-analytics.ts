/** The analytics an isolate makes: its recorder flushing to one shard picked at random, and the reader over every shard. */
import type { Analytics } from './analytics.ts';
import type { OtlpConfig } from '../config.ts';
import { createOtlpExporter } from './otlp.ts';
import { createReader, shardName, type AnalyticsStore } from './reader.ts';
import { createRecorder } from './recorder.ts';
import { plain } from './snapshot.ts';

export interface AnalyticsOptions {
  store: AnalyticsStore;
  /** `ANALYTICS_ENABLED=false`: nothing is recorded; what the shards hold can still be read. */
  enabled: boolean;
  shards: number;
  flushMs: number;
  /** Operations (and connectors, error codes) an isolate counts by name per flush; the rest under `OTHER`. */
  maxOperations: number;
  /** The ANALYTICS binding (Workers Analytics Engine), when configured. */
  dataset: AnalyticsEngineDataset | undefined;
  /** Where spans go (OTLP_ENDPOINT); unset, none are made. */
  otlp: OtlpConfig | undefined;
}

export function createAnalytics({ store, enabled, shards, flushMs, maxOperations, dataset, otlp }: AnalyticsOptions): Analytics {
  const reader = createReader(store, shards);
  if (!enabled) return { request() {}, connector() {}, originCall() {}, ...reader };
  // One shard per isolate: its flushes never contend with another's for the same object more than 1 in `shards`.
  // A stub per flush: one made during an earlier request cannot be used from a later one's waitUntil.
  const shard = shardName(Math.floor(Math.random() * shards));
  const recorder = createRecorder({ send: (snapshot, at) => store.getByName(shard).add(plain(snapshot), at), flushMs, maxNames: maxOperations, dataset, otlp: otlp && createOtlpExporter(otlp) });
  return { request: recorder.request, connector: recorder.connector, originCall: recorder.originCall, ...reader };
}

/**
 * The analytics of one isolate: records counted in memory (a few increments
 * on the hit path), flushed after the response to the sharded analytics
 * objects, and read back merged for the dashboard and `/admin/metrics`.
 * Leaf: any stage may record; it imports only the shared leaf.
 */
import type { ConnectorRecord, RequestRecord } from './records.ts';
import type { Snapshot } from './snapshot.ts';

/** The ranges the dashboard shows: how far back each reaches, at the resolution the objects keep for it. */
export const RANGES = {
  '15m': { spanMs: 15 * 60_000, resolutionMs: 10_000 },
  '1h': { spanMs: 60 * 60_000, resolutionMs: 60_000 },
  '1d': { spanMs: 24 * 60 * 60_000, resolutionMs: 60_000 },
  '7d': { spanMs: 7 * 24 * 60 * 60_000, resolutionMs: 60 * 60_000 },
} as const;
export type Range = keyof typeof RANGES;

/** A snapshot without the per-name tables: one point of a time series. */
export type Totals = Omit<Snapshot, 'operations' | 'connectors'>;

export interface WindowRead {
  range: Range;
  resolutionMs: number;
  /** Every slot of the range, oldest first, empty ones included (zeros), `at` its start (ms since the epoch). */
  points: Array<{ at: number } & Totals>;
  /** The whole range merged, operations and connectors included. */
  summary: Snapshot;
}

/** A request's `ctx.waitUntil`: work it keeps the request alive for, after the response. */
export type WaitUntil = (work: Promise<unknown>) => void;

export interface Analytics {
  /** Counts one GraphQL request; `ctx` lets it schedule the flush after the response. */
  request(record: RequestRecord, ctx: ExecutionContext | undefined): void;
  connector(record: ConnectorRecord): void;
  /**
   * One HTTP request sent to an origin (each retry and redirect hop,
   * background refreshes too): what the origin itself counts. `waitUntil` is
   * the request's that made it, for a flush when none is on its way.
   */
  originCall(waitUntil: WaitUntil): void;
  /** A range merged over every shard: what the dashboard shows. */
  read(range: Range): Promise<WindowRead>;
  /** Everything every shard has counted since it was created, merged: monotonic, for Prometheus' counters. */
  totals(): Promise<Snapshot>;
}

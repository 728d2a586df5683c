/**
 * One shard of the analytics: the snapshots isolates flush to it, added into
 * rolling windows (windows.ts) and a lifetime snapshot that is never reset,
 * all kept in its SQLite storage so that eviction loses nothing.
 */
import { DurableObject } from 'cloudflare:workers';
import type { Range, Totals, WindowRead } from './analytics.ts';
import { createSnapshot, mergeSnapshot, mergeTotals, plain, type Snapshot } from './snapshot.ts';
import { slotsOf, slotStart, STORED_NAMES, WINDOWS } from './windows.ts';

/** The lifetime snapshot's row: resolution 0. */
const LIFETIME = 0;

/** The per-name tables left out: one point of a series. */
export function totalsOf({ requests, originCalls, staleOnFailure, responseBytes, latency, latencySumMs, errors, dropped }: Snapshot): Totals {
  return { requests, originCalls, staleOnFailure, responseBytes, latency, latencySumMs, errors, dropped };
}

export class AnalyticsObject extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.storage.sql.exec('CREATE TABLE IF NOT EXISTS slots (resolution INTEGER NOT NULL, at INTEGER NOT NULL, snapshot TEXT NOT NULL, PRIMARY KEY (resolution, at))');
  }

  /** A stored slot, in tables of its own (see `createSnapshot`); empty when absent. */
  #slot(resolution: number, at: number): Snapshot {
    const slot = createSnapshot();
    const row = this.ctx.storage.sql.exec<{ snapshot: string }>('SELECT snapshot FROM slots WHERE resolution = ? AND at = ?', resolution, at).toArray()[0];
    if (row) mergeSnapshot(slot, JSON.parse(row.snapshot) as Snapshot, STORED_NAMES);
    return slot;
  }

  /** Adds what an isolate counted up to `at` into each window's slot of `at` and into the lifetime; prunes slots past their window. */
  add(snapshot: Snapshot, at: number): void {
    const sql = this.ctx.storage.sql;
    const rows: [number, number][] = [...WINDOWS.map(({ resolutionMs }): [number, number] => [resolutionMs, slotStart(at, resolutionMs)]), [LIFETIME, 0]];
    for (const [resolution, start] of rows) {
      const slot = this.#slot(resolution, start);
      mergeSnapshot(slot, snapshot, STORED_NAMES);
      sql.exec('INSERT OR REPLACE INTO slots (resolution, at, snapshot) VALUES (?, ?, ?)', resolution, start, JSON.stringify(slot));
    }
    for (const { resolutionMs, keepMs } of WINDOWS) sql.exec('DELETE FROM slots WHERE resolution = ? AND at <= ?', resolutionMs, at - keepMs - resolutionMs);
  }

  /** Every slot of the range at `now`, empty ones as zeros, and the range merged. */
  read(range: Range, now: number): WindowRead {
    const { resolutionMs, starts } = slotsOf(range, now);
    const stored = new Map<number, Snapshot>();
    const rows = this.ctx.storage.sql.exec<{ at: number; snapshot: string }>(
      'SELECT at, snapshot FROM slots WHERE resolution = ? AND at >= ? AND at <= ?',
      resolutionMs,
      starts[0]!,
      starts[starts.length - 1]!,
    );
    for (const { at, snapshot } of rows) stored.set(at, JSON.parse(snapshot) as Snapshot);
    const summary = createSnapshot();
    const points = starts.map((at) => {
      const point = { at, ...totalsOf(createSnapshot()) };
      const slot = stored.get(at);
      if (slot) {
        mergeTotals(point, slot);
        mergeSnapshot(summary, slot, STORED_NAMES);
      }
      return point;
    });
    return plain({ range, resolutionMs, points, summary });
  }

  /** Everything this shard was sent since it was created. */
  totals(): Snapshot {
    return plain(this.#slot(LIFETIME, 0));
  }
}

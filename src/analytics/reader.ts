/** What the dashboard and `/admin/metrics` read: every analytics shard asked at once, and their answers merged. */
import type { Range, WindowRead } from './analytics.ts';
import type { AnalyticsObject } from './analytics-object.ts';
import { totalsOf } from './analytics-object.ts';
import { createSnapshot, mergeSnapshot, mergeTotals, type Snapshot } from './snapshot.ts';
import { STORED_NAMES } from './windows.ts';

/** The shards' namespace, as far as the analytics use it. */
export type AnalyticsStore = Pick<DurableObjectNamespace<AnalyticsObject>, 'getByName'>;

export const shardName = (shard: number): string => `analytics-${shard}`;

export interface Reader {
  read(range: Range): Promise<WindowRead>;
  totals(): Promise<Snapshot>;
}

export function createReader(store: AnalyticsStore, shards: number): Reader {
  const each = <T>(ask: (stub: DurableObjectStub<AnalyticsObject>) => Promise<T>): Promise<T[]> =>
    Promise.all(Array.from({ length: shards }, (_, shard) => ask(store.getByName(shardName(shard)))));

  return {
    async read(range) {
      // One `now` for every shard: their slots start at the same times, and points merge by position.
      const now = Date.now();
      const reads = (await each((stub) => stub.read(range, now))) as WindowRead[];
      const summary = createSnapshot();
      const points = reads[0]!.points.map(({ at }) => ({ at, ...totalsOf(createSnapshot()) }));
      for (const shard of reads) {
        mergeSnapshot(summary, shard.summary, STORED_NAMES);
        shard.points.forEach((point, index) => mergeTotals(points[index]!, point));
      }
      return { range, resolutionMs: reads[0]!.resolutionMs, points, summary };
    },

    async totals() {
      const total = createSnapshot();
      for (const shard of (await each((stub) => stub.totals())) as Snapshot[]) mergeSnapshot(total, shard, STORED_NAMES);
      return total;
    },
  };
}

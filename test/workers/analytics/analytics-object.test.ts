import { evictDurableObject, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createSnapshot, observe, OTHER, plain, type Snapshot } from '../../../src/analytics/snapshot.ts';
import { STORED_NAMES } from '../../../src/analytics/windows.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** A time on a whole hour, so that every slot below starts where the test says. */
const T0 = Date.UTC(2026, 0, 5, 12);

/** What an isolate would flush (as the RPC carries it): `hits` hits of `operation`. */
function flushed(hits: number, operation = 'Products'): Snapshot {
  const snapshot = createSnapshot();
  snapshot.requests.HIT = hits;
  snapshot.originCalls = 1;
  observe(snapshot.latency, 4);
  snapshot.operations[operation] = { count: hits, errors: 0, latency: [...snapshot.latency], bytes: 10 * hits };
  return plain(snapshot);
}

let objects = 0;
/** A fresh shard per test. */
const shard = () => env.ANALYTICS_STORE.getByName(`analytics-object-test-${objects++}`);

const hitsOf = (points: { at: number; requests: { HIT: number } }[]) => points.filter((point) => point.requests.HIT).map(({ at, requests }) => [at - T0, requests.HIT]);

describe('AnalyticsObject: rolling windows of what isolates flushed', () => {
  it('adds flushes into 10 s slots for the last 15 minutes, every slot listed, empty ones as zeros', async () => {
    const stub = shard();
    await stub.add(flushed(2), T0 + 1 * SECOND);
    await stub.add(flushed(3), T0 + 9 * SECOND);
    await stub.add(flushed(5), T0 + 10 * SECOND);
    await stub.add(flushed(7), T0 + 5 * MINUTE + 3 * SECOND);

    const read = await stub.read('15m', T0 + 6 * MINUTE);
    expect(read.resolutionMs).toBe(10 * SECOND);
    expect(read.points).toHaveLength(90);
    expect(read.points.at(-1)!.at).toBe(T0 + 6 * MINUTE);
    expect(hitsOf(read.points)).toEqual([
      [0, 5],
      [10 * SECOND, 5],
      [5 * MINUTE, 7],
    ]);
    expect(read.summary.requests.HIT).toBe(17);
    expect(read.summary.operations.Products!.count).toBe(17);
  });

  it('rolls: 1 min slots for the hour and the day, 1 h slots for the week, and a slot leaves the range as time passes', async () => {
    const stub = shard();
    await stub.add(flushed(1), T0 + 5 * SECOND);
    await stub.add(flushed(2), T0 + 50 * SECOND);
    await stub.add(flushed(4), T0 + 61 * SECOND);
    await stub.add(flushed(8), T0 + 2 * HOUR + 1);

    const hour = await stub.read('1h', T0 + 30 * MINUTE);
    expect(hour.points).toHaveLength(60);
    expect(hitsOf(hour.points)).toEqual([
      [0, 3],
      [MINUTE, 4],
    ]);
    const day = await stub.read('1d', T0 + 3 * HOUR);
    expect(day.points).toHaveLength(1440);
    expect(hitsOf(day.points)).toEqual([
      [0, 3],
      [MINUTE, 4],
      [2 * HOUR, 8],
    ]);
    const week = await stub.read('7d', T0 + 3 * HOUR);
    expect(week.points).toHaveLength(168);
    expect(hitsOf(week.points)).toEqual([
      [0, 7],
      [2 * HOUR, 8],
    ]);
    // 15 minutes later the first slots are out of the 15-minute range, and the 10 s slots of T0 are pruned.
    expect(hitsOf((await stub.read('15m', T0 + 2 * HOUR + 1)).points)).toEqual([[2 * HOUR, 8]]);
    const tenSecondSlots = await runInDurableObject(stub, (_, state) =>
      state.storage.sql.exec<{ at: number }>('SELECT at FROM slots WHERE resolution = 10000 ORDER BY at').toArray().map(({ at }) => at - T0),
    );
    expect(tenSecondSlots).toEqual([2 * HOUR]);
  });

  it('keeps a lifetime total that only grows, across eviction', async () => {
    const stub = shard();
    const seen: number[] = [];
    for (const [hits, at] of [
      [2, T0],
      [3, T0 + 8 * 24 * HOUR],
      [1, T0 + 30 * 24 * HOUR],
    ] as const) {
      await stub.add(flushed(hits), at);
      seen.push((await stub.totals()).requests.HIT);
    }
    await evictDurableObject(stub);
    seen.push((await stub.totals()).requests.HIT);
    expect(seen).toEqual([2, 5, 6, 6]);
    expect((await stub.totals()).originCalls).toBe(3);
  });

  it('a name like a property of Object (__proto__) is kept as a name through the RPC and storage', async () => {
    const stub = shard();
    await stub.add(flushed(2, '__proto__'), T0);
    await stub.add(flushed(3, '__proto__'), T0);
    const { summary } = await stub.read('15m', T0);
    expect(Object.keys(summary.operations)).toEqual(['__proto__']);
    expect(summary.operations.__proto__!.count).toBe(5);
  });

  it('a slot keeps the top names of every isolate it was sent, the rest under OTHER', async () => {
    const stub = shard();
    for (let isolate = 0; isolate < 5; isolate++) {
      const snapshot = createSnapshot();
      for (let i = 0; i < 300; i++) snapshot.operations[`Op${isolate}-${i}`] = { count: 1 + (i === 0 ? 100 : 0), errors: 0, latency: [], bytes: 0 };
      await stub.add(plain(snapshot), T0);
    }
    const { summary } = await stub.read('15m', T0);
    expect(Object.keys(summary.operations)).toHaveLength(STORED_NAMES + 1);
    expect(summary.operations['Op3-0']!.count).toBe(101);
    const total = Object.values(summary.operations).reduce((sum, { count }) => sum + count, 0);
    expect(total).toBe(5 * 300 + 5 * 100);
    expect(summary.operations[OTHER]!.count).toBe(5 * 300 - STORED_NAMES);
  });
});

import { describe, expect, it } from 'vitest';
import { figuresOf, TOP_OPERATIONS } from '../../../dashboard/figures.ts';
import type { Totals, WindowRead } from '../../../src/analytics/analytics.ts';
import { LATENCY_BOUNDS_MS, type ConnectorStats, type Histogram, type OperationStats, type Snapshot } from '../../../src/analytics/snapshot.ts';

/** A histogram with `counts` in the buckets of these upper bounds. */
function histogram(counts: Record<number, number>): Histogram {
  const buckets = new Array<number>(LATENCY_BOUNDS_MS.length + 1).fill(0);
  for (const [bound, n] of Object.entries(counts)) {
    const at = LATENCY_BOUNDS_MS.indexOf(Number(bound) as (typeof LATENCY_BOUNDS_MS)[number]);
    if (at === -1) throw new Error(`no bucket ends at ${bound}`);
    buckets[at] = n;
  }
  return buckets;
}

function totals(overrides: Partial<Totals> = {}): Totals {
  return {
    requests: { HIT: 0, STALE: 0, MISS: 0, BYPASS: 0, REFUSED: 0 },
    originCalls: 0,
    staleOnFailure: 0,
    responseBytes: 0,
    latency: histogram({}),
    latencySumMs: 0,
    errors: {},
    dropped: 0,
    ...overrides,
  };
}

const operation = (count: number, latency: Record<number, number>, errors = 0): OperationStats => ({ count, errors, latency: histogram(latency), bytes: 0 });

function connector(calls: number, cached: boolean, fieldStates: Partial<ConnectorStats['fieldStates']>, errors = 0): ConnectorStats {
  return {
    calls,
    errors,
    latency: histogram({ 10: calls }),
    latencySumMs: 10 * calls,
    batchItems: calls,
    cached,
    fieldStates: { fresh: 0, stale: 0, coalesced: 0, miss: 0, ...fieldStates },
    statuses: {},
  };
}

function read(summary: Partial<Snapshot>, points: Array<{ at: number } & Totals>, resolutionMs = 10_000): WindowRead {
  return { range: '15m', resolutionMs, points, summary: { ...totals(), operations: {}, connectors: {}, ...summary } };
}

describe('the dashboard figures', () => {
  it('gives latency quantiles from the histogram, none (not 0 ms) when nothing was timed', () => {
    const timed = figuresOf(read({ latency: histogram({ 1: 5, 2: 5 }) }, [{ at: 0, ...totals() }]));
    expect(timed.latency.p50).toBe(1);
    expect(timed.latency.p95).toBeCloseTo(1.9);
    expect(timed.series.p50).toEqual([null]);
    expect(figuresOf(read({}, [])).latency).toEqual({ p50: null, p95: null, p99: null });
  });

  it('counts requests by state, the hit ratio over the requests the cache saw, and the origin offload', () => {
    const figures = figuresOf(
      read({ requests: { HIT: 6, STALE: 2, MISS: 1, BYPASS: 1, REFUSED: 5 }, originCalls: 4, staleOnFailure: 2, dropped: 1 }, [totals(), totals()].map((point, i) => ({ at: i * 10_000, ...point }))),
    );
    expect(figures.total).toBe(15);
    expect(figures.requestsPerSecond).toBe(15 / 20);
    expect(figures.hitRatio).toBe(8 / 10);
    expect(figures.originCalls).toBe(4);
    expect(figures.offload).toBeCloseTo(1 - 4 / 10);
    expect([figures.staleOnFailure, figures.dropped]).toEqual([2, 1]);
  });

  it('has no hit ratio or offload without requests, and no offload below 0 when requests cost several calls each', () => {
    expect(figuresOf(read({}, [])).hitRatio).toBeNull();
    expect(figuresOf(read({}, [])).offload).toBeNull();
    expect(figuresOf(read({ requests: { HIT: 0, STALE: 0, MISS: 2, BYPASS: 0, REFUSED: 0 }, originCalls: 6 }, [])).offload).toBe(0);
  });

  it('ranks operations by count and by p95, the first ten of each', () => {
    const operations = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`Op${i} hash`, operation(i + 1, { [i < 6 ? 1 : 500]: i + 1 })]));
    operations['Slow hash'] = operation(1, { 5000: 1 }, 1);
    const figures = figuresOf(read({ operations }, []));
    expect(figures.operationsByCount).toHaveLength(TOP_OPERATIONS);
    expect(figures.operationsByCount.map((row) => row.name).slice(0, 2)).toEqual(['Op11 hash', 'Op10 hash']);
    expect(figures.operationsByLatency[0]).toMatchObject({ name: 'Slow hash', count: 1, errors: 1 });
    // Then the six in the (200, 500] bucket, before any of the fast ones.
    expect(new Set(figures.operationsByLatency.slice(1, 7).map((row) => row.name))).toEqual(new Set(['Op6 hash', 'Op7 hash', 'Op8 hash', 'Op9 hash', 'Op10 hash', 'Op11 hash']));
  });

  it('gives connectors their field-cache hit ratio and lists the cached ones that never hit', () => {
    const figures = figuresOf(
      read(
        {
          connectors: {
            'Query.products': connector(10, true, { fresh: 6, stale: 1, miss: 3 }),
            Product: connector(4, true, { coalesced: 1, miss: 3 }, 2),
            'Query.me': connector(3, false, { miss: 3 }),
            'Query.idle': connector(0, true, {}),
          },
        },
        [],
      ),
    );
    expect(figures.connectors.map((row) => [row.coordinate, row.calls, row.errors, row.fieldHitRatio])).toEqual([
      ['Query.products', 10, 0, 0.7],
      ['Product', 4, 2, 0],
      ['Query.me', 3, 0, null],
      ['Query.idle', 0, 0, null],
    ]);
    expect(figures.neverHit).toEqual(['Product']);
  });

  it('sorts errors by count, and turns each point into rates per second for the charts', () => {
    const points = [
      { at: 1_000_000, ...totals({ requests: { HIT: 20, STALE: 0, MISS: 10, BYPASS: 0, REFUSED: 0 }, originCalls: 10, staleOnFailure: 5, errors: { A: 1, B: 4 } }) },
      { at: 1_010_000, ...totals() },
    ];
    const figures = figuresOf(read({ errors: { RARE: 1, OFTEN: 9 } }, points));
    expect(figures.errors).toEqual([
      ['OFTEN', 9],
      ['RARE', 1],
    ]);
    expect(figures.series.at).toEqual([1000, 1010]);
    expect(figures.series.perSecond.HIT).toEqual([2, 0]);
    expect(figures.series.requestsPerSecond).toEqual([3, 0]);
    expect(figures.series.originPerSecond).toEqual([1, 0]);
    expect(figures.series.staleOnFailurePerSecond).toEqual([0.5, 0]);
    expect(figures.series.errorsPerSecond).toEqual([0.5, 0]);
    expect(figures.series.p50).toEqual([null, null]);
  });
});

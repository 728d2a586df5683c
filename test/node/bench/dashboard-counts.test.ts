import { describe, expect, it } from 'vitest';
import { countedSince } from '../../../bench/dashboard.ts';
import type { WindowRead } from '../../../src/analytics/analytics.ts';
import { createSnapshot } from '../../../src/analytics/snapshot.ts';

const SLOT = 10_000;

/** A 15-minute read with points at the slots given, each with its requests by state and origin calls. */
function read(points: Array<{ at: number; HIT?: number; MISS?: number; REFUSED?: number; originCalls?: number }>): WindowRead {
  return {
    range: '15m',
    resolutionMs: SLOT,
    summary: createSnapshot(),
    points: points.map(({ at, HIT = 0, MISS = 0, REFUSED = 0, originCalls = 0 }) => {
      const { operations: _operations, connectors: _connectors, ...totals } = createSnapshot();
      return { ...totals, at, requests: { ...totals.requests, HIT, MISS, REFUSED }, originCalls };
    }),
  };
}

describe("the benchmark's reading of the dashboard", () => {
  it('adds up the points from the slot a run began in on, every cache state counted', () => {
    const window = read([
      { at: 0, HIT: 7, originCalls: 1 },
      { at: SLOT, HIT: 5, MISS: 2, originCalls: 2 },
      { at: 2 * SLOT, HIT: 10, REFUSED: 1, originCalls: 3 },
    ]);
    // The run began 4 s into the second slot: that slot's points are the run's, the first slot's are not.
    const counted = countedSince(window, SLOT + 4000);
    expect(counted.requests).toBe(18);
    expect(counted.byState).toMatchObject({ HIT: 15, MISS: 2, REFUSED: 1 });
    expect(counted.originCalls).toBe(5);
  });
});

import { describe, expect, it } from 'vitest';
import { BEFORE, CHANGED, DEFAULTS } from '../../../bench/scaling/inputs.ts';
import { simulateLocation } from '../../../bench/scaling/location-tier.ts';
import { isolateLookupRate, model } from '../../../bench/scaling/model.ts';

/** Lookups of the key's object per second from one location. */
function objectLookups(isolates: number, keyRpsPerIsolate: number, memoryTtlMs: number, locationTtlMs: number, rttMs: number): number {
  const keyRps = isolates * keyRpsPerIsolate;
  return simulateLocation({ isolates, memoryTtlMs, locationTtlMs, rttMs }, keyRps, 200_000, 1).lookups * keyRps;
}

describe('the location tier, simulated under the gateway\'s rules', () => {
  it('without the tier, agrees with the analytic rate: each isolate once per memory TTL (or round trip), plus the wait for the next request', () => {
    expect(objectLookups(4, 750, 100, 0, 50)).toBeCloseTo(4 * isolateLookupRate(750, 100, 50), 0);
    expect(objectLookups(3, 2, 1000, 0, 68) / (3 * isolateLookupRate(2, 1000, 68))).toBeCloseTo(1, 1);
  });

  it('with one isolate per location and the location TTL no longer than the memory TTL, saves nothing: the copy lapses with the memory one', () => {
    const without = objectLookups(1, 50, 1000, 0, 68);
    const withTier = objectLookups(1, 50, 1000, 1000, 68);
    expect(withTier / without).toBeGreaterThan(0.97);
    expect(withTier / without).toBeLessThan(1.03);
  });

  it('in the model, at 100,000 requests/s (one isolate per location), a location TTL of the memory TTL leaves the hottest key\'s object as busy as before', () => {
    const before = model({ ...DEFAULTS, ...BEFORE, rps: 100_000 });
    const changed = model({ ...DEFAULTS, ...CHANGED, rps: 100_000 });
    expect(before.isolatesPerLocation).toBe(1);
    expect(changed.hottestKeyObjectRps / before.hottestKeyObjectRps).toBeGreaterThan(0.97);
    expect(changed.hottestKeyObjectRps / before.hottestKeyObjectRps).toBeLessThan(1.03);
  });

  it('with many isolates and objects close by, divides the lookups by about the isolates per location', () => {
    const without = objectLookups(20, 50, 1000, 0, 1);
    const withTier = objectLookups(20, 50, 1000, 1000, 1);
    expect(without / withTier).toBeGreaterThan(17);
    expect(without / withTier).toBeLessThan(20.5);
  });

  it('is a cache, not a lock: with objects far away, the isolates that lapse during a lookup ask too', () => {
    const near = objectLookups(20, 50, 1000, 1000, 1);
    const far = objectLookups(20, 50, 1000, 1000, 200);
    expect(far).toBeGreaterThan(1.3 * near);
    expect(far).toBeLessThan(20 * isolateLookupRate(50, 1000, 200));
  });

  it('is the same on every run', () => {
    const shape = { isolates: 7, memoryTtlMs: 1000, locationTtlMs: 1000, rttMs: 100 };
    expect(simulateLocation(shape, 340, 50_000, 3)).toEqual(simulateLocation(shape, 340, 50_000, 3));
  });
});

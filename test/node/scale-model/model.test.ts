import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BEFORE, CHANGED, DEFAULTS } from '../../../bench/scaling/inputs.ts';
import { isolateLookupRate, keyFillRate, model, zipfShares } from '../../../bench/scaling/model.ts';

const ENTRY = fileURLToPath(new URL('../../../bench/scale-model.ts', import.meta.url));

describe('the scaling model', () => {
  it('an isolate asks a hot key\'s object once per memory TTL, or once per round trip when that is longer', () => {
    expect(isolateLookupRate(1e9, 100, 50)).toBeCloseTo(10, 3);
    expect(isolateLookupRate(1e9, 100, 250)).toBeCloseTo(4, 3);
    // A cold key: the next lookup waits for the next request.
    expect(isolateLookupRate(0.5, 1000, 50)).toBeCloseTo(1 / 3, 3);
  });

  it('at the local topology\'s scale it predicts what `test/contract/many-isolates.test.ts` measures: about 100 lookups per isolate in 10 s', () => {
    const figures = model({ ...DEFAULTS, rps: 3000, locations: 1, keys: 1, objectRttMs: [{ ms: 50, share: 1 }], memoryTtlMs: 100, durationS: 10 }, 4);
    expect(figures.isolates).toBe(4);
    expect(figures.hottestKeyLookupsPerIsolate).toBeGreaterThan(95);
    expect(figures.hottestKeyLookupsPerIsolate).toBeLessThanOrEqual(100);
  });

  it('the index shards divide the fills between them; every purge still reaches each shard', () => {
    const one = model({ ...DEFAULTS, rps: 100_000, indexShards: 1 });
    const sixteen = model({ ...DEFAULTS, rps: 100_000, indexShards: 16 });
    const purges = DEFAULTS.mutationsPerS + DEFAULTS.purgesPerS;
    expect(sixteen.indexShardRps - purges).toBeCloseTo((one.indexShardRps - purges) / 16, 6);
  });

  it('at 1,000,000 requests/s the hottest key\'s object is over 500 calls/s without the location tier, and under with it', () => {
    const before = model({ ...DEFAULTS, ...BEFORE, rps: 1_000_000 });
    const changed = model({ ...DEFAULTS, ...CHANGED, rps: 1_000_000 });
    expect(before.hottestKeyObjectRps).toBeGreaterThan(500);
    expect(changed.hottestKeyObjectRps).toBeLessThan(500);
    expect(changed.indexShardRps).toBeLessThan(500);
    expect(changed.shieldRps).toBeLessThan(500);
    // The price of it: the purge bound grows by the location TTL.
    expect(changed.purgeBoundMs - before.purgeBoundMs).toBe(CHANGED.locationTtlMs);
  });

  it('popularity, refreshes and cost behave as their definitions say', () => {
    const shares = zipfShares(1000, 1);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(shares[0]! / shares[9]!).toBeCloseTo(10, 9);
    expect(keyFillRate(1e9, 300, 60).fills).toBeCloseTo(1 / 300, 6);
    const cost = model({ ...DEFAULTS, rps: 100_000 }).costPerMillionRequests;
    expect(cost.total).toBeCloseTo(cost.workers + cost.objectRequests + cost.objectDuration + cost.storage, 9);
    expect(cost.workers).toBeCloseTo(0.3 + 0.08 * 0.02, 9);
  });

  it('refuses a bad flag with exit code 2 and the usage', () => {
    const run = spawnSync(process.execPath, ['--experimental-strip-types', ENTRY, '--rps', 'lots'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('[scale-model] --rps must be a number');
    expect(run.stderr).toContain('usage: npm run scale-model');
  });
});

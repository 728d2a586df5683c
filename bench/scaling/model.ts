import { STAND_IN_MS } from '../../src/response-cache/memory-tier.ts';
import { locationShares, type LocationShares } from './location-tier.ts';
import { PRICES } from './prices.ts';
import { seeded } from '../seeded-random.ts';
import type { Inputs } from './inputs.ts';

/** What the model comes to, per second unless named otherwise. */
export interface Figures {
  isolatesPerLocation: number;
  isolates: number;
  /** Calls to the hottest response key's object: lookups, the store of each refresh, and purges. */
  hottestKeyObjectRps: number;
  /** The busiest index shard: the fills hashed to it, and every purge (a purge asks every shard). */
  indexShardRps: number;
  /** The origin's shield object: two calls (acquire, release) per origin call. */
  shieldRps: number;
  originRps: number;
  /** Origin calls in flight at once, on average (calls/s × the origin's latency): what `ORIGIN_MAX_CONCURRENCY` must allow. */
  originInFlight: number;
  /** Lookups of the hottest key's object over `durationS`: per isolate (what `objectLookups` counts in `/admin/stats`), and in all. */
  hottestKeyLookupsPerIsolate: number;
  hottestKeyLookups: number;
  /** How long after a purge's answer a copy may still be served somewhere: memory TTL + the stand-in 100 ms + location TTL + the slowest lookup. */
  purgeBoundMs: number;
  addedLatencyP50Ms: number;
  addedLatencyP99Ms: number;
  costPerMillionRequests: { workers: number; objectRequests: number; objectDuration: number; storage: number; total: number };
}

/** Object calls a refresh makes besides its lookup: the store, the index's add, the entity cache's read and fill. */
const CALLS_PER_FILL = 4;
/** Object calls a purge makes besides the index shards and the purged keys' objects: the entity cache's shard. */
const ENTITY_CALLS_PER_PURGE = 1;
/**
 * Round trips a request that leads a refresh waits for besides the origin: its
 * lookup, the entity cache's read and fill, the store and the index's add
 * (`lead` in src/response-cache/response-cache.ts awaits both before answering), and
 * per origin call the shield's acquire and release.
 */
const ROUND_TRIPS_PER_MISS = 5;
const ROUND_TRIPS_PER_ORIGIN_CALL = 2;
/**
 * SQLite rows one refresh writes (an estimate from the objects' code, one
 * entity per response): the key's object 4 (the lease, the entry, its alarm,
 * the lease's delete), the index 2 (the old row's delete, the new row), the
 * entity cache 1. A purged key: its object 3 (purgedAt, the entry's and the
 * lease's deletes), the index 1; and per purge the entity cache 1.
 */
const ROWS_WRITTEN_PER_FILL = 7;
const ROWS_WRITTEN_PER_PURGED_KEY = 4;
const ROWS_WRITTEN_PER_PURGE = 1;
/** Wall-clock an object is billed per call it serves: an estimate for calls that read or write a row or two. */
const OBJECT_MS_PER_CALL = 1;
/** A read of the location's Cache API: local to the data centre. */
const LOCATION_READ_MS = 2;
const LATENCY_SAMPLES = 200_000;

/** Zipf probabilities of `keys` keys, the first the most popular. */
export function zipfShares(keys: number, exponent: number): Float64Array {
  const shares = new Float64Array(keys);
  let total = 0;
  for (let k = 0; k < keys; k++) total += shares[k] = (k + 1) ** -exponent;
  for (let k = 0; k < keys; k++) shares[k]! /= total;
  return shares;
}

/**
 * Lookups per second one isolate makes of a key's object, for `rate` requests
 * per second of that key in the isolate: a confirmation lasts the memory TTL
 * from when its lookup was sent (or the lookup's round trip, if longer: one is
 * in flight at a time), and the next lookup waits for the next request.
 */
export function isolateLookupRate(rate: number, memoryTtlMs: number, rttMs: number): number {
  if (rate === 0) return 0;
  return 1 / (Math.max(memoryTtlMs, rttMs) / 1000 + 1 / rate);
}

/**
 * Refreshes per second of a key requested `rate` times per second, hard-purged
 * `purgesPerS` times per second: one per entry's life (the key's object grants
 * one lease), which ends at maxAge or at a purge, plus the wait for the next
 * request. `missShare`: the share of refreshes a request waits for, those
 * after a purge (the entry is gone) and those after an entry died unrequested
 * within its stale window.
 */
export function keyFillRate(rate: number, maxAgeS: number, staleWhileRevalidateS: number, purgesPerS = 0): { fills: number; missShare: number } {
  if (rate === 0) return { fills: 0, missShare: 0 };
  const purgedWithinMaxAge = 1 - Math.exp(-purgesPerS * maxAgeS);
  const life = purgesPerS > 0 ? purgedWithinMaxAge / purgesPerS : maxAgeS;
  const fills = 1 / (life + 1 / rate);
  return { fills, missShare: purgedWithinMaxAge + (1 - purgedWithinMaxAge) * Math.exp(-rate * staleWhileRevalidateS) };
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

function lowerBound(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function model(inputs: Inputs, isolatesPerLocation = Math.max(1, Math.ceil(inputs.rps / inputs.locations / inputs.isolateRps))): Figures {
  const { keys, locations, memoryTtlMs, locationTtlMs, objectRttMs: distances } = inputs;
  const shares = zipfShares(keys, inputs.zipf);
  const isolates = locations * isolatesPerLocation;
  const purges = inputs.mutationsPerS + inputs.purgesPerS;
  // Purges and mutations touch responses evenly over the keys.
  const keyPurgesPerS = Math.min(1, inputs.keysPerPurge / keys) * purges;
  const tiers = distances.map(({ ms }) =>
    locationTtlMs > 0 ? locationShares({ isolates: isolatesPerLocation, memoryTtlMs, locationTtlMs, rttMs: ms }) : undefined,
  );

  /** Per key and distance class: the shares of its requests that read the location tier, and that ask the key's object. */
  const reads = new Float64Array(keys * distances.length);
  const asks = new Float64Array(keys * distances.length);
  /** Per key: the share of its requests that wait for a refresh at the origin. */
  const misses = new Float64Array(keys);
  let lookups = 0;
  let fills = 0;
  let hottest = 0;
  let hottestLookups = 0;
  for (let k = 0; k < keys; k++) {
    const rate = inputs.rps * shares[k]!;
    if (rate === 0) continue;
    const perLocation = rate / locations;
    const perIsolate = perLocation / isolatesPerLocation;
    let keyLookups = 0;
    distances.forEach(({ ms, share }, c) => {
      const lapsed = isolateLookupRate(perIsolate, memoryTtlMs, ms) / perIsolate;
      const tier: LocationShares = tiers[c]?.(perLocation) ?? { reads: lapsed, lookups: lapsed };
      reads[k * distances.length + c] = tier.reads;
      asks[k * distances.length + c] = tier.lookups;
      keyLookups += rate * share * tier.lookups;
    });
    const fill = keyFillRate(rate, inputs.maxAgeS, inputs.staleWhileRevalidateS, keyPurgesPerS);
    misses[k] = (fill.fills * fill.missShare) / rate;
    lookups += keyLookups;
    fills += fill.fills;
    if (k === 0) {
      hottest = keyLookups + fill.fills + keyPurgesPerS;
      hottestLookups = keyLookups * inputs.durationS;
    }
  }

  const originRps = fills * inputs.originCallsPerFill + inputs.mutationsPerS;
  const shieldRps = 2 * originRps;
  const indexShardRps = fills / inputs.indexShards + purges;
  const objectCalls =
    lookups + fills * CALLS_PER_FILL + shieldRps + purges * (inputs.indexShards + Math.min(keys, inputs.keysPerPurge) + ENTITY_CALLS_PER_PURGE);
  const rowsWritten = fills * ROWS_WRITTEN_PER_FILL + purges * (Math.min(keys, inputs.keysPerPurge) * ROWS_WRITTEN_PER_PURGED_KEY + ROWS_WRITTEN_PER_PURGE);

  // Each sampled request: a key by popularity, a location by distance, then what its isolate did for it.
  const random = seeded(1);
  const cumulative = new Float64Array(keys);
  shares.reduce((sum, share, k) => (cumulative[k] = sum + share), 0);
  const latencies = new Float64Array(LATENCY_SAMPLES);
  const readMs = locationTtlMs > 0 ? LOCATION_READ_MS : 0;
  const missRoundTrips = ROUND_TRIPS_PER_MISS + ROUND_TRIPS_PER_ORIGIN_CALL * inputs.originCallsPerFill;
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    const k = Math.min(lowerBound(cumulative, random()), keys - 1);
    let pick = random();
    let c = distances.findIndex(({ share }) => (pick -= share) < 0);
    if (c === -1) c = distances.length - 1;
    const rtt = distances[c]!.ms;
    const ask = asks[k * distances.length + c]!;
    const miss = Math.min(misses[k]!, ask);
    const u = random();
    latencies[i] =
      u < miss
        ? readMs + inputs.originLatencyMs + missRoundTrips * rtt
        : u < ask
          ? readMs + rtt
          : u < reads[k * distances.length + c]!
            ? readMs
            : 0;
  }
  latencies.sort();

  const perMillion = (perSecond: number) => (perSecond / inputs.rps) * 1e6;
  const workers = PRICES.workerRequestsPerMillion + inputs.cpuMsPerRequest * PRICES.workerCpuPerMillionMs;
  const objectRequests = (perMillion(objectCalls) / 1e6) * PRICES.objectRequestsPerMillion;
  const objectDuration = (perMillion(objectCalls * (OBJECT_MS_PER_CALL / 1000) * PRICES.objectMemoryGb) / 1e6) * PRICES.objectDurationPerMillionGbS;
  const storage = (perMillion(rowsWritten) / 1e6) * PRICES.sqliteRowsWrittenPerMillion;

  return {
    isolatesPerLocation,
    isolates,
    hottestKeyObjectRps: hottest,
    indexShardRps,
    shieldRps,
    originRps,
    originInFlight: (originRps * inputs.originLatencyMs) / 1000,
    hottestKeyLookupsPerIsolate: hottestLookups / isolates,
    hottestKeyLookups: hottestLookups,
    purgeBoundMs: memoryTtlMs + STAND_IN_MS + locationTtlMs + Math.max(...distances.map(({ ms }) => ms)),
    addedLatencyP50Ms: percentile(latencies, 0.5),
    addedLatencyP99Ms: percentile(latencies, 0.99),
    costPerMillionRequests: { workers, objectRequests, objectDuration, storage, total: workers + objectRequests + objectDuration + storage },
  };
}

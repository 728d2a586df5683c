import { PRICES } from './prices.ts';
import type { Inputs } from './inputs.ts';

/** What the model comes to, per second unless named otherwise. */
export interface Figures {
  isolatesPerLocation: number;
  isolates: number;
  /** Calls to the hottest response key's object: lookups, and the store of each refresh. */
  hottestKeyObjectRps: number;
  /** The busiest index shard: the fills hashed to it, and every purge (a purge asks every shard). */
  indexShardRps: number;
  /** The origin's shield object: two calls (acquire, release) per origin call. */
  shieldRps: number;
  originRps: number;
  /** Lookups of the hottest key's object from one isolate over `durationS`: what `objectLookups` counts in `/admin/stats`. */
  hottestKeyLookupsPerIsolate: number;
  /** How long after a purge's answer a copy may still be served somewhere: memory TTL + location TTL + the slowest lookup. */
  purgeBoundMs: number;
  addedLatencyP50Ms: number;
  addedLatencyP99Ms: number;
  costPerMillionRequests: { workers: number; objectRequests: number; objectDuration: number; storage: number; total: number };
}

/** Rows one refresh writes (the entry, its lease, the index's delete and inserts) and one lookup reads: an estimate from the objects' SQL. */
const ROWS_WRITTEN_PER_FILL = 6;
const ROWS_READ_PER_LOOKUP = 2;
/** Wall-clock an object is billed per call it serves: an estimate for calls that read or write a row or two. */
const OBJECT_MS_PER_CALL = 1;
/** A lookup of the location's Cache API: local to the data centre. */
const LOCATION_LOOKUP_MS = 2;
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
 * Lookups per second a location makes of a key's object with the location
 * tier on. `lapses` per second reach the tier; the first to find its copy
 * older than the location TTL asks the object, and so does every lapse of the
 * location's other isolates while that lookup is in flight (the tier is a
 * cache, not a lock).
 */
export function locationLookupRate(lapses: number, isolates: number, locationTtlMs: number, rttMs: number): number {
  if (lapses === 0) return 0;
  const racing = Math.min(isolates - 1, (lapses * rttMs) / 1000);
  return (1 + racing) / (Math.max(locationTtlMs, rttMs) / 1000 + 1 / lapses);
}

/** Object lookups per second for a key requested `rate` times per second worldwide. */
export function keyLookupRate(rate: number, inputs: Inputs, isolatesPerLocation: number, rttMs: number): { lookups: number; lapses: number } {
  const isolates = inputs.locations * isolatesPerLocation;
  const lapses = isolates * isolateLookupRate(rate / isolates, inputs.memoryTtlMs, rttMs);
  if (inputs.locationTtlMs === 0) return { lookups: lapses, lapses };
  const perLocation = locationLookupRate(lapses / inputs.locations, isolatesPerLocation, inputs.locationTtlMs, rttMs);
  return { lookups: Math.min(lapses, inputs.locations * perLocation), lapses };
}

/** Refreshes per second of a key requested `rate` times per second: one per maxAge (the key's object grants one lease), and the share of them that a request waits for (the entry died unrequested within its stale window). */
export function keyFillRate(rate: number, maxAgeS: number, staleWhileRevalidateS: number): { fills: number; missShare: number } {
  if (rate === 0) return { fills: 0, missShare: 0 };
  const fills = 1 / (maxAgeS + 1 / rate);
  return { fills, missShare: Math.exp(-rate * staleWhileRevalidateS) };
}

/** A seeded generator (mulberry32), so that the latency figures are the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

export function model(inputs: Inputs, isolatesPerLocation = Math.max(1, Math.ceil(inputs.rps / inputs.locations / inputs.isolateRps))): Figures {
  const shares = zipfShares(inputs.keys, inputs.zipf);
  const slowestRtt = Math.max(...inputs.objectRttMs.map(({ ms }) => ms));
  const meanRtt = inputs.objectRttMs.reduce((sum, { ms, share }) => sum + ms * share, 0);
  const isolates = inputs.locations * isolatesPerLocation;

  let lookups = 0;
  let fills = 0;
  let hottest = 0;
  let hottestPerIsolate = 0;
  /** Per key: the shares of its requests that wait for the object, for the location tier, and for the origin. */
  const waits = { object: new Float64Array(inputs.keys), location: new Float64Array(inputs.keys), origin: new Float64Array(inputs.keys) };
  for (let k = 0; k < inputs.keys; k++) {
    const rate = inputs.rps * shares[k]!;
    // The far locations dominate what an object sees; the mean round trip is what a lookup costs on the whole.
    const key = keyLookupRate(rate, inputs, isolatesPerLocation, meanRtt);
    const fill = keyFillRate(rate, inputs.maxAgeS, inputs.staleWhileRevalidateS);
    lookups += key.lookups;
    fills += fill.fills;
    if (k === 0) {
      hottest = key.lookups + fill.fills;
      hottestPerIsolate = (key.lookups / isolates) * inputs.durationS;
    }
    if (rate > 0) {
      waits.origin[k] = (fill.fills * fill.missShare) / rate;
      waits.object[k] = key.lookups / rate;
      waits.location[k] = inputs.locationTtlMs > 0 ? (key.lapses - key.lookups) / rate : 0;
    }
  }

  const purges = inputs.mutationsPerS + inputs.purgesPerS;
  const originRps = fills * inputs.originCallsPerFill + inputs.mutationsPerS;
  const shieldRps = 2 * originRps;
  const indexShardRps = fills / inputs.indexShards + purges;
  const objectCalls = lookups + fills * 2 + shieldRps + purges * (inputs.indexShards + inputs.keysPerPurge);

  const random = seeded(1);
  const cumulative = new Float64Array(inputs.keys);
  shares.reduce((sum, share, k) => (cumulative[k] = sum + share), 0);
  const latencies = new Float64Array(LATENCY_SAMPLES);
  for (let i = 0; i < LATENCY_SAMPLES; i++) {
    let k = lowerBound(cumulative, random());
    k = Math.min(k, inputs.keys - 1);
    let pick = random();
    let rtt = inputs.objectRttMs[inputs.objectRttMs.length - 1]!.ms;
    for (const { ms, share } of inputs.objectRttMs) {
      if ((pick -= share) < 0) {
        rtt = ms;
        break;
      }
    }
    const u = random();
    const origin = waits.origin[k]!;
    const object = waits.object[k]!;
    const location = waits.location[k]!;
    latencies[i] =
      u < origin ? inputs.originLatencyMs + 2 * rtt : u < origin + object ? rtt + (inputs.locationTtlMs > 0 ? LOCATION_LOOKUP_MS : 0) : u < origin + object + location ? LOCATION_LOOKUP_MS : 0;
  }
  latencies.sort();

  const perMillion = (perSecond: number) => (perSecond / inputs.rps) * 1e6;
  const workers = PRICES.workerRequestsPerMillion + (inputs.cpuMsPerRequest * 1e6 * PRICES.workerCpuPerMillionMs) / 1e6;
  const objectRequests = (perMillion(objectCalls) / 1e6) * PRICES.objectRequestsPerMillion;
  const objectDuration = (perMillion(objectCalls * (OBJECT_MS_PER_CALL / 1000) * PRICES.objectMemoryGb) / 1e6) * PRICES.objectDurationPerMillionGbS;
  const storage =
    (perMillion(fills * ROWS_WRITTEN_PER_FILL) / 1e6) * PRICES.sqliteRowsWrittenPerMillion +
    (perMillion(lookups * ROWS_READ_PER_LOOKUP) / 1e6) * PRICES.sqliteRowsReadPerMillion;

  return {
    isolatesPerLocation,
    isolates,
    hottestKeyObjectRps: hottest,
    indexShardRps,
    shieldRps,
    originRps,
    hottestKeyLookupsPerIsolate: hottestPerIsolate,
    purgeBoundMs: inputs.memoryTtlMs + inputs.locationTtlMs + slowestRtt,
    addedLatencyP50Ms: percentile(latencies, 0.5),
    addedLatencyP99Ms: percentile(latencies, 0.99),
    costPerMillionRequests: { workers, objectRequests, objectDuration, storage, total: workers + objectRequests + objectDuration + storage },
  };
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

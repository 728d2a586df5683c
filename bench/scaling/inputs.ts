/** What the scaling model takes: every input with its default and its meaning. */
export interface Inputs {
  /** Requests per second, worldwide. */
  rps: number;
  /** Locations (data centres) that receive traffic, each an equal share. Default 300. */
  locations: number;
  /** Requests per second one isolate serves before the runtime starts another in its location. Default 500 (an assumption: Cloudflare publishes no figure). */
  isolateRps: number;
  /** Distinct cache keys, requested Zipf-distributed. Default 10,000. */
  keys: number;
  /** Zipf exponent of key popularity (1: the classic web-cache skew). Default 1. */
  zipf: number;
  /** Round trips from a location to an object elsewhere, in ms, with the share of locations at each. Default 10 ms 20%, 40 ms 40%, 100 ms 30%, 200 ms 10%. */
  objectRttMs: { ms: number; share: number }[];
  /** `CACHE_MEMORY_TTL_MS`. Default 1000. */
  memoryTtlMs: number;
  /** `CACHE_LOCATION_TTL_MS`; 0 is off. Default 0. */
  locationTtlMs: number;
  /** A response's maxAge in seconds, and its staleWhileRevalidate. Defaults 300 and 60 (the sample's products: 300 s). */
  maxAgeS: number;
  staleWhileRevalidateS: number;
  /** `CACHE_INDEX_SHARDS`. Default 16. */
  indexShards: number;
  /** Mutations (each purges what it touched) and admin purges per second, worldwide. Defaults 10 and 1. */
  mutationsPerS: number;
  purgesPerS: number;
  /** Responses one mutation or purge touches, spread evenly over the keys; each is a hard purge (the next request for it waits for a refresh). Default 5. */
  keysPerPurge: number;
  /** Origin calls one refresh makes (DataLoader batches, after the entity cache). Default 1. */
  originCallsPerFill: number;
  /** The origin's latency, in ms, which a request that waits for a fill waits. Default 200. */
  originLatencyMs: number;
  /** CPU ms per request on a hit, as `npm run bench` measured it (hot, CPU ms/request). Default 0.08. */
  cpuMsPerRequest: number;
  /** Model this many seconds (the figures are per second; duration only scales counts). Default 1. */
  durationS: number;
}

export const DEFAULTS: Inputs = {
  rps: 5000,
  locations: 300,
  isolateRps: 500,
  keys: 10_000,
  zipf: 1,
  objectRttMs: [
    { ms: 10, share: 0.2 },
    { ms: 40, share: 0.4 },
    { ms: 100, share: 0.3 },
    { ms: 200, share: 0.1 },
  ],
  memoryTtlMs: 1000,
  locationTtlMs: 0,
  maxAgeS: 300,
  staleWhileRevalidateS: 60,
  indexShards: 16,
  mutationsPerS: 10,
  purgesPerS: 1,
  keysPerPurge: 5,
  originCallsPerFill: 1,
  originLatencyMs: 200,
  cpuMsPerRequest: 0.08,
  durationS: 1,
};

/** The three scales docs/performance/scaling-model.md reports, each for today's defaults and for the changes the model argues for. */
export const REPORTED_RPS = [5000, 100_000, 1_000_000];

/** The design before this change: one index object, no location tier. */
export const BEFORE = { indexShards: 1, locationTtlMs: 0 } satisfies Partial<Inputs>;
/** With the changes: the index in 16 shards and a location tier of 1 s. */
export const CHANGED = { indexShards: 16, locationTtlMs: 1000 } satisfies Partial<Inputs>;

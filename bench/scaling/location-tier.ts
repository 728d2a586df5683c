import { seeded } from '../seeded-random.ts';

/** One location as the location tier sees it. */
export interface LocationShape {
  isolates: number;
  memoryTtlMs: number;
  locationTtlMs: number;
  /** The round trip from this location to the key's object. */
  rttMs: number;
}

/** Of one key's requests in a location: the share whose isolate's memory confirmation had lapsed (they read the location tier), and the share that went on to the key's object. */
export interface LocationShares {
  reads: number;
  lookups: number;
}

/** The start is cold (every isolate asks once): the simulation counts from when the first confirmations would have lapsed twice. */
function warmUpMs({ memoryTtlMs, locationTtlMs, rttMs }: LocationShape): number {
  return 2 * (Math.max(memoryTtlMs, rttMs) + locationTtlMs);
}

/**
 * One key's requests in one location, one at a time, under the rules of
 * `src/response-cache/response-cache.ts`: Poisson arrivals spread evenly over the
 * isolates; a memory confirmation lasts the memory TTL from when its lookup
 * was sent; while an isolate's lookup is in flight its other requests take the
 * memory copy; a lapsed isolate takes the location's copy if the object
 * confirmed it less than the location TTL ago (and counts its own confirmation
 * from then), else asks the object; the copy an object lookup returns is
 * written to the location tier, stamped with the lookup's send time, when the
 * lookup returns (the last write wins). The tier is a cache, not a lock: the
 * isolates that lapse while one lookup is in flight each ask the object too.
 */
export function simulateLocation(shape: LocationShape, keyRps: number, requests: number, seed: number): LocationShares {
  const { isolates, memoryTtlMs, locationTtlMs, rttMs } = shape;
  const random = seeded(seed);
  const confirmedAt = new Float64Array(isolates).fill(-Infinity);
  const askingUntil = new Float64Array(isolates).fill(-Infinity);
  const sentAt = new Float64Array(requests);
  const sentBy = new Int32Array(requests);
  let sent = 0;
  let landed = 0;
  let locationAt = -Infinity;
  const warm = warmUpMs(shape);
  let now = 0;
  let counted = 0;
  let reads = 0;
  let lookups = 0;
  for (let n = 0; n < requests; n++) {
    now += (-Math.log(1 - random()) * 1000) / keyRps;
    const isolate = Math.floor(random() * isolates);
    for (; landed < sent && sentAt[landed]! + rttMs <= now; landed++) {
      confirmedAt[sentBy[landed]!] = sentAt[landed]!;
      locationAt = sentAt[landed]!;
    }
    const counts = now >= warm;
    if (counts) counted++;
    if (now - confirmedAt[isolate]! < memoryTtlMs || now < askingUntil[isolate]!) continue;
    if (counts) reads++;
    if (locationTtlMs > 0 && now - locationAt < locationTtlMs) {
      confirmedAt[isolate] = now;
      continue;
    }
    if (counts) lookups++;
    askingUntil[isolate] = now + rttMs;
    sentAt[sent] = now;
    sentBy[sent++] = isolate;
  }
  return { reads: reads / counted, lookups: lookups / counted };
}

/** Simulated rates per decade of a key's requests per second in a location; between them, log-log interpolation. */
const BINS_PER_DECADE = 8;
/** Location TTLs (or memory TTLs) each simulation covers after its warm-up, and its bounds in requests (past the warm-up, whatever the rate). */
const CYCLES = 400;
const MIN_REQUESTS = 20_000;
const MAX_REQUESTS = 400_000;

/**
 * The shares of `simulateLocation` for any rate of a key's requests in a
 * location of `shape`: simulated once per bin of rates (seeded by the bin, so
 * the same on every run) and interpolated between bins.
 */
export function locationShares(shape: LocationShape): (keyRps: number) => LocationShares {
  const bins = new Map<number, LocationShares>();
  const cycleMs = Math.max(shape.locationTtlMs, shape.memoryTtlMs, shape.rttMs);
  function at(bin: number): LocationShares {
    let shares = bins.get(bin);
    if (!shares) {
      const keyRps = 10 ** (bin / BINS_PER_DECADE);
      const warmUp = Math.ceil((keyRps * warmUpMs(shape)) / 1000);
      const requests = Math.max(MIN_REQUESTS, Math.min(MAX_REQUESTS, warmUp + Math.ceil((keyRps * CYCLES * cycleMs) / 1000)), 2 * warmUp);
      shares = simulateLocation(shape, keyRps, requests, bin * 7919 + shape.rttMs);
      bins.set(bin, shares);
    }
    return shares;
  }
  return (keyRps) => {
    const position = Math.log10(keyRps) * BINS_PER_DECADE;
    const low = Math.floor(position);
    const [below, above] = [at(low), at(low + 1)];
    const blend = (a: number, b: number) => Math.exp(Math.log(Math.max(a, 1e-12)) * (1 - (position - low)) + Math.log(Math.max(b, 1e-12)) * (position - low));
    return { reads: blend(below.reads, above.reads), lookups: blend(below.lookups, above.lookups) };
  };
}

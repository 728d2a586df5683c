/**
 * What the analytics count, in one mergeable shape: an isolate's counts
 * since its last flush, one slot of a window in the analytics objects, and
 * what the dashboard and `/admin/metrics` read are all a `Snapshot`.
 * Leaf: imports nothing of the gateway's.
 */

/** How a GraphQL request was answered: the response cache's status, or refused before it (rate limit, a bad request, origin busy). */
export const REQUEST_STATES = ['HIT', 'STALE', 'MISS', 'BYPASS', 'REFUSED'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** How a connector call's value came: from the field cache fresh or stale, by waiting for another caller's call (coalesced), or from the origin (miss). Uncached connectors count as misses. */
export const FIELD_STATES = ['fresh', 'stale', 'coalesced', 'miss'] as const;
export type FieldState = (typeof FIELD_STATES)[number];

/** Upper bounds (ms) of the latency histogram's buckets; one more bucket past the last counts the rest. */
export const LATENCY_BOUNDS_MS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000] as const;

/** Counts per bucket of `LATENCY_BOUNDS_MS`, the last one unbounded: `LATENCY_BOUNDS_MS.length + 1` long. */
export type Histogram = number[];

/** The series a name beyond the bound is counted under, so that unique names cannot grow memory. */
export const OTHER = '(other)';

/** What a request without an operation name is counted as. */
export const ANONYMOUS = '(anonymous)';

export interface OperationStats {
  count: number;
  /** Requests of the operation whose response had at least one error. */
  errors: number;
  latency: Histogram;
  bytes: number;
}

/** Durations: their histogram, and their sum, which its buckets cannot give (Prometheus' `_sum`). */
export interface Timed {
  latency: Histogram;
  latencySumMs: number;
}

export interface ConnectorStats extends Timed {
  calls: number;
  /** Calls whose origin answer failed (transport error, or a status the connector maps to an error). */
  errors: number;
  /** Keys the calls carried: a batched entity call counts each, a plain call one. */
  batchItems: number;
  /** Whether the connector's calls may be cached by the field cache at all (it has a policy). */
  cached: boolean;
  fieldStates: Record<FieldState, number>;
  /** By origin status (`200`, `404`, or `error` when no status came). */
  statuses: Record<string, number>;
}

export interface Snapshot extends Timed {
  requests: Record<RequestState, number>;
  /** HTTP requests sent to origins (each retry and redirect hop), background refreshes included: what the origins count. */
  originCalls: number;
  /** Answers served stale, from either cache, because a refresh from the origin failed. */
  staleOnFailure: number;
  responseBytes: number;
  /** By GraphQL error code (`extensions.code`). */
  errors: Record<string, number>;
  /** By `operationName hash` (`(anonymous) hash` for unnamed ones), at most a bound's worth, the rest under `OTHER`. */
  operations: Record<string, OperationStats>;
  /** By coordinate: `Query.products`, or the type for an entity connector (`Product`). */
  connectors: Record<string, ConnectorStats>;
  /** Flushes that could not be delivered and were given up: their counts are missing from every window. */
  dropped: number;
}

const emptyHistogram = (): Histogram => new Array<number>(LATENCY_BOUNDS_MS.length + 1).fill(0);

/**
 * A table by name without a prototype: names come from clients (`__proto__`
 * and `constructor` are valid operation names), and must be plain keys.
 * Merge into tables made here, never into a parsed or cloned one.
 */
const byName = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

export function createSnapshot(): Snapshot {
  return {
    requests: { HIT: 0, STALE: 0, MISS: 0, BYPASS: 0, REFUSED: 0 },
    originCalls: 0,
    staleOnFailure: 0,
    responseBytes: 0,
    latency: emptyHistogram(),
    latencySumMs: 0,
    errors: byName(),
    operations: byName(),
    connectors: byName(),
    dropped: 0,
  };
}

/**
 * A copy an RPC can carry: workerd serializes no object without a prototype,
 * and JSON keeps every name, `__proto__` too, as an own key. Off the hit
 * path: once per flush or read.
 */
export const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Counts one duration in its bucket: a few comparisons, no allocation. */
export function observe(histogram: Histogram, ms: number): void {
  let bucket = 0;
  while (bucket < LATENCY_BOUNDS_MS.length && ms > LATENCY_BOUNDS_MS[bucket]!) bucket++;
  histogram[bucket]!++;
}

/**
 * The `q` quantile (0..1) of a histogram, interpolated linearly inside the
 * bucket that holds it (between its lower and upper bound); a quantile in the
 * last, unbounded bucket answers the last bound (10 s): "at least". 0 when empty.
 */
export function quantile(histogram: Histogram, q: number): number {
  let total = 0;
  for (const count of histogram) total += count;
  if (!total) return 0;
  const rank = q * total;
  let below = 0;
  for (let bucket = 0; bucket < histogram.length; bucket++) {
    const count = histogram[bucket]!;
    if (count && below + count >= rank) {
      const upper = LATENCY_BOUNDS_MS[bucket];
      if (upper === undefined) return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1]!;
      const lower = bucket === 0 ? 0 : LATENCY_BOUNDS_MS[bucket - 1]!;
      return lower + ((upper - lower) * (rank - below)) / count;
    }
    below += count;
  }
  return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1]!;
}

function addHistogram(into: Histogram, from: Histogram): void {
  for (let bucket = 0; bucket < into.length; bucket++) into[bucket]! += from[bucket] ?? 0;
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const name in from) into[name] = (into[name] ?? 0) + from[name]!;
}

/** The totals of `from` added into `into`: everything but the per-name tables. */
export function mergeTotals(into: Omit<Snapshot, 'operations' | 'connectors'>, from: Omit<Snapshot, 'operations' | 'connectors'>): void {
  addCounts(into.requests, from.requests);
  into.originCalls += from.originCalls;
  into.staleOnFailure += from.staleOnFailure;
  into.responseBytes += from.responseBytes;
  addHistogram(into.latency, from.latency);
  into.latencySumMs += from.latencySumMs;
  addCounts(into.errors, from.errors);
  into.dropped += from.dropped;
}

export const emptyOperation = (): OperationStats => ({ count: 0, errors: 0, latency: emptyHistogram(), bytes: 0 });

export const emptyConnector = (cached: boolean): ConnectorStats => ({
  calls: 0,
  errors: 0,
  latency: emptyHistogram(),
  latencySumMs: 0,
  batchItems: 0,
  cached,
  fieldStates: { fresh: 0, stale: 0, coalesced: 0, miss: 0 },
  statuses: {},
});

function addOperation(into: OperationStats, from: OperationStats): void {
  into.count += from.count;
  into.errors += from.errors;
  addHistogram(into.latency, from.latency);
  into.bytes += from.bytes;
}

function addConnector(into: ConnectorStats, from: ConnectorStats): void {
  into.calls += from.calls;
  into.errors += from.errors;
  addHistogram(into.latency, from.latency);
  into.latencySumMs += from.latencySumMs;
  into.batchItems += from.batchItems;
  into.cached ||= from.cached;
  addCounts(into.fieldStates, from.fieldStates);
  addCounts(into.statuses, from.statuses);
}

/**
 * Adds `from` into `into`, then keeps at most `bound` operations, connectors
 * and error codes: the largest by count stay, the rest are folded into
 * `OTHER`, so that however many names arrive the snapshot stays bounded.
 */
export function mergeSnapshot(into: Snapshot, from: Snapshot, bound: number): void {
  mergeTotals(into, from);
  for (const name in from.operations) addOperation((into.operations[name] ??= emptyOperation()), from.operations[name]!);
  for (const name in from.connectors) {
    const stats = from.connectors[name]!;
    addConnector((into.connectors[name] ??= emptyConnector(stats.cached)), stats);
  }
  into.operations = fold(into.operations, bound, (stats) => stats.count, emptyOperation, addOperation);
  into.connectors = fold(into.connectors, bound, (stats) => stats.calls, () => emptyConnector(false), addConnector);
  into.errors = fold(into.errors, bound, (count) => count, () => 0, undefined);
}

/** The table itself when within `bound`; else its top `bound` by count and one `OTHER` holding the rest. */
function fold<T>(table: Record<string, T>, bound: number, countOf: (item: T) => number, empty: () => T, add: ((into: T, from: T) => void) | undefined): Record<string, T> {
  const names = Object.keys(table);
  if (names.length <= bound) return table;
  names.sort((a, b) => (a === OTHER ? 1 : b === OTHER ? -1 : countOf(table[b]!) - countOf(table[a]!)));
  const kept = byName<T>();
  let other = table[OTHER] ?? empty();
  for (const [index, name] of names.entries()) {
    if (index < bound && name !== OTHER) kept[name] = table[name]!;
    else if (name !== OTHER) other = add ? (add(other, table[name]!), other) : ((other as number) + (table[name] as number)) as T;
  }
  kept[OTHER] = other;
  return kept;
}

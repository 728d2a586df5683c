/**
 * What the dashboard shows, worked out from one range's WindowRead: plain
 * numbers and series, no DOM, so that a node test checks every figure.
 */
import type { Totals, WindowRead } from '../src/analytics/analytics.ts';
import { quantile, REQUEST_STATES, type ConnectorStats, type Histogram, type RequestState } from '../src/analytics/snapshot.ts';

export interface Latency {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface OperationRow extends Latency {
  name: string;
  count: number;
  errors: number;
}

export interface ConnectorRow extends Latency {
  coordinate: string;
  calls: number;
  errors: number;
  cached: boolean;
  /** Calls answered by the field cache (fresh or stale) over all calls; null for a connector without a cache policy. */
  fieldHitRatio: number | null;
}

export interface Figures {
  requests: Record<RequestState, number>;
  total: number;
  requestsPerSecond: number;
  /** Answers from the response cache (HIT, STALE) over the requests that reached it (all but REFUSED). */
  hitRatio: number | null;
  originCalls: number;
  originCallsPerSecond: number;
  /** 1 − origin calls per request that reached the cache, at least 0: the share of the origin's load the gateway took. */
  offload: number | null;
  latency: Latency;
  staleOnFailure: number;
  dropped: number;
  operationsByCount: OperationRow[];
  operationsByLatency: OperationRow[];
  connectors: ConnectorRow[];
  errors: Array<[code: string, count: number]>;
  /** Cached connectors that were called in the range and never answered from the field cache. */
  neverHit: string[];
  series: Series;
}

/** One value per point of the range, for the charts; `at` in seconds, as uPlot takes time. */
export interface Series {
  at: number[];
  perSecond: Record<RequestState, number[]>;
  originPerSecond: number[];
  requestsPerSecond: number[];
  p50: Array<number | null>;
  p95: Array<number | null>;
  p99: Array<number | null>;
  staleOnFailurePerSecond: number[];
  errorsPerSecond: number[];
}

/** Rows in each top-operations table. */
export const TOP_OPERATIONS = 10;

/** The histogram's quantile, or null when it counts nothing (no latency to show, rather than 0 ms). */
const quantileOrNull = (histogram: Histogram, q: number): number | null => (histogram.some((n) => n > 0) ? quantile(histogram, q) : null);

const latencyOf = (histogram: Histogram): Latency => ({ p50: quantileOrNull(histogram, 0.5), p95: quantileOrNull(histogram, 0.95), p99: quantileOrNull(histogram, 0.99) });

const totalOf = (requests: Record<RequestState, number>) => REQUEST_STATES.reduce((sum, state) => sum + requests[state], 0);

function fieldHitRatio(stats: ConnectorStats): number | null {
  if (!stats.cached || stats.calls === 0) return null;
  return (stats.fieldStates.fresh + stats.fieldStates.stale) / stats.calls;
}

export function figuresOf(read: WindowRead): Figures {
  const { summary, points, resolutionMs } = read;
  const seconds = (points.length * resolutionMs) / 1000 || 1;
  const total = totalOf(summary.requests);
  const reachedCache = total - summary.requests.REFUSED;
  const operations = Object.entries(summary.operations).map(([name, stats]): OperationRow => ({ name, count: stats.count, errors: stats.errors, ...latencyOf(stats.latency) }));
  const connectors = Object.entries(summary.connectors)
    .map(([coordinate, stats]): ConnectorRow => ({ coordinate, calls: stats.calls, errors: stats.errors, cached: stats.cached, fieldHitRatio: fieldHitRatio(stats), ...latencyOf(stats.latency) }))
    .sort((a, b) => b.calls - a.calls || a.coordinate.localeCompare(b.coordinate));
  return {
    requests: { ...summary.requests },
    total,
    requestsPerSecond: total / seconds,
    hitRatio: reachedCache ? (summary.requests.HIT + summary.requests.STALE) / reachedCache : null,
    originCalls: summary.originCalls,
    originCallsPerSecond: summary.originCalls / seconds,
    offload: reachedCache ? Math.max(0, 1 - summary.originCalls / reachedCache) : null,
    latency: latencyOf(summary.latency),
    staleOnFailure: summary.staleOnFailure,
    dropped: summary.dropped,
    operationsByCount: [...operations].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).slice(0, TOP_OPERATIONS),
    operationsByLatency: [...operations].sort((a, b) => (b.p95 ?? 0) - (a.p95 ?? 0) || b.count - a.count).slice(0, TOP_OPERATIONS),
    connectors,
    errors: Object.entries(summary.errors).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)),
    neverHit: connectors.filter((row) => row.cached && row.calls > 0 && row.fieldHitRatio === 0).map((row) => row.coordinate),
    series: seriesOf(points, resolutionMs / 1000),
  };
}

function seriesOf(points: WindowRead['points'], slotSeconds: number): Series {
  const rate = (pick: (point: Totals) => number) => points.map((point) => pick(point) / slotSeconds);
  const perSecond = Object.fromEntries(REQUEST_STATES.map((state) => [state, rate((point) => point.requests[state])])) as Record<RequestState, number[]>;
  return {
    at: points.map((point) => point.at / 1000),
    perSecond,
    requestsPerSecond: rate((point) => totalOf(point.requests)),
    originPerSecond: rate((point) => point.originCalls),
    p50: points.map((point) => quantileOrNull(point.latency, 0.5)),
    p95: points.map((point) => quantileOrNull(point.latency, 0.95)),
    p99: points.map((point) => quantileOrNull(point.latency, 0.99)),
    staleOnFailurePerSecond: rate((point) => point.staleOnFailure),
    errorsPerSecond: rate((point) => Object.values(point.errors).reduce((sum, n) => sum + n, 0)),
  };
}

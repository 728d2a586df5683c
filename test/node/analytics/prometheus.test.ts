import { describe, expect, it } from 'vitest';
import { prometheusText } from '../../../src/analytics/prometheus.ts';
import { promtoolCheck, skipPromtool } from './promtool.ts';
import { emptyConnector, LATENCY_BOUNDS_MS, OTHER, type ConnectorStats, type Histogram, type Snapshot } from '../../../src/analytics/snapshot.ts';

/** Counts per bucket: `at` maps a bucket's index to its count, the rest 0. */
function histogram(at: Record<number, number>): Histogram {
  return Array.from({ length: LATENCY_BOUNDS_MS.length + 1 }, (_, i) => at[i] ?? 0);
}

function connector(fields: Partial<ConnectorStats>): ConnectorStats {
  return { ...emptyConnector(true), ...fields };
}

const HOSTILE_NAME = 'Say "hi"\\ \nthen\u00e9 {x}';
/** A document's SHA-256, hex: what follows an operation's name in its key. */
const hash = (digit: string) => digit.repeat(64);

/** Totals as a gateway might have them after a while, with names a client chose to be awkward. */
const TOTALS: Snapshot = {
  requests: { HIT: 900, STALE: 12, MISS: 80, BYPASS: 5, REFUSED: 3 },
  originCalls: 97,
  staleOnFailure: 4,
  responseBytes: 1_234_567,
  latency: histogram({ 0: 700, 1: 150, 4: 60, 6: 70, 9: 17, 13: 3 }),
  latencySumMs: 15_432.5,
  errors: { ORIGIN_UNAVAILABLE: 6, 'BAD "code"\\\n': 1 },
  operations: {
    [`Product ${hash('a')}`]: { count: 800, errors: 2, latency: histogram({ 0: 800 }), bytes: 1_000_000 },
    [`${HOSTILE_NAME} ${hash('9')}`]: { count: 100, errors: 0, latency: histogram({ 6: 100 }), bytes: 200_000 },
    [`(anonymous) ${hash('7')}`]: { count: 20, errors: 5, latency: histogram({ 9: 20 }), bytes: 30_000 },
    // A name with a space and no hash: refused before its document was read.
    'no hash here': { count: 1, errors: 1, latency: histogram({ 0: 1 }), bytes: 0 },
    [OTHER]: { count: 80, errors: 0, latency: histogram({ 1: 80 }), bytes: 4567 },
  },
  connectors: {
    'Query.products': connector({
      calls: 50,
      errors: 2,
      latency: histogram({ 4: 40, 13: 10 }),
      latencySumMs: 30_100,
      batchItems: 50,
      fieldStates: { fresh: 30, stale: 5, coalesced: 5, miss: 10 },
      statuses: { '200': 8, error: 2 },
    }),
    Product: connector({ calls: 7, latency: histogram({ 2: 7 }), latencySumMs: 21, batchItems: 70, fieldStates: { fresh: 0, stale: 0, coalesced: 0, miss: 7 }, statuses: { '200': 7 } }),
    [`Query.${HOSTILE_NAME}`]: connector({ cached: false, calls: 1, latency: histogram({ 0: 1 }), latencySumMs: 0.5, batchItems: 1, fieldStates: { fresh: 0, stale: 0, coalesced: 0, miss: 1 }, statuses: { '404': 1 } }),
  },
  dropped: 2,
};

describe('prometheusText: the /admin/metrics exposition', () => {
  const text = prometheusText(TOTALS);
  const lines = text.split('\n');

  it.skipIf(skipPromtool)('passes promtool check metrics: it parses, and lints clean', () => {
    expect(promtoolCheck(text)).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('counts requests by cache state, and the totals', () => {
    expect(lines).toContain('gateway_requests_total{cache="HIT"} 900');
    expect(lines).toContain('gateway_requests_total{cache="REFUSED"} 3');
    expect(lines).toContain('gateway_origin_calls_total 97');
    expect(lines).toContain('gateway_stale_on_failure_total 4');
    expect(lines).toContain('gateway_analytics_dropped_flushes_total 2');
  });

  it('writes a histogram in seconds: cumulative buckets, +Inf and _count the total, _sum the kept sum', () => {
    const buckets = lines.filter((line) => line.startsWith('gateway_request_duration_seconds_bucket'));
    expect(buckets[0]).toBe('gateway_request_duration_seconds_bucket{le="0.001"} 700');
    expect(buckets[1]).toBe('gateway_request_duration_seconds_bucket{le="0.002"} 850');
    expect(buckets.at(-2)).toBe('gateway_request_duration_seconds_bucket{le="10"} 997');
    expect(buckets.at(-1)).toBe('gateway_request_duration_seconds_bucket{le="+Inf"} 1000');
    expect(lines).toContain('gateway_request_duration_seconds_sum 15.4325');
    expect(lines).toContain('gateway_request_duration_seconds_count 1000');
    expect(lines).toContain('gateway_connector_duration_seconds_count{connector="Query.products"} 50');
  });

  it('escapes backslash, quote and newline in label values, and splits an operation from its hash', () => {
    expect(lines).toContain(`gateway_operation_requests_total{operation="Say \\"hi\\"\\\\ \\nthen\u00e9 {x}",hash="${hash('9')}"} 100`);
    expect(lines).toContain(`gateway_operation_requests_total{operation="${OTHER}",hash=""} 80`);
    expect(lines).toContain('gateway_operation_requests_total{operation="no hash here",hash=""} 1');
    expect(lines).toContain('gateway_errors_total{code="BAD \\"code\\"\\\\\\n"} 1');
    expect(lines).toContain('gateway_connector_calls_total{connector="Query.products",state="coalesced"} 5');
    expect(lines).toContain('gateway_connector_origin_responses_total{connector="Query.products",status="error"} 2');
    // Every sample is on one line: nothing a client sent broke one in two.
    expect(lines.filter((line) => line !== '' && !/^(# (HELP|TYPE) gateway_\w+ |gateway_\w+(\{.*\})? \S+$)/.test(line))).toEqual([]);
  });
});

/**
 * `GET /admin/metrics`: the analytics' lifetime totals in Prometheus' text
 * exposition format (version 0.0.4). Every figure is a counter (the totals
 * never go down), durations are histograms in seconds.
 */
import { FIELD_STATES, LATENCY_BOUNDS_MS, OTHER, REQUEST_STATES, type Histogram, type Snapshot } from './snapshot.ts';

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

type Labels = Record<string, string>;

/** One metric family: its `# HELP`/`# TYPE` lines and every sample, as the format wants them, together. */
class Family {
  readonly name: string;
  readonly lines: string[];
  constructor(name: string, type: 'counter' | 'histogram', help: string) {
    this.name = name;
    this.lines = [`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`];
  }

  sample(value: number, labels: Labels = {}, suffix = ''): void {
    this.lines.push(`${this.name}${suffix}${labelText(labels)} ${value}`);
  }

  /** `_bucket` counts cumulative up to each bound (`le` in seconds), then `_sum` and `_count`. */
  histogram(buckets: Histogram, sumMs: number, labels: Labels = {}): void {
    let cumulative = 0;
    LATENCY_BOUNDS_MS.forEach((bound, i) => {
      cumulative += buckets[i] ?? 0;
      this.sample(cumulative, { ...labels, le: String(bound / 1000) }, '_bucket');
    });
    cumulative += buckets[LATENCY_BOUNDS_MS.length] ?? 0;
    this.sample(cumulative, { ...labels, le: '+Inf' }, '_bucket');
    this.sample(sumMs / 1000, labels, '_sum');
    this.sample(cumulative, labels, '_count');
  }
}

export function prometheusText(totals: Snapshot): string {
  const requests = new Family('gateway_requests_total', 'counter', 'GraphQL requests by how they were answered (the response cache state, or REFUSED).');
  for (const state of REQUEST_STATES) requests.sample(totals.requests[state], { cache: state });

  const originCalls = new Family('gateway_origin_calls_total', 'counter', 'Origin calls the requests caused, background refreshes included.');
  originCalls.sample(totals.originCalls);

  const staleOnFailure = new Family('gateway_stale_on_failure_total', 'counter', 'Answers served stale because a refresh from the origin failed.');
  staleOnFailure.sample(totals.staleOnFailure);

  const bytes = new Family('gateway_response_bytes_total', 'counter', 'Bytes of the response bodies whose length was known.');
  bytes.sample(totals.responseBytes);

  const duration = new Family('gateway_request_duration_seconds', 'histogram', 'Time to answer a GraphQL request.');
  duration.histogram(totals.latency, totals.latencySumMs);

  const errors = new Family('gateway_errors_total', 'counter', 'GraphQL errors in the responses, by extensions.code.');
  for (const [code, count] of Object.entries(totals.errors)) errors.sample(count, { code });

  const operations = new Family('gateway_operation_requests_total', 'counter', `Requests per operation and document hash; operations past the bound count as "${OTHER}".`);
  const operationErrors = new Family('gateway_operation_errors_total', 'counter', 'Requests per operation whose response had an error.');
  for (const [key, stats] of Object.entries(totals.operations)) {
    const labels = operationLabels(key);
    operations.sample(stats.count, labels);
    operationErrors.sample(stats.errors, labels);
  }

  const calls = new Family('gateway_connector_calls_total', 'counter', 'Connector calls by how the value came: field cache fresh or stale, coalesced, or a miss.');
  const callErrors = new Family('gateway_connector_errors_total', 'counter', "Connector calls whose origin answer failed.");
  const statuses = new Family('gateway_connector_origin_responses_total', 'counter', 'Origin answers to connector calls by HTTP status (error: none came).');
  const batchItems = new Family('gateway_connector_batch_items_total', 'counter', 'Keys the connector calls carried (a batched entity call counts each).');
  const callDuration = new Family('gateway_connector_duration_seconds', 'histogram', 'Time a connector call took.');
  for (const [connector, stats] of Object.entries(totals.connectors)) {
    for (const state of FIELD_STATES) calls.sample(stats.fieldStates[state], { connector, state });
    callErrors.sample(stats.errors, { connector });
    for (const [status, count] of Object.entries(stats.statuses)) statuses.sample(count, { connector, status });
    batchItems.sample(stats.batchItems, { connector });
    callDuration.histogram(stats.latency, stats.latencySumMs, { connector });
  }

  const dropped = new Family('gateway_analytics_dropped_flushes_total', 'counter', 'Flushes given up after failing: their counts are missing from every figure.');
  dropped.sample(totals.dropped);

  const families = [requests, originCalls, staleOnFailure, bytes, duration, errors, operations, operationErrors, calls, callErrors, statuses, batchItems, callDuration, dropped];
  return `${families.flatMap((family) => family.lines).join('\n')}\n`;
}

/** A key of `Snapshot.operations` is `name hash` (a SHA-256 in hex), or the name alone when no hash was known, as for `OTHER`; a client's name may hold spaces. */
function operationLabels(key: string): Labels {
  const hash = / ([0-9a-f]{64})$/i.exec(key)?.[1];
  return hash === undefined ? { operation: key, hash: '' } : { operation: key.slice(0, -hash.length - 1), hash };
}

function labelText(labels: Labels): string {
  const pairs = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabel(value)}"`);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}

/** The exposition format escapes exactly these three in a label value. */
function escapeLabel(value: string): string {
  return value.replace(/[\\"\n]/g, (char) => (char === '\n' ? '\\n' : `\\${char}`));
}

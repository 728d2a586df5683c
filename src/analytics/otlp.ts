/**
 * The optional OTLP/HTTP exporter (`OTLP_ENDPOINT`, off by default): a span
 * per request and per connector call, batched per isolate and posted when
 * the recorder flushes, in `waitUntil`, after the responses. On the
 * request's path a span is one push of the record; its ids, its encoding
 * and the POST wait for the flush. A batch holds at most `OTLP_MAX_SPANS`:
 * past it, and when a POST fails, spans are dropped and counted, never
 * kept, so that neither a spike nor a collector that is down grows memory.
 */
import type { OtlpConfig } from '../config.ts';
import { logEvent, logFailure } from '../shared/log-event.ts';
import { encodeSpans, type PendingSpan, type TraceLink } from './otlp-spans.ts';
import type { ConnectorRecord, RequestRecord } from './records.ts';

/** Spans one flush sends at most: OpenTelemetry SDKs' default queue (2048). */
export const OTLP_MAX_SPANS = 2048;
/** A collector that has not answered by then is given up on: the flush's `waitUntil` must end. */
export const OTLP_TIMEOUT_MS = 10_000;

export interface OtlpExporter {
  request(record: RequestRecord): void;
  connector(record: ConnectorRecord): void;
  /** Posts what was batched since the last flush, if anything; never rejects. */
  flush(): Promise<void>;
  /** Spans given up since the isolate started: past the bound, or in a POST that failed. */
  readonly dropped: number;
}

export function createOtlpExporter({ endpoint, headers, serviceName }: OtlpConfig, send: typeof fetch = (input, init) => fetch(input, init)): OtlpExporter {
  const url = `${endpoint}/v1/traces`;
  let batch: PendingSpan[] = [];
  let dropped = 0;
  /** Dropped since the last flush, for its log line. */
  let droppedNow = 0;
  // By the request's trace: its connector calls' spans are recorded before its own, and a trace the request never answered is collected with it.
  const links = new WeakMap<object, TraceLink>();
  const add = (span: PendingSpan) => {
    if (batch.length < OTLP_MAX_SPANS) batch.push(span);
    else droppedNow++;
  };
  return {
    request(record) {
      const link = (record.trace && links.get(record.trace)) || {};
      // Answers that ran nothing share one trace object: each request gets ids of its own.
      if (record.trace) links.delete(record.trace);
      add({ request: record, endMs: Date.now(), link });
    },
    connector(record) {
      let link: TraceLink | undefined;
      if (record.trace) {
        link = links.get(record.trace) ?? {};
        links.set(record.trace, link);
      }
      add({ connector: record, endMs: Date.now(), link });
    },
    async flush() {
      const spans = batch;
      batch = [];
      if (droppedNow) logEvent('warn', 'otlp-spans-dropped', { spans: droppedNow, bound: OTLP_MAX_SPANS });
      dropped += droppedNow;
      droppedNow = 0;
      if (!spans.length) return;
      try {
        const init = { method: 'POST', headers: { ...headers, 'content-type': 'application/x-protobuf' }, body: encodeSpans(spans, serviceName), signal: AbortSignal.timeout(OTLP_TIMEOUT_MS) };
        const response = await send(url, init);
        await response.body?.cancel();
        if (!response.ok) throw new Error(`the collector answered ${response.status}`);
      } catch (error) {
        dropped += spans.length;
        logFailure('otlp-export-failed', error, { spans: spans.length });
      }
    },
    get dropped() {
      return dropped + droppedNow;
    },
  };
}

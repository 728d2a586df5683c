/**
 * Spans of requests and connector calls as an OTLP/HTTP trace export
 * (`ExportTraceServiceRequest` of opentelemetry-proto's
 * collector/trace/v1): a request is a SERVER span named by its operation,
 * each connector call of it a CLIENT child named by its coordinate.
 */
import type { ConnectorRecord, RequestRecord } from './records.ts';
import { ProtobufWriter } from './protobuf-writer.ts';

/** One request's trace and span ids, shared by its connector calls' spans; made when first encoded, not on the request's path. */
export interface TraceLink {
  traceId?: Uint8Array;
  spanId?: Uint8Array;
}

/** A span as the exporter batches it: the record and when it was recorded (its end), nothing computed yet; a connector call made for no known request has no link. */
export type PendingSpan = { endMs: number } & ({ request: RequestRecord; link: TraceLink } | { connector: ConnectorRecord; link: TraceLink | undefined });

type AttributeValue = string | number | boolean | readonly string[];

const SPAN_KIND_SERVER = 2;
const SPAN_KIND_CLIENT = 3;
const STATUS_ERROR = 2;

/** The scope's name in every export: what made the spans. */
export const OTLP_SCOPE = 'graphql-edge-gateway/analytics';

export function encodeSpans(spans: readonly PendingSpan[], serviceName: string): Uint8Array<ArrayBuffer> {
  const request = new ProtobufWriter();
  request.message(1, (resourceSpans) => {
    resourceSpans.message(1, (resource) => keyValue(resource, 1, 'service.name', serviceName));
    resourceSpans.message(2, (scopeSpans) => {
      scopeSpans.message(1, (scope) => scope.string(1, OTLP_SCOPE));
      for (const span of spans) {
        scopeSpans.message(2, (writer) => ('request' in span ? requestSpan(writer, span.request, span.link, span.endMs) : connectorSpan(writer, span.connector, span.link, span.endMs)));
      }
    });
  });
  return request.finish();
}

function requestSpan(span: ProtobufWriter, record: RequestRecord, link: TraceLink, endMs: number): void {
  const { traceId, spanId } = idsOf(link);
  spanHead(span, traceId, spanId, undefined, record.operationName ?? '(anonymous)', SPAN_KIND_SERVER, endMs - record.latencyMs, endMs);
  attributes(span, {
    'graphql.operation.name': record.operationName ?? undefined,
    'gateway.document.hash': record.documentHash ?? undefined,
    'gateway.cache.state': record.state,
    'gateway.response.bytes': record.bytes,
    'gateway.origin.calls': record.originCalls,
    'gateway.stale_on_failure': record.staleOnFailure,
    'gateway.error.codes': record.errorCodes.length ? record.errorCodes : undefined,
  });
  if (record.errorCodes.length) status(span, record.errorCodes.join(', '));
}

function connectorSpan(span: ProtobufWriter, record: ConnectorRecord, link: TraceLink | undefined, endMs: number): void {
  const parent = link && idsOf(link);
  spanHead(span, parent?.traceId ?? randomBytes(16), randomBytes(8), parent?.spanId, record.coordinate, SPAN_KIND_CLIENT, endMs - record.durationMs, endMs);
  const { status: origin } = record;
  attributes(span, {
    'gateway.connector.coordinate': record.coordinate,
    'gateway.field_cache.state': record.state,
    'gateway.field_cache.cached': record.cached,
    'gateway.batch.size': record.batchSize,
    'http.response.status_code': typeof origin === 'number' ? origin : undefined,
    // OpenTelemetry's convention: the status code for an HTTP error, `_OTHER` when there was none to give.
    'error.type': record.error ? (typeof origin === 'number' ? String(origin) : '_OTHER') : undefined,
  });
  if (record.error) status(span, typeof origin === 'number' ? `origin answered ${origin}` : 'origin call failed');
}

/** Span fields 1 to 8: ids, name, kind and times. */
function spanHead(span: ProtobufWriter, traceId: Uint8Array, spanId: Uint8Array, parentId: Uint8Array | undefined, name: string, kind: number, startMs: number, endMs: number): void {
  span.bytes(1, traceId).bytes(2, spanId);
  if (parentId) span.bytes(4, parentId);
  span.string(5, name).uint(6, kind).fixed64(7, unixNanos(startMs)).fixed64(8, unixNanos(endMs));
}

/** Span field 9; an undefined value is left out. */
function attributes(span: ProtobufWriter, values: Record<string, AttributeValue | undefined>): void {
  for (const key in values) {
    const value = values[key];
    if (value !== undefined) keyValue(span, 9, key, value);
  }
}

function keyValue(writer: ProtobufWriter, field: number, key: string, value: AttributeValue): void {
  writer.message(field, (keyValue) => keyValue.string(1, key).message(2, (any) => anyValue(any, value)));
}

/** `AnyValue`'s string (1), bool (2), int (3) or array (5) of them. */
function anyValue(any: ProtobufWriter, value: AttributeValue): void {
  if (typeof value === 'string') any.string(1, value);
  else if (typeof value === 'boolean') any.bool(2, value);
  else if (typeof value === 'number') any.uint(3, Math.max(0, Math.round(value)));
  else any.message(5, (array) => value.forEach((item) => array.message(1, (element) => anyValue(element, item))));
}

/** Span field 15: an ERROR status and its message. */
function status(span: ProtobufWriter, message: string): void {
  span.message(15, (status) => status.string(2, message).uint(3, STATUS_ERROR));
}

function idsOf(link: TraceLink): Required<TraceLink> {
  link.traceId ??= randomBytes(16);
  link.spanId ??= randomBytes(8);
  return link as Required<TraceLink>;
}

function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** Milliseconds since the epoch, kept to the microsecond, as nanoseconds. */
function unixNanos(ms: number): bigint {
  return BigInt(Math.round(ms * 1000)) * 1000n;
}

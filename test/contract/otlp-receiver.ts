import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';

/**
 * An OTLP/HTTP trace receiver on 127.0.0.1 for the tests: it decodes what it
 * is sent with OpenTelemetry's own definitions (opentelemetry-proto's
 * messages, as protobufjs compiled them for @opentelemetry/otlp-transformer,
 * a dev dependency pinned to a version that still ships them), so that an
 * export a real collector would refuse fails here too. No collector can be
 * installed on the machine (Debian has none), hence this one.
 */

/* The compiled definitions are CommonJS without types of their own worth importing: the few fields read are typed below. */
const { opentelemetry } = createRequire(import.meta.url)('@opentelemetry/otlp-transformer/build/src/generated/root.js');
const { ExportTraceServiceRequest, ExportTraceServiceResponse } = opentelemetry.proto.collector.trace.v1;

export interface ReceivedSpan {
  serviceName: string;
  scope: string;
  traceId: string;
  spanId: string;
  /** Empty for a root span. */
  parentSpanId: string;
  name: string;
  /** 2 SERVER, 3 CLIENT. */
  kind: number;
  startMs: number;
  endMs: number;
  attributes: Record<string, unknown>;
  /** 0 UNSET, 2 ERROR. */
  status: { code: number; message: string };
}

export interface ReceivedExport {
  path: string;
  headers: IncomingHttpHeaders;
  spans: ReceivedSpan[];
}

export interface OtlpReceiver {
  /** The base URL, for OTLP_ENDPOINT. */
  url: string;
  exports: ReceivedExport[];
  spans(): ReceivedSpan[];
  /** The next export is answered with this status (and not kept). */
  failNext(status: number): void;
  close(): Promise<void>;
}

interface AnyValue {
  stringValue?: string | null;
  boolValue?: boolean | null;
  intValue?: unknown;
  arrayValue?: { values: AnyValue[] } | null;
}
interface KeyValue {
  key: string;
  value: AnyValue;
}

export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const exports: ReceivedExport[] = [];
  let failing: number | undefined;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (failing !== undefined) {
        response.writeHead(failing).end();
        failing = undefined;
        return;
      }
      try {
        exports.push({ path: request.url ?? '', headers: request.headers, spans: decode(Buffer.concat(chunks)) });
        response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end(ExportTraceServiceResponse.encode({}).finish());
      } catch (error) {
        response.writeHead(400, { 'content-type': 'text/plain' }).end(String(error));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    exports,
    spans: () => exports.flatMap((received) => received.spans),
    failNext: (status) => void (failing = status),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function decode(body: Uint8Array): ReceivedSpan[] {
  const request = ExportTraceServiceRequest.decode(body);
  return request.resourceSpans.flatMap((resourceSpans: { resource: { attributes: KeyValue[] }; scopeSpans: { scope: { name: string }; spans: unknown[] }[] }) => {
    const serviceName = String(attributesOf(resourceSpans.resource.attributes)['service.name']);
    return resourceSpans.scopeSpans.flatMap(({ scope, spans }) => spans.map((span) => spanOf(span as DecodedSpan, serviceName, scope.name)));
  });
}

interface DecodedSpan {
  traceId: Uint8Array;
  spanId: Uint8Array;
  parentSpanId: Uint8Array;
  name: string;
  kind: number;
  startTimeUnixNano: unknown;
  endTimeUnixNano: unknown;
  attributes: KeyValue[];
  status: { code: number; message: string } | null;
}

function spanOf(span: DecodedSpan, serviceName: string, scope: string): ReceivedSpan {
  return {
    serviceName,
    scope,
    traceId: hex(span.traceId),
    spanId: hex(span.spanId),
    parentSpanId: hex(span.parentSpanId),
    name: span.name,
    kind: span.kind,
    startMs: nanosToMs(span.startTimeUnixNano),
    endMs: nanosToMs(span.endTimeUnixNano),
    attributes: attributesOf(span.attributes),
    status: { code: span.status?.code ?? 0, message: span.status?.message ?? '' },
  };
}

function attributesOf(keyValues: KeyValue[]): Record<string, unknown> {
  return Object.fromEntries(keyValues.map(({ key, value }) => [key, valueOf(value)]));
}

function valueOf(value: AnyValue): unknown {
  if (value.arrayValue) return value.arrayValue.values.map(valueOf);
  if (value.stringValue != null) return value.stringValue;
  if (value.boolValue != null) return value.boolValue;
  return Number(String(value.intValue));
}

const hex = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('hex');

/** A fixed64 as protobufjs gives it (a number, or a Long where `long` is installed), to milliseconds. */
const nanosToMs = (nanos: unknown) => Number(BigInt(String(nanos)) / 1000n) / 1000;

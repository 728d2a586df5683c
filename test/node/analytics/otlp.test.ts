import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { OTLP_MAX_SPANS, createOtlpExporter, type OtlpExporter } from '../../../src/analytics/otlp.ts';
import { OTLP_SCOPE } from '../../../src/analytics/otlp-spans.ts';
import type { ConnectorRecord, RequestRecord } from '../../../src/analytics/records.ts';
import { createTrace, NOTHING_RAN } from '../../../src/shared/trace.ts';
import { startOtlpReceiver, type OtlpReceiver } from '../../contract/otlp-receiver.ts';

/**
 * The OTLP exporter against a real HTTP receiver that decodes with
 * OpenTelemetry's own protobuf definitions: ids and parents, names, kinds,
 * attributes, status and timing of what it sends; its bound and its failures.
 */

const request = (overrides: Partial<RequestRecord> = {}): RequestRecord => ({
  operationName: 'Products',
  documentHash: 'abc123',
  state: 'MISS',
  latencyMs: 40,
  bytes: 512,
  errorCodes: [],
  originCalls: 2,
  staleOnFailure: false,
  ...overrides,
});

const connector = (overrides: Partial<ConnectorRecord> = {}): ConnectorRecord => ({
  coordinate: 'Query.products',
  state: 'miss',
  status: 200,
  durationMs: 12,
  batchSize: 1,
  cached: true,
  error: false,
  ...overrides,
});

describe('the OTLP exporter', () => {
  let receiver: OtlpReceiver;
  let exporter: OtlpExporter;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });
  afterAll(() => receiver.close());
  beforeEach(() => {
    receiver.exports.length = 0;
    exporter = createOtlpExporter({ endpoint: receiver.url, headers: { authorization: 'Bearer otlp-key' }, serviceName: 'shop-gateway' });
    vi.useRealTimers();
  });

  it('sends a request as a SERVER span named by its operation, its connector calls as CLIENT children, in one POST to /v1/traces', async () => {
    const trace = createTrace();
    vi.useFakeTimers({ now: 1_700_000_000_000, toFake: ['Date'] });
    exporter.connector(connector({ trace }));
    vi.setSystemTime(1_700_000_000_005);
    exporter.connector(connector({ coordinate: 'Product', state: 'coalesced', status: undefined, durationMs: 3, batchSize: 7, trace }));
    vi.setSystemTime(1_700_000_000_010);
    exporter.request(request({ trace }));
    vi.useRealTimers();
    await exporter.flush();

    expect(receiver.exports).toHaveLength(1);
    const [sent] = receiver.exports;
    expect(sent!.path).toBe('/v1/traces');
    expect(sent!.headers['content-type']).toBe('application/x-protobuf');
    expect(sent!.headers.authorization).toBe('Bearer otlp-key');
    const [products, product, operation] = sent!.spans;
    expect(operation).toMatchObject({
      serviceName: 'shop-gateway',
      scope: OTLP_SCOPE,
      name: 'Products',
      kind: 2,
      parentSpanId: '',
      startMs: 1_700_000_000_010 - 40,
      endMs: 1_700_000_000_010,
      status: { code: 0, message: '' },
      attributes: {
        'graphql.operation.name': 'Products',
        'gateway.document.hash': 'abc123',
        'gateway.cache.state': 'MISS',
        'gateway.response.bytes': 512,
        'gateway.origin.calls': 2,
        'gateway.stale_on_failure': false,
      },
    });
    expect(operation!.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(operation!.spanId).toMatch(/^[0-9a-f]{16}$/);
    for (const child of [products, product]) {
      expect(child).toMatchObject({ traceId: operation!.traceId, parentSpanId: operation!.spanId, kind: 3 });
      expect(child!.spanId).not.toBe(operation!.spanId);
    }
    expect(products).toMatchObject({
      name: 'Query.products',
      startMs: 1_700_000_000_000 - 12,
      endMs: 1_700_000_000_000,
      attributes: { 'gateway.field_cache.state': 'miss', 'gateway.field_cache.cached': true, 'gateway.batch.size': 1, 'http.response.status_code': 200 },
    });
    expect(product).toMatchObject({ name: 'Product', startMs: 1_700_000_000_002, endMs: 1_700_000_000_005, attributes: { 'gateway.field_cache.state': 'coalesced', 'gateway.batch.size': 7 } });
    expect(product!.attributes).not.toHaveProperty('http.response.status_code');
  });

  it('marks errors: a request with error codes, a connector call that failed', async () => {
    exporter.request(request({ operationName: null, documentHash: null, state: 'REFUSED', errorCodes: ['RATE_LIMITED', 'ORIGIN_BUSY'] }));
    exporter.connector(connector({ status: 503, error: true }));
    exporter.connector(connector({ status: 'error', error: true }));
    await exporter.flush();

    const [refused, unavailable, failed] = receiver.spans();
    expect(refused).toMatchObject({ name: '(anonymous)', status: { code: 2, message: 'RATE_LIMITED, ORIGIN_BUSY' }, attributes: { 'gateway.error.codes': ['RATE_LIMITED', 'ORIGIN_BUSY'], 'gateway.cache.state': 'REFUSED' } });
    expect(refused!.attributes).not.toHaveProperty('graphql.operation.name');
    expect(unavailable).toMatchObject({ status: { code: 2 }, attributes: { 'http.response.status_code': 503, 'error.type': '503' } });
    expect(failed).toMatchObject({ status: { code: 2 }, attributes: { 'error.type': '_OTHER' } });
  });

  it('gives requests that share no trace (answers that ran nothing) trace ids of their own', async () => {
    exporter.request(request({ state: 'HIT', trace: NOTHING_RAN }));
    exporter.request(request({ state: 'HIT', trace: NOTHING_RAN }));
    exporter.request(request({ state: 'HIT' }));
    exporter.connector(connector());
    await exporter.flush();

    const spans = receiver.spans();
    expect(new Set(spans.map((span) => span.traceId)).size).toBe(4);
    expect(spans.every((span) => span.parentSpanId === '')).toBe(true);
  });

  it(`keeps at most ${OTLP_MAX_SPANS} spans per flush, dropping and counting the rest`, async () => {
    for (let i = 0; i < OTLP_MAX_SPANS + 5; i++) exporter.request(request());
    expect(exporter.dropped).toBe(5);
    await exporter.flush();
    expect(receiver.spans()).toHaveLength(OTLP_MAX_SPANS);

    exporter.request(request());
    await exporter.flush();
    expect(receiver.exports.map((sent) => sent.spans.length)).toEqual([OTLP_MAX_SPANS, 1]);
    expect(exporter.dropped).toBe(5);
  });

  it('counts the spans of a POST the collector refused as dropped, and does not send them again', async () => {
    receiver.failNext(503);
    exporter.request(request());
    exporter.request(request());
    await expect(exporter.flush()).resolves.toBeUndefined();
    expect(exporter.dropped).toBe(2);

    exporter.request(request({ operationName: 'Later' }));
    await exporter.flush();
    expect(receiver.spans().map((span) => span.name)).toEqual(['Later']);
  });

  it('survives a collector that is not there', async () => {
    const absent = createOtlpExporter({ endpoint: 'http://127.0.0.1:1', headers: {}, serviceName: 'x' });
    absent.request(request());
    await expect(absent.flush()).resolves.toBeUndefined();
    expect(absent.dropped).toBe(1);
  });

  it('posts nothing when nothing was recorded', async () => {
    await exporter.flush();
    expect(receiver.exports).toEqual([]);
  });
});

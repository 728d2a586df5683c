import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrigin } from '../../simulator/server.ts';
import { stop } from '../../scripts/dev-processes.ts';
import { gatewayAt, type Gateway } from './gateway.ts';
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './otlp-receiver.ts';
import { serve, type Served } from './serve.ts';
import { CONTRACT_PURGE_TOKEN } from './setup.ts';

/**
 * OTLP spans arriving at a receiver from what ships: `npm run serve` (the
 * production bundle on workerd, reusing the build the suite's setup made)
 * with OTLP_ENDPOINT pointing at a real HTTP receiver that decodes with
 * OpenTelemetry's own definitions (otlp-receiver.ts; no collector can be
 * installed here). The spans come after the responses, at the flush.
 */

const FLUSH_MS = 200;
const SHELF = 'query Shelf { products(first: 2) { nodes { id inventory { available } } } }';

describe('OTLP spans from the production build', () => {
  let receiver: OtlpReceiver;
  let origin: Awaited<ReturnType<typeof startOrigin>>;
  let served: Served | undefined;
  let target: Gateway;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    origin = await startOrigin({ port: 0, latencyMs: 5 });
    const vars = [`PURGE_TOKEN:${CONTRACT_PURGE_TOKEN}`, `OTLP_ENDPOINT:${receiver.url}`, 'OTLP_HEADERS:x-otlp-key=contract%20key', 'OTLP_SERVICE_NAME:contract-gateway', `ANALYTICS_FLUSH_MS:${FLUSH_MS}`];
    served = await serve(['--port', '0', '--env', 'production', '--no-build', '--origin-url', origin.url, ...vars.flatMap((pair) => ['--var', pair])]);
    target = gatewayAt(served.urls[0]!, origin.url);
  });

  afterAll(async () => {
    await Promise.all([served && stop(served.child), origin?.close(), receiver?.close()]);
  });

  /** Waits for spans named `name` until `count` have arrived. */
  async function spansNamed(name: string, count: number): Promise<ReceivedSpan[]> {
    await expect.poll(() => receiver.spans().filter((span) => span.name === name).length, { timeout: 10_000, interval: 50 }).toBeGreaterThanOrEqual(count);
    return receiver.spans().filter((span) => span.name === name);
  }

  it('a miss: the operation as a SERVER span, its connector calls as CLIENT children in its trace', async () => {
    const before = Date.now();
    const miss = await target.query(SHELF);
    expect(miss.status, miss.text).toBe(200);
    expect(miss.headers.get('x-cache')).toBe('MISS');
    const after = Date.now();

    const [operation] = await spansNamed('Shelf', 1);
    expect(receiver.exports[0]).toMatchObject({ path: '/v1/traces', headers: { 'content-type': 'application/x-protobuf', 'x-otlp-key': 'contract key' } });
    expect(operation).toMatchObject({ serviceName: 'contract-gateway', kind: 2, parentSpanId: '', attributes: { 'graphql.operation.name': 'Shelf', 'gateway.cache.state': 'MISS', 'gateway.origin.calls': 2 } });
    expect(operation!.startMs).toBeGreaterThanOrEqual(before);
    expect(operation!.endMs).toBeLessThanOrEqual(after);
    expect(operation!.startMs).toBeLessThanOrEqual(operation!.endMs);

    const children = receiver.spans().filter((span) => span.parentSpanId === operation!.spanId);
    expect(children.map((span) => span.name).sort()).toEqual(['Inventory', 'Query.products']);
    for (const child of children) {
      expect(child).toMatchObject({ traceId: operation!.traceId, kind: 3, attributes: { 'http.response.status_code': 200, 'gateway.field_cache.state': 'miss' } });
      expect(child.startMs).toBeGreaterThanOrEqual(operation!.startMs);
      expect(child.endMs).toBeLessThanOrEqual(operation!.endMs);
    }
    expect(children.find((span) => span.name === 'Inventory')!.attributes['gateway.batch.size']).toBe(2);
  });

  it('a hit: a span of its own trace, with no connector calls', async () => {
    const hit = await target.query(SHELF);
    expect(hit.headers.get('x-cache')).toBe('HIT');
    const spans = await spansNamed('Shelf', 2);
    const last = spans.at(-1)!;
    expect(last.attributes['gateway.cache.state']).toBe('HIT');
    expect(last.traceId).not.toBe(spans[0]!.traceId);
    expect(receiver.spans().filter((span) => span.parentSpanId === last.spanId)).toEqual([]);
  });
});

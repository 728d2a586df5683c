import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrigin } from '../../simulator/server.ts';
import { stop } from '../../scripts/dev-processes.ts';
import { promtoolCheck, skipPromtool } from '../node/analytics/promtool.ts';
import { gatewayAt, type Gateway } from './gateway.ts';
import { serve, type Served } from './serve.ts';

/**
 * `GET /admin/metrics` on what ships: the production bundle (built by the
 * suite's setup) as two isolates, each flushing to one of two analytics
 * shards, over an origin of its own so that the totals hold this test's
 * traffic alone. What the scraper reads must be every request sent, merged
 * over both isolates, and every call the origin saw.
 */

const DASHBOARD_TOKEN = 'contract-metrics-token';
const FLUSH_MS = 100;
const ISOLATES = 2;

/** The sum of every sample of `metric` (any labels) in the text. */
function total(text: string, metric: string): number {
  const samples = text.split('\n').filter((line) => line.startsWith(`${metric}{`) || line.startsWith(`${metric} `));
  return samples.reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

describe('GET /admin/metrics against the production build', () => {
  let origin: Awaited<ReturnType<typeof startOrigin>>;
  let served: Served;
  let gateways: Gateway[];

  beforeAll(async () => {
    origin = await startOrigin({ port: 0, latencyMs: 5 });
    const vars = [`DASHBOARD_TOKEN:${DASHBOARD_TOKEN}`, `ANALYTICS_FLUSH_MS:${FLUSH_MS}`, `ANALYTICS_SHARDS:${ISOLATES}`];
    served = await serve(['--port', '0', '--env', 'production', '--origin-url', origin.url, '--no-build', ...vars.flatMap((pair) => ['--var', pair])], ISOLATES);
    gateways = served.urls.map((url) => gatewayAt(url, origin.url));
  }, 120_000);

  afterAll(async () => {
    if (served) await stop(served.child);
    await origin?.close();
  });

  const scrape = async () => {
    const answered = await gateways[0]!.send('/admin/metrics', { headers: { authorization: `Bearer ${DASHBOARD_TOKEN}` } });
    expect(answered.status).toBe(200);
    return answered.text;
  };

  it('counts every request sent, over both isolates, and exactly the origin calls the origin saw', async () => {
    const sent: Promise<unknown>[] = [];
    // Both isolates asking for the same keys, a burst of one cold key (one origin call for all), and invalid queries.
    for (let id = 1; id <= 10; id++) for (const gateway of gateways) sent.push(gateway.query(`query Product { product(id: "${id}") { id name } }`));
    for (let i = 0; i < 10; i++) sent.push(gateways[i % ISOLATES]!.query('query Burst { product(id: "20") { id name } }'));
    for (let i = 0; i < 4; i++) sent.push(gateways[i % ISOLATES]!.query('{ product(id: "1") { noSuchField } }'));
    const sentCount = (await Promise.all(sent)).length;

    // Every isolate flushes FLUSH_MS after its first request since its last flush.
    let text = '';
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, FLUSH_MS))) {
      text = await scrape();
      if (total(text, 'gateway_requests_total') >= sentCount) break;
    }
    expect(total(text, 'gateway_requests_total')).toBe(sentCount);
    expect(total(text, 'gateway_request_duration_seconds_count')).toBe(sentCount);
    expect(total(text, 'gateway_operation_requests_total')).toBe(sentCount);
    const originCalls = (await gateways[0]!.origin.stats()).total;
    // At least one per product asked for: 0 = 0 would prove nothing.
    expect(originCalls).toBeGreaterThanOrEqual(11);
    expect(total(text, 'gateway_origin_calls_total')).toBe(originCalls);
    expect(total(text, 'gateway_analytics_dropped_flushes_total')).toBe(0);
  });

  it.skipIf(skipPromtool)('serves text promtool check metrics passes', async () => {
    expect(promtoolCheck(await scrape())).toEqual({ status: 0, stdout: '', stderr: '' });
  });
});

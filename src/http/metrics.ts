/** `GET /admin/metrics`: the analytics' totals over every shard, in Prometheus' text format, for a scraper. */
import type { Analytics } from '../analytics/analytics.ts';
import { PROMETHEUS_CONTENT_TYPE, prometheusText } from '../analytics/prometheus.ts';
import { json } from '../shared/json-response.ts';
import { logFailure } from '../shared/log-event.ts';

export const METRICS_PATH = '/admin/metrics';

export async function serveMetrics(request: Request, analytics: Analytics): Promise<Response> {
  if (request.method !== 'GET') return json(405, { error: 'Use GET.' }, { allow: 'GET' });
  try {
    return new Response(prometheusText(await analytics.totals()), { headers: { 'content-type': PROMETHEUS_CONTENT_TYPE, 'cache-control': 'no-store' } });
  } catch (error) {
    // A scrape that fails is a gap Prometheus shows, not a reason to stop answering.
    logFailure('metrics-read-failed', error);
    return json(503, { error: 'The analytics could not be read; the next scrape tries again.' });
  }
}

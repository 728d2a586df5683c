import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { PURGE_TOKEN, fetchWorker, resetAll } from '../helpers.ts';
import { postJson } from '../../support/answers.ts';

const DASHBOARD_TOKEN = 'test-metrics-dashboard-token';
// One env object each: the Worker builds one isolate state per env. Flushes are quick, so that a request shows in the totals within a test.
const withDashboard: Env = { ...env, DASHBOARD_TOKEN, ANALYTICS_FLUSH_MS: '20' } as Env;
const withNoToken: Env = { ...env, PURGE_TOKEN: undefined } as unknown as Env;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const metrics = (target: Env, headers: Record<string, string> = {}, method = 'GET') => fetchWorker(target, '/admin/metrics', { method, headers });

/** The value of the sample `line` names (its metric and labels, as written), 0 when absent. */
const sample = (text: string, series: string) => Number(text.split('\n').find((line) => line.startsWith(`${series} `))?.slice(series.length + 1) ?? 0);

describe('GET /admin/metrics', () => {
  beforeEach(() => resetAll());

  it('answers either token as a bearer, in the Prometheus text format, never cached', async () => {
    for (const token of [PURGE_TOKEN, DASHBOARD_TOKEN]) {
      const response = await metrics(withDashboard, bearer(token));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.text()).toMatch(/^# HELP gateway_requests_total .*\n# TYPE gateway_requests_total counter\ngateway_requests_total\{cache="HIT"\} \d+\n/);
    }
  });

  it('answers the dashboard session cookie', async () => {
    const login = await fetchWorker(withDashboard, '/admin/dashboard/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${DASHBOARD_TOKEN}`,
      redirect: 'manual',
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    expect((await metrics(withDashboard, { cookie })).status).toBe(200);
  });

  it('refuses no token or a wrong one (401), and any method but GET (405)', async () => {
    for (const headers of [{}, bearer('not-a-token'), bearer(`${DASHBOARD_TOKEN}x`), { authorization: DASHBOARD_TOKEN }]) {
      const response = await metrics(withDashboard, headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    }
    expect((await metrics(withDashboard, bearer(DASHBOARD_TOKEN), 'POST')).status).toBe(405);
  });

  it('gives the read-only token no right to purge or to the isolate stats', async () => {
    const purge = await fetchWorker(withDashboard, '/admin/purge', postJson({ all: true }, bearer(DASHBOARD_TOKEN)));
    expect(purge.status).toBe(401);
    expect((await fetchWorker(withDashboard, '/admin/stats', { headers: bearer(DASHBOARD_TOKEN) })).status).toBe(401);
  });

  it('is off (404) with neither PURGE_TOKEN nor DASHBOARD_TOKEN set', async () => {
    expect((await metrics(withNoToken, bearer(PURGE_TOKEN))).status).toBe(404);
  });

  it('counts the requests once their isolate has flushed', async () => {
    const read = async () => (await metrics(withDashboard, bearer(DASHBOARD_TOKEN))).text();
    const before = await read();
    const query = postJson({ query: '{ product(id: "5") { id name } }' });
    // fetchWorker waits for each request's background work, its flush included.
    for (let i = 0; i < 4; i++) await fetchWorker(withDashboard, '/graphql', query);
    const after = await read();
    const rise = (series: string) => sample(after, series) - sample(before, series);
    expect(rise('gateway_requests_total{cache="MISS"}')).toBe(1);
    expect(rise('gateway_requests_total{cache="HIT"}')).toBe(3);
    expect(rise('gateway_request_duration_seconds_count')).toBe(4);
    expect(rise('gateway_origin_calls_total')).toBe(1);
  });
});

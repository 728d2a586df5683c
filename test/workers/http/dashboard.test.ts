import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import worker from '../../../src/index.ts';
import { DASHBOARD_COOKIE, sessionValue, withoutDashboardCookie } from '../../../src/http/dashboard-cookie.ts';
import type { WindowRead } from '../../../src/analytics/analytics.ts';
import { PURGE_TOKEN, fetchWorker, gql, resetAll } from '../helpers.ts';

const DASHBOARD_TOKEN = 'test-dashboard-token';
// One env object each: the Worker builds one isolate state per env.
const withDashboard: Env = { ...env, DASHBOARD_TOKEN };
const withOtherToken: Env = { ...env, DASHBOARD_TOKEN: 'another-dashboard-token' };

const login = (token: string, target = withDashboard) =>
  fetchWorker(target, '/admin/dashboard/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token }).toString(), redirect: 'manual' });

/** The `name=value` a browser sends back for the Set-Cookie of a successful login. */
async function signIn(target = withDashboard): Promise<string> {
  const response = await login(target === withDashboard ? DASHBOARD_TOKEN : 'another-dashboard-token', target);
  expect(response.status).toBe(303);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

const get = (path: string, cookie?: string, target = withDashboard) => fetchWorker(target, path, { headers: cookie ? { cookie } : {} });

describe('the dashboard', () => {
  beforeEach(() => resetAll());

  it('is off without DASHBOARD_TOKEN: every route answers 404, login too', async () => {
    for (const path of ['/admin/dashboard', '/admin/dashboard/data', '/admin/dashboard/static/page.js']) expect((await get(path, undefined, env)).status).toBe(404);
    expect((await login(DASHBOARD_TOKEN, env)).status).toBe(404);
  });

  it('shows the login form to a browser without a session, and refuses the data', async () => {
    const page = await get('/admin/dashboard');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'self'/);
    expect(await page.text()).toMatch(/<form method="post" action="\/admin\/dashboard\/login">/);
    expect((await get('/admin/dashboard/data')).status).toBe(401);
  });

  const wrongTokens: [string, string][] = [
    ['a wrong token', 'not-the-token'],
    ['an empty token', ''],
    ['a prefix of the token', DASHBOARD_TOKEN.slice(0, -1)],
    ['PURGE_TOKEN', PURGE_TOKEN],
  ];
  for (const [what, token] of wrongTokens) {
    it(`refuses ${what} at login: 401, the form again with why, no cookie`, async () => {
      const response = await login(token);
      expect(response.status).toBe(401);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(await response.text()).toContain('That is not the dashboard token.');
    });
  }

  it('signs in with the token: 303 to the page, a session cookie for /admin only that is not the token', async () => {
    const response = await login(DASHBOARD_TOKEN);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/admin/dashboard');
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toBe(`${DASHBOARD_COOKIE}=${await sessionValue(DASHBOARD_TOKEN)}; Path=/admin; Max-Age=604800; HttpOnly; SameSite=Strict`);
    expect(cookie).not.toContain(DASHBOARD_TOKEN);
  });

  it('marks the cookie Secure when signing in over https', async () => {
    const ctx = createExecutionContext();
    const request = new Request('https://gateway.test/admin/dashboard/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${DASHBOARD_TOKEN}`,
    }) as Request<unknown, IncomingRequestCfProperties>;
    const response = await worker.fetch(request, withDashboard, ctx);
    await waitOnExecutionContext(ctx);
    expect(response.headers.get('set-cookie')).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
  });

  it('takes only a form POST at login', async () => {
    expect((await get('/admin/dashboard/login')).status).toBe(405);
    const json = await fetchWorker(withDashboard, '/admin/dashboard/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: DASHBOARD_TOKEN }) });
    expect(json.status).toBe(415);
    const huge = await fetchWorker(withDashboard, '/admin/dashboard/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${'x'.repeat(5000)}` });
    expect(huge.status).toBe(413);
  });

  it('with the session: the page, and the range read as JSON', async () => {
    const cookie = await signIn();
    const page = await get('/admin/dashboard', cookie);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-testid="hit-ratio"');
    const data = await get('/admin/dashboard/data?range=1h', cookie);
    expect(data.status).toBe(200);
    const read = (await data.json()) as WindowRead;
    expect(read.range).toBe('1h');
    expect(read.resolutionMs).toBe(60_000);
    expect(read.summary.requests).toMatchObject({ HIT: expect.any(Number), MISS: expect.any(Number) });
    expect((await get('/admin/dashboard/data?range=2y', cookie)).status).toBe(400);
  });

  it("serves the page's script, styles and uPlot from its own assets, with no session", async () => {
    for (const file of ['page.js', 'page.css', 'uPlot.iife.min.js', 'uPlot.min.css']) {
      const response = await get(`/admin/dashboard/static/${file}`);
      expect(response.status, file).toBe(200);
      await response.arrayBuffer();
    }
    expect((await get('/admin/dashboard/static/index.html')).status).toBe(404);
    expect((await get('/admin/dashboard/static/..%2Fgraphiql.html')).status).toBe(404);
  });

  it('refuses a cookie made under another token, and one that is the token itself', async () => {
    const other = await signIn(withOtherToken);
    expect((await get('/admin/dashboard/data', other)).status).toBe(401);
    expect((await get('/admin/dashboard/data', `${DASHBOARD_COOKIE}=${DASHBOARD_TOKEN}`)).status).toBe(401);
  });

  it('the session never purges and never reads /admin/stats: those want PURGE_TOKEN', async () => {
    const cookie = await signIn();
    const purge = await fetchWorker(withDashboard, '/admin/purge', { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ all: true }) });
    expect(purge.status).toBe(401);
    expect((await get('/admin/stats', cookie)).status).toBe(401);
  });

  it('a GraphQL request carrying the session cookie is keyed and answered as if it had none', async () => {
    const cookie = await signIn();
    // `me` forwards Authorization: its answer is private, keyed by every identity header, the cookie one of them.
    const first = await gql<{ me: { id: string } }>('{ me { id } }', { token: 'token-u1' });
    const withSession = await gql<{ me: { id: string } }>('{ me { id } }', { token: 'token-u1', headers: { cookie } });
    expect([first.headers.get('x-cache'), withSession.headers.get('x-cache')]).toEqual(['MISS', 'HIT']);
    expect(withSession.body.data?.me.id).toBe('u1');
  });
});

describe('withoutDashboardCookie', () => {
  it('takes out that one cookie and keeps the rest, or drops the header when nothing is left', () => {
    const strip = (cookie: string) => withoutDashboardCookie(new Headers({ cookie, 'x-other': '1' }));
    expect(strip(`session=a; ${DASHBOARD_COOKIE}=v; theme=dark`).get('cookie')).toBe('session=a; theme=dark');
    expect(strip(`${DASHBOARD_COOKIE}=v`).has('cookie')).toBe(false);
    expect(strip(`${DASHBOARD_COOKIE}=v`).get('x-other')).toBe('1');
    expect(strip(`not_${DASHBOARD_COOKIE}=v`).get('cookie')).toBe(`not_${DASHBOARD_COOKIE}=v`);
  });

  it('gives back the same headers when there is nothing to take out', () => {
    const headers = new Headers({ cookie: 'session=a' });
    expect(withoutDashboardCookie(headers)).toBe(headers);
    const none = new Headers();
    expect(withoutDashboardCookie(none)).toBe(none);
  });
});

import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrigin } from '../../simulator/server.ts';
import { stop } from '../../scripts/dev-processes.ts';
import { DASHBOARD_COOKIE } from '../../src/http/dashboard-cookie.ts';
import { postJson } from '../support/answers.ts';
import { originAdmin } from '../support/simulator-admin.ts';
import { browserCandidates, findBrowser, launchBrowser } from '../node/browser/browser.ts';
import { gatewayAt, type Gateway } from './gateway.ts';
import { serve, type Served } from './serve.ts';

/**
 * The dashboard in a real browser, on what ships: the production bundle
 * (`npm run serve`, built by the suite's setup) with a dashboard token and a
 * short flush, over its own origin, so that its analytics hold this test's
 * traffic alone. Known traffic goes in; the figures are read from the page,
 * as an operator sees them, after signing in through the form.
 */

const DASHBOARD_TOKEN = 'contract-dashboard-token';
const FLUSH_MS = 200;
const SCREENSHOT = 'test-results/dashboard.png';

const browserPath = findBrowser(process.env.CHROMIUM_PATH, browserCandidates());
// In CI a missing browser is a failure: a skipped check there would pass unnoticed.
const skip = !browserPath && process.env.CI !== 'true';
if (skip) process.stderr.write('Dashboard browser test skipped: no Chromium or Chrome found; install chromium, or set CHROMIUM_PATH to one.\n');

const PRODUCT = 'query DashboardProduct { product(id: "1") { id name } }';
const PRODUCTS = 'query DashboardProducts { products(first: 3) { nodes { id } } }';

describe.skipIf(skip)('the dashboard in a real browser, against the production build', () => {
  let origin: Awaited<ReturnType<typeof startOrigin>>;
  let served: Served;
  let gateway: Gateway;
  let browser: Browser;

  beforeAll(async () => {
    origin = await startOrigin({ port: 0, latencyMs: 0 });
    const vars = [`DASHBOARD_TOKEN:${DASHBOARD_TOKEN}`, 'PURGE_TOKEN:contract-dashboard-purge', `ANALYTICS_FLUSH_MS:${FLUSH_MS}`, 'ANALYTICS_SHARDS:2'];
    served = await serve(['--port', '0', '--env', 'production', '--origin-url', origin.url, '--no-build', ...vars.flatMap((pair) => ['--var', pair])]);
    gateway = gatewayAt(served.urls[0]!, origin.url);
    browser = await launchBrowser(browserPath);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (served) await stop(served.child);
    await origin?.close();
  });

  /** Signs in through the login form, as an operator does. */
  async function signIn(page: Page): Promise<void> {
    await page.goto(`${gateway.url}/admin/dashboard`);
    await page.fill('input[name="token"]', DASHBOARD_TOKEN);
    await Promise.all([page.waitForURL(`${gateway.url}/admin/dashboard`), page.click('button[type="submit"]')]);
  }

  const figure = async (page: Page, testid: string) => (await page.getByTestId(testid).innerText()).trim();
  const rows = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"] tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent ?? '')));

  it('shows the requests sent, by cache state, with the origin calls they cost, read from the page', async () => {
    const sent = { product: 5, products: 3 };
    for (let i = 0; i < sent.product; i++) expect((await gateway.query(PRODUCT)).status).toBe(200);
    for (let i = 0; i < sent.products; i++) expect((await gateway.query(PRODUCTS)).status).toBe(200);
    // A request the http stage refuses before the cache sees it counts as REFUSED.
    expect((await gateway.send('/graphql', { ...postJson({ query: PRODUCT }), method: 'PUT' })).status).toBe(405);
    const originCalls = (await originAdmin(origin.url).stats()).total;

    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const offHost: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).host !== new URL(gateway.url).host) offHost.push(request.url());
    });
    await signIn(page);

    // The page reads the data again every 10 s; the last flush lands within FLUSH_MS of the last request.
    await expect.poll(() => figure(page, 'requests'), { timeout: 25_000, interval: 500 }).toBe('9');
    expect(await figure(page, 'requests-HIT')).toBe('6');
    expect(await figure(page, 'requests-MISS')).toBe('2');
    expect(await figure(page, 'requests-STALE')).toBe('0');
    expect(await figure(page, 'requests-REFUSED')).toBe('1');
    expect(await figure(page, 'hit-ratio')).toBe('75.0%');
    expect(await figure(page, 'origin-calls')).toBe(String(originCalls));
    expect(await figure(page, 'latency-p50')).toMatch(/ ms$/);
    const byCount = await rows(page, 'operations-by-count');
    expect(byCount.map((cells) => [cells[0]?.split(' ')[0], cells[1]])).toEqual([
      ['DashboardProduct', '5'],
      ['DashboardProducts', '3'],
      // The refused request: it was never read, so it has no name.
      ['(anonymous)', '1'],
    ]);
    expect((await rows(page, 'connectors')).map((cells) => cells[0])).toContain('Query.products');

    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(offHost).toEqual([]);
    await page.close();
  });

  it('keeps the session cookie to /admin, HttpOnly and SameSite=Strict; it reads /admin/metrics but never purges', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page);
    const [cookie] = (await context.cookies()).filter((each) => each.name === DASHBOARD_COOKIE);
    expect(cookie).toMatchObject({ path: '/admin', httpOnly: true, sameSite: 'Strict', secure: false });
    expect(cookie?.value).not.toContain(DASHBOARD_TOKEN);

    const sendWithSession = (path: string, init: RequestInit = {}) => gateway.send(path, { ...init, headers: { ...init.headers, cookie: `${DASHBOARD_COOKIE}=${cookie!.value}` } });
    expect((await sendWithSession('/admin/metrics')).status).toBe(200);
    expect((await sendWithSession('/admin/purge', postJson({ all: true }))).status).toBe(401);
    expect((await sendWithSession('/admin/stats')).status).toBe(401);
    await context.close();
  });
});

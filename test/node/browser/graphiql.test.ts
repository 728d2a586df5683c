import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrigin } from '../../../simulator/server.ts';
import { freePort, startWranglerDev, stop, waitForOk } from '../../../scripts/dev-processes.ts';
import { originAdmin } from '../../support/simulator-admin.ts';
import { browserCandidates, findBrowser, launchBrowser } from './browser.ts';

const browserPath = findBrowser(process.env.CHROMIUM_PATH, browserCandidates());
// In CI a missing browser is a failure: a skipped check there would pass unnoticed.
const skip = !browserPath && process.env.CI !== 'true';
// Not console: the root config shows console output only for failing tests.
if (skip) process.stderr.write('GraphiQL browser test skipped: no Chromium or Chrome found; install chromium, or set CHROMIUM_PATH to one, to run it.\n');

describe.skipIf(skip)('GraphiQL in a real browser, served by wrangler dev with no internet', () => {
  let origin: Awaited<ReturnType<typeof startOrigin>>;
  let gateway: ChildProcess;
  let browser: Browser;
  let persistTo: string;
  let gatewayUrl: string;

  beforeAll(async () => {
    origin = await startOrigin({ port: 0, latencyMs: 0 });
    persistTo = await mkdtemp(join(tmpdir(), 'gateway-browser-'));
    const port = await freePort();
    gatewayUrl = `http://127.0.0.1:${port}`;
    gateway = startWranglerDev({ port, originUrl: origin.url, persistTo, stdio: 'pipe' });
    await waitForOk(`${gatewayUrl}/healthz`, 90_000);
    browser = await launchBrowser(browserPath);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (gateway) await stop(gateway);
    await origin?.close();
    if (persistTo) await rm(persistTo, { recursive: true, force: true });
  });

  it('opens on the example query, runs it and shows the result', async () => {
    const page = await browser.newPage();
    const offHost: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith('http') && url.host !== new URL(gatewayUrl).host) offHost.push(request.url());
    });

    await page.goto(`${gatewayUrl}/graphql`);
    const run = page.locator('.graphiql-execute-button');
    await run.waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => /query\s+Products/.test(document.body.innerText), undefined, { timeout: 30_000 });
    await run.click();
    await page.waitForFunction(() => /"totalCount":\s*1000/.test(document.body.innerText), undefined, { timeout: 30_000 });

    expect(offHost).toEqual([]);
    const stats = await originAdmin(origin.url).stats();
    expect(stats.routes['GET /api/products']).toBeGreaterThanOrEqual(1);
    await page.close();
  });
});

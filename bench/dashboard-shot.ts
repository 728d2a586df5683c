/**
 * `npm run bench:shot`: the dashboard showing a spike and an origin outage
 * as they happened, at 10-second resolution. Starts the fragile origin
 * simulator and one gateway (the production bundle on workerd, dashboard on,
 * 1 s flush), drives the spike's key mix through four steps (steady, spike,
 * steady with the origin down, recovery: 140 s), waits for the last flush, and saves
 * a full-page screenshot of /admin/dashboard?range=15m, taken in Chromium,
 * to docs/reference/dashboard.png and bench/results/dashboard.png.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { buildBundle } from '../scripts/build-bundle.ts';
import { ROOT } from '../scripts/project-root.ts';
import { browserCandidates, findBrowser, launchBrowser } from '../test/node/browser/browser.ts';
import { baseOf, DASHBOARD_VARS, settledCounts, signIn } from './dashboard.ts';
import { phased } from './load/index.ts';
import { FRAGILE_ORIGIN, HEADERS, MIX } from './scenarios.ts';
import { startOrigin, startSystem } from './systems.ts';

interface Step {
  name: string;
  rate: number;
  durationS: number;
  connections: number;
  originDown?: boolean;
}

/** The outage's rate is well above the steady one's, so that its stale answers stand out on the spike's scale. */
const STEPS: Step[] = [
  { name: 'steady', rate: 50, durationS: 60, connections: 10 },
  { name: 'spike', rate: 3000, durationS: 20, connections: 200 },
  { name: 'outage', rate: 500, durationS: 30, connections: 50, originDown: true },
  { name: 'recovery', rate: 50, durationS: 30, connections: 10 },
];
const SHOT = `${ROOT}docs/reference/dashboard.png`;

const browserPath = findBrowser(process.env.CHROMIUM_PATH, browserCandidates());
if (!browserPath) throw new Error('[bench:shot] no Chromium or Chrome found: install chromium, or set CHROMIUM_PATH to one.');
const log = (line: string) => console.log(`[bench:shot] ${line}`);

log('building the production bundle');
buildBundle({ environment: 'production', outdir: `${ROOT}dist/worker` });
const origin = await startOrigin(FRAGILE_ORIGIN);
const gateway = await startSystem('gateway', origin.url, { vars: DASHBOARD_VARS });
try {
  for (const step of STEPS) {
    log(`${step.name}: ${step.rate}/s for ${step.durationS} s${step.originDown ? ', origin down' : ''}`);
    await origin.fault({ mode: step.originDown ? 'down' : 'none' });
    const run = await phased({ url: gateway.url, method: 'POST', headers: HEADERS, bodies: MIX, zipf: 1.1, phases: [step], label: `shot ${step.name}` });
    log(`  ${run.requests} answered, ${run.stale} stale, ${run.errors} errors`);
  }
  const counted = await settledCounts(gateway.url, 0);
  log(`the dashboard counted ${JSON.stringify(counted)}; the origin ${JSON.stringify(await origin.stats())}`);

  const base = baseOf(gateway.url);
  const [name, value] = (await signIn(base)).split('=') as [string, string];
  const browser = await launchBrowser(browserPath);
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addCookies([{ name, value, url: `${base}/admin` }]);
    const page = await context.newPage();
    await page.goto(`${base}/admin/dashboard?range=15m`);
    // Drawn from the same windows the counts above were read from.
    await page.getByTestId('requests').filter({ hasText: counted.requests.toLocaleString('en-US') }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: SHOT, fullPage: true });
  } finally {
    await browser.close();
  }
  await mkdir(`${ROOT}bench/results`, { recursive: true });
  await copyFile(SHOT, `${ROOT}bench/results/dashboard.png`);
  log(`wrote ${SHOT} and bench/results/dashboard.png`);
} finally {
  await gateway.stop();
  await origin.stop();
}

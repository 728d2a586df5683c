/**
 * `npm run bench [-- --quick] [--only a,b] [--name NAME]`: starts every
 * system, drives load from a separate process, and writes
 * bench/results/{latest|quick|NAME}.{json,md,svg}.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { parseArgs } from 'node:util';
import { saturationGenerator } from './load/index.ts';
import { chart, markdown, ratiosOf, type Results } from './report.ts';
import { analyticsCpu, consistency, hot, hotGet, mapping, nplus1, outage, rate, soak, spike, stampede, type ScenarioResult, type Settings } from './scenarios.ts';
import { buildBundle } from '../scripts/build-bundle.ts';
import { ROOT } from '../scripts/project-root.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, name: { type: 'string' } } });
const quick = values.quick;
const SCENARIOS: Record<string, (settings: Settings) => Promise<ScenarioResult>> = {
  hot,
  'hot-get': hotGet,
  rate,
  stampede,
  spike,
  outage,
  nplus1,
  consistency,
  mapping,
  soak,
  'analytics-cpu': analyticsCpu,
};
/** Scenarios that start no system, so need no bundle: `--only mapping` skips the build. */
const WITHOUT_SYSTEMS = new Set(['mapping']);
const chosen = values.only ? values.only.split(',') : Object.keys(SCENARIOS);

const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}`);

log(`saturation load: ${saturationGenerator()}`);
if (chosen.some((name) => !WITHOUT_SYSTEMS.has(name))) {
  log('building the production bundle (wrangler deploy --dry-run)');
  buildBundle({ environment: 'production', outdir: `${ROOT}dist/worker` });
}

const scenarios: Record<string, ScenarioResult> = {};
for (const name of chosen) {
  const run = SCENARIOS[name];
  if (!run) throw new Error(`[bench] no scenario "${name}"; there are ${Object.keys(SCENARIOS).join(', ')}`);
  log(`${name}`);
  scenarios[name] = await run({ quick, log });
  log(`${name}: ${JSON.stringify(scenarios[name])}`);
}

const cpu = cpus();
const results: Results = {
  machine: {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${osType()} ${release()}`,
    node: process.version,
    date: new Date().toISOString(),
  },
  generator: saturationGenerator(),
  quick,
  scenarios,
  ratios: ratiosOf(scenarios),
};
// A run of some scenarios can be named, so that it does not replace the latest full run's files.
const base = `${ROOT}bench/results/${values.name ?? (quick ? 'quick' : 'latest')}`;
await mkdir(`${ROOT}bench/results`, { recursive: true });
await writeFile(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
await writeFile(`${base}.md`, markdown(results));
await writeFile(`${base}.svg`, chart(results));
console.log(`\n${markdown(results)}`);
log(`wrote ${base}.json, .md and .svg`);

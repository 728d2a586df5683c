/** The benchmark's scenarios: each starts what it needs, measures, and stops it. */
import { spawn } from 'node:child_process';
import type { LoadPhase, LoadResult, LoadSpec } from './load.ts';
import { GRAPHQL_SYSTEMS, ROOT, startOrigin, startSystem, type RunningOrigin, type SystemName } from './systems.ts';

export interface Measure {
  rps?: number;
  p50Ms?: number;
  p99Ms?: number;
  errors?: number;
  originCalls?: number;
  [extra: string]: number | undefined;
}

export type ScenarioResult = Partial<Record<SystemName, Measure>>;

export interface Settings {
  quick: boolean;
  log(line: string): void;
}

/** The origin the seed started from: about 50 requests a second, then it refuses. */
const FRAGILE_ORIGIN = ['--latency-ms', '200', '--max-concurrency', '10'];
const HEADERS = { 'content-type': 'application/json' };
const body = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });

const HOT = body('{ product(id: "1") { id name price { amount currency } } }');
const KEY_QUERY = 'query($id: ID!) { product(id: $id) { id name inventory { available } } }';
/** 100 keys; the load draws them Zipf-distributed, the first the hottest. */
const MIX = Array.from({ length: 100 }, (_, i) => body(KEY_QUERY, { id: String(i + 1) }));

function load(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--experimental-strip-types', 'bench/load.ts', JSON.stringify(spec)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`[bench] load exited with ${code}`))));
  });
}

async function post(url: string, payload: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: HEADERS, body: payload });
  await response.text();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every key of the mix cached, eight at a time (the fragile origin takes ten). */
async function warm(url: string): Promise<void> {
  for (let i = 0; i < MIX.length; i += 8) await Promise.all(MIX.slice(i, i + 8).map((payload) => post(url, payload)));
}

/** Runs `measure` against each system in turn, each over a fresh origin, started and stopped around it. */
async function eachSystem(
  systems: SystemName[],
  originFlags: string[],
  settings: Settings,
  measure: (url: string, origin: RunningOrigin, name: SystemName) => Promise<Measure>,
): Promise<ScenarioResult> {
  const result: ScenarioResult = {};
  for (const name of systems) {
    const origin = await startOrigin(originFlags);
    const system = name === 'origin' ? undefined : await startSystem(name, origin.url);
    try {
      settings.log(`  ${name}`);
      result[name] = await measure(system?.url ?? origin.url, origin, name);
    } finally {
      await system?.stop();
      await origin.stop();
    }
  }
  return result;
}

/** `rps` counts answers that were not errors: a refusal at once is not a request served. */
const fromLoad = ({ requests, durationS, p50Ms, p99Ms, errors }: LoadResult): Measure => ({
  rps: Math.round((requests - errors) / durationS),
  p50Ms,
  p99Ms,
  errors,
});

/** One cached query, 50 connections: what each system serves at most. */
export function hot(settings: Settings): Promise<ScenarioResult> {
  const phases: LoadPhase[] = [{ connections: 50, durationS: settings.quick ? 3 : 10 }];
  return eachSystem([...GRAPHQL_SYSTEMS, 'origin', 'ceiling'], FRAGILE_ORIGIN, settings, async (url, _origin, name) => {
    if (name === 'origin') {
      return fromLoad(await load({ url: `${url}/api/products/1`, method: 'GET', bodies: [''], phases, label: `hot ${name}` }));
    }
    await post(url, HOT);
    return fromLoad(await load({ url, method: 'POST', headers: HEADERS, bodies: [HOT], phases, label: `hot ${name}` }));
  });
}

/** 500 concurrent requests for a cold key, then for an expired one: how many reach the origin. */
export function stampede(settings: Settings): Promise<ScenarioResult> {
  const cold = body('{ product(id: "7") { id name } }');
  const expiring = body('{ product(id: "8") { id inventory { available } } }');
  const burst = (url: string, payload: string, label: string) =>
    load({ url, method: 'POST', headers: HEADERS, bodies: [payload], phases: [{ connections: 500, amount: 500 }], label });
  return eachSystem(GRAPHQL_SYSTEMS, ['--latency-ms', '200'], settings, async (url, origin, name) => {
    const coldRun = await burst(url, cold, `stampede cold ${name}`);
    const coldCalls = (await origin.stats()).total;
    await post(url, expiring);
    // Inventory's maxAge is 5 s: let the entry expire.
    await sleep(5500);
    const before = (await origin.stats()).total;
    const expiredRun = await burst(url, expiring, `stampede expired ${name}`);
    await sleep(500);
    const expiredCalls = (await origin.stats()).total - before;
    return {
      originCalls: coldCalls,
      p99Ms: coldRun.p99Ms,
      errors: coldRun.errors + expiredRun.errors,
      expiredOriginCalls: expiredCalls,
      expiredP99Ms: expiredRun.p99Ms,
    };
  });
}

/** The fragile origin, 100 keys in a Zipf mix, offered load stepped 50 → 500 → 5,000 requests/s. */
export function spike(settings: Settings): Promise<ScenarioResult> {
  const stepS = settings.quick ? 2 : 20;
  const phases: LoadPhase[] = [
    { rate: 50, durationS: stepS, connections: 10 },
    { rate: 500, durationS: stepS, connections: 50 },
    { rate: 5000, durationS: stepS, connections: 200 },
  ];
  return eachSystem(GRAPHQL_SYSTEMS, FRAGILE_ORIGIN, settings, async (url, origin, name) => {
    const run = await load({ url, method: 'POST', headers: HEADERS, bodies: MIX, zipf: 1.1, phases, label: `spike ${name}` });
    const stats = await origin.stats();
    const peak = run.phases.at(-1);
    return {
      ...fromLoad(run),
      // Served at the 5,000/s step, and its p99; p99Ms is the worst step's.
      rps: peak?.rps,
      peakP99Ms: peak?.p99Ms,
      originCalls: stats.total,
      originMaxInFlight: stats.maxInFlight,
      originRejected: stats.rejected,
      offload: Number((1 - stats.total / run.requests).toFixed(4)),
      errorRate: Number((run.errors / run.requests).toFixed(4)),
    };
  });
}

/** The spike mix at a steady rate, every key cached first, while the origin is down for 20 s. */
export function outage(settings: Settings): Promise<ScenarioResult> {
  const [beforeS, downS, afterS] = settings.quick ? [1, 4, 1] : [10, 20, 10];
  const rate = settings.quick ? 200 : 500;
  return eachSystem(GRAPHQL_SYSTEMS, FRAGILE_ORIGIN, settings, async (url, origin, name) => {
    await warm(url);
    const down = setTimeout(() => void origin.fault({ mode: 'down' }), beforeS * 1000);
    const up = setTimeout(() => void origin.fault({ mode: 'none' }), (beforeS + downS) * 1000);
    try {
      const run = await load({
        url,
        method: 'POST',
        headers: HEADERS,
        bodies: MIX,
        zipf: 1.1,
        phases: [{ rate, durationS: beforeS + downS + afterS, connections: 50 }],
        label: `outage ${name}`,
      });
      return { ...fromLoad(run), successRate: Number((1 - run.errors / run.requests).toFixed(4)), stale: run.stale, requests: run.requests };
    } finally {
      clearTimeout(down);
      clearTimeout(up);
    }
  });
}

/** 50 products with their inventory, cold: how many origin calls. */
export function nplus1(settings: Settings): Promise<ScenarioResult> {
  const ids = Array.from({ length: 50 }, (_, i) => String(i + 1));
  const payload = body('query($ids: [ID!]!) { productsByIds(ids: $ids) { id inventory { available } } }', { ids });
  return eachSystem(GRAPHQL_SYSTEMS, ['--latency-ms', '20'], settings, async (url, origin) => {
    await post(url, payload);
    return { originCalls: (await origin.stats()).total };
  });
}

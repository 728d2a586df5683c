/** The benchmark's scenarios: each starts what it needs, measures, and stops it. */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { runConsistency } from './consistency/run.ts';
import { withCpuMs } from './cpu.ts';
import { DASHBOARD_VARS, settledCounts } from './dashboard.ts';
import { constantRate, phased, saturate, type LoadPhase, type LoadResult, type SaturationSpec } from './load/index.ts';
import { retainedHeapMiB } from './isolate-heap.ts';
import { withRssSamples } from './memory.ts';
import { GRAPHQL_SYSTEMS, startOrigin, startSystem, type GatewayOptions, type RunningOrigin, type SystemName } from './systems.ts';
import { freePort } from '../scripts/dev-processes.ts';

export interface Measure {
  rps?: number;
  p50Ms?: number;
  p99Ms?: number;
  p999Ms?: number;
  errors?: number;
  originCalls?: number;
  /** CPU milliseconds the system's processes spent per request (bench/cpu.ts). */
  cpuMsPerRequest?: number;
  /** In place of numbers: why the system could not take part. */
  failure?: string;
  [extra: string]: number | string | undefined;
}

export type ScenarioResult = Partial<Record<SystemName, Measure>>;

export interface Settings {
  quick: boolean;
  log(line: string): void;
}

/** The origin the seed started from: about 50 requests a second, then it refuses. */
export const FRAGILE_ORIGIN = ['--latency-ms', '200', '--max-concurrency', '10'];
export const HEADERS = { 'content-type': 'application/json' };
const body = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });

const HOT = body('{ product(id: "1") { id name price { amount currency } } }');
const KEY_QUERY = 'query($id: ID!) { product(id: $id) { id name inventory { available } } }';
/** 100 keys; the load draws them Zipf-distributed, the first the hottest. */
export const MIX = Array.from({ length: 100 }, (_, i) => body(KEY_QUERY, { id: String(i + 1) }));

async function post(url: string, payload: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: HEADERS, body: payload });
  await response.text();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every key of the mix cached, eight at a time (the fragile origin takes ten). */
async function warm(url: string): Promise<void> {
  for (let i = 0; i < MIX.length; i += 8) await Promise.all(MIX.slice(i, i + 8).map((payload) => post(url, payload)));
}

interface SystemUnderTest {
  name: SystemName;
  url: string;
  /** Its launched process, whose descendants count too (bench/cpu.ts). */
  pid: number;
}

/** Runs `measure` against each system in turn, each over a fresh origin, started and stopped around it; the gateway with `gatewayVars`. */
async function eachSystem(
  systems: SystemName[],
  originFlags: string[],
  settings: Settings,
  measure: (system: SystemUnderTest, origin: RunningOrigin) => Promise<Measure>,
  gateway: GatewayOptions = {},
): Promise<ScenarioResult> {
  const result: ScenarioResult = {};
  for (const name of systems) {
    const origin = await startOrigin(originFlags);
    const system = name === 'origin' ? undefined : await startSystem(name, origin.url, gateway);
    const { url, pid } = system ?? origin;
    try {
      settings.log(`  ${name}`);
      result[name] = await measure({ name, url, pid }, origin);
    } finally {
      await system?.stop();
      await origin.stop();
    }
  }
  return result;
}

/** `rps` counts answers that were not errors: a refusal at once is not a request served. */
const fromLoad = ({ requests, durationS, p50Ms, p99Ms, p999Ms, errors }: LoadResult): Measure => ({
  rps: Math.round((requests - errors) / durationS),
  p50Ms,
  p99Ms,
  p999Ms,
  errors,
});

/** A load's measure with the CPU the system's processes spent on it, per request it answered. */
async function withCpuPerRequest(pid: number, load: () => Promise<LoadResult>): Promise<{ run: LoadResult; measure: Measure }> {
  const { result: run, cpuMs } = await withCpuMs(pid, load);
  const cpuMsPerRequest = cpuMs === undefined || run.requests === 0 ? undefined : Number((cpuMs / run.requests).toFixed(4));
  return { run, measure: { ...fromLoad(run), cpuMsPerRequest } };
}

/** 50 connections as fast as they go (wrk when it is on PATH), with the CPU the system spent per request. */
async function saturated(system: SystemUnderTest, request: Omit<SaturationSpec, 'connections' | 'durationS'>, settings: Settings): Promise<Measure> {
  const durationS = settings.quick ? 2 : 10;
  return (await withCpuPerRequest(system.pid, () => saturate({ ...request, connections: 50, durationS }))).measure;
}

/** The hot query cached, then saturated: what a GraphQL system serves at most, and its CPU per request. */
async function hotQuery(system: SystemUnderTest, settings: Settings, label = `hot ${system.name}`): Promise<Measure> {
  await post(system.url, HOT);
  return saturated(system, { label, url: system.url, method: 'POST', headers: HEADERS, body: HOT }, settings);
}

/** One cached query: what each system serves at most. */
export function hot(settings: Settings): Promise<ScenarioResult> {
  return eachSystem([...GRAPHQL_SYSTEMS, 'origin', 'ceiling'], FRAGILE_ORIGIN, settings, async (system) => {
    if (system.name === 'origin') return saturated(system, { label: 'hot origin', url: `${system.url}/api/products/1`, method: 'GET', body: '' }, settings);
    return hotQuery(system, settings);
  });
}

const PRODUCT_QUERY = 'query Product { product(id: "1") { id name price { amount currency } } }';
const PERSISTED_PRODUCT = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(PRODUCT_QUERY).digest('hex') } };
/** What Apollo Client sends when a hash is not known yet: the query with its hash. */
const REGISTER_PRODUCT = JSON.stringify({ query: PRODUCT_QUERY, operationName: 'Product', variables: {}, extensions: PERSISTED_PRODUCT });
const PRODUCT_BY_HASH = `?operationName=Product&variables=${encodeURIComponent('{}')}&extensions=${encodeURIComponent(JSON.stringify(PERSISTED_PRODUCT))}`;
/** Apollo Client's CSRF header: the gateway refuses a GET without one. */
const GET_HEADERS = { 'x-apollo-operation-name': 'Product' };

function carriesData(text: string): boolean {
  try {
    const answer = JSON.parse(text) as { data?: unknown; errors?: unknown };
    return typeof answer.data === 'object' && answer.data !== null && answer.errors === undefined;
  } catch {
    return false;
  }
}

/** The hot query as a GET carrying only its persisted-query hash, as Apollo Client sends it with `useGETForHashedQueries`. */
export function hotGet(settings: Settings): Promise<ScenarioResult> {
  return eachSystem([...GRAPHQL_SYSTEMS, 'ceiling'], FRAGILE_ORIGIN, settings, async (system) => {
    await post(system.url, REGISTER_PRODUCT);
    const url = `${system.url}${PRODUCT_BY_HASH}`;
    const probe = await fetch(url, { headers: GET_HEADERS });
    const text = await probe.text();
    if (probe.status !== 200 || !carriesData(text)) {
      const failure = `a GET by persisted-query hash answered ${probe.status}: ${text.slice(0, 200)}`;
      settings.log(`  ${system.name}: ${failure}`);
      return { failure };
    }
    return saturated(system, { label: `hot-get ${system.name}`, url, method: 'GET', headers: GET_HEADERS, body: '' }, settings);
  });
}

export const OFFERED_RATES = [1000, 5000];
/** The `rate` scenario's keys: `p99MsAt5000` is the p99 at 5,000 requests/s offered. */
export const atRate = (key: string, offered: number) => `${key}At${offered}`;

/** The hot query, cached first, at fixed offered rates, open loop: latency at a load the clients set, not the system. */
export function rate(settings: Settings): Promise<ScenarioResult> {
  const durationS = settings.quick ? 2 : 10;
  return eachSystem([...GRAPHQL_SYSTEMS, 'ceiling'], FRAGILE_ORIGIN, settings, async (system) => {
    await post(system.url, HOT);
    const result: Measure = {};
    for (const offered of OFFERED_RATES) {
      const label = `rate ${offered}/s ${system.name}`;
      const { run, measure } = await withCpuPerRequest(system.pid, () =>
        constantRate({ label, url: system.url, method: 'POST', headers: HEADERS, body: HOT, rate: offered, durationS }),
      );
      for (const [key, value] of Object.entries({ ...measure, sendLagP99Ms: run.sendLagP99Ms })) result[atRate(key, offered)] = value;
    }
    return result;
  });
}

/** 500 concurrent requests for a cold key, then for an expired one: how many reach the origin. */
export function stampede(settings: Settings): Promise<ScenarioResult> {
  const cold = body('{ product(id: "7") { id name } }');
  const expiring = body('{ product(id: "8") { id inventory { available } } }');
  const burst = (url: string, payload: string, label: string) =>
    phased({ url, method: 'POST', headers: HEADERS, bodies: [payload], phases: [{ connections: 500, amount: 500 }], label });
  return eachSystem(GRAPHQL_SYSTEMS, ['--latency-ms', '200'], settings, async ({ name, url }, origin) => {
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

/** The spike's peak: offered requests/s and the connections that carry them. */
const PEAK = { rate: 5000, connections: 200 };

/**
 * The fragile origin, 100 keys in a Zipf mix, offered load stepped 50 → 500
 * → 5,000 requests/s. The gateway runs with its dashboard on and a short
 * flush, and reports what its dashboard counted of the run beside the
 * benchmark's own counts.
 */
export function spike(settings: Settings): Promise<ScenarioResult> {
  const stepS = settings.quick ? 2 : 20;
  const phases: LoadPhase[] = [
    { rate: 50, durationS: stepS, connections: 10 },
    { rate: 500, durationS: stepS, connections: 50 },
    { durationS: stepS, ...PEAK },
  ];
  return eachSystem(
    GRAPHQL_SYSTEMS,
    FRAGILE_ORIGIN,
    settings,
    async ({ name, url }, origin) => {
      const since = Date.now();
      const run = await phased({ url, method: 'POST', headers: HEADERS, bodies: MIX, zipf: 1.1, phases, label: `spike ${name}` });
      // After the last flush, so that both sides have counted every refresh the run set off.
      const counted = name === 'gateway' ? await settledCounts(url, since) : undefined;
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
        // Answers the generator received, whatever their status; and every request it wrote, with those it gave up on
        // (timeouts) or cut off when a step ended, which the gateway may have answered and counted all the same.
        requests: run.requests,
        sent: run.sent,
        timeouts: run.timeouts,
        ...(counted && { dashboardRequests: counted.requests, dashboardOriginCalls: counted.originCalls }),
      };
    },
    { vars: DASHBOARD_VARS },
  );
}

/** The spike mix at a steady rate, every key cached first, while the origin is down for 20 s. */
export function outage(settings: Settings): Promise<ScenarioResult> {
  const [beforeS, downS, afterS] = settings.quick ? [1, 4, 1] : [10, 20, 10];
  const offered = settings.quick ? 200 : 500;
  return eachSystem(GRAPHQL_SYSTEMS, FRAGILE_ORIGIN, settings, async ({ name, url }, origin) => {
    await warm(url);
    const down = setTimeout(() => void origin.fault({ mode: 'down' }), beforeS * 1000);
    const up = setTimeout(() => void origin.fault({ mode: 'none' }), (beforeS + downS) * 1000);
    try {
      const run = await phased({
        url,
        method: 'POST',
        headers: HEADERS,
        bodies: MIX,
        zipf: 1.1,
        phases: [{ rate: offered, durationS: beforeS + downS + afterS, connections: 50 }],
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
  return eachSystem(GRAPHQL_SYSTEMS, ['--latency-ms', '20'], settings, async ({ url }, origin) => {
    await post(url, payload);
    return { originCalls: (await origin.stats()).total };
  });
}

/**
 * The consistency bounds of docs/caching/consistency.md, checked over a mix of reads, writes and
 * purges across 4 isolates (bench/consistency). The gateway only: the peers
 * have no isolates sharing a cache to keep consistent.
 */
export async function consistency(settings: Settings): Promise<ScenarioResult> {
  const { examples, ...counts } = await runConsistency({ durationS: settings.quick ? 8 : 60 });
  const described = examples.map(({ rule, detail }) => `${rule}: ${detail}`).join('; ');
  return { gateway: { ...counts, ...(described ? { firstViolations: described } : {}) } };
}

/** Runs a measurement script of bench/ in a process of its own, so that no other scenario's heap or compiled code sways it: its stdout. */
async function ownProcess(script: string, settings: Settings): Promise<string> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  return (await promisify(execFile)(process.execPath, ['--experimental-strip-types', path, ...(settings.quick ? ['--quick'] : [])])).stdout;
}

/**
 * The connectors' mapping language against a hand-written function, CPU
 * only: µs per item of a 1,000-item answer and their ratio, measured in a
 * process of its own (bench/mapping.ts). No system is started; the row is
 * the gateway's, whose code it is.
 */
export async function mapping(settings: Settings): Promise<ScenarioResult> {
  return { gateway: JSON.parse(await ownProcess('mapping.ts', settings)) as Measure };
}

/**
 * The spike mix at the spike's peak rate for 60 s (15 s with --quick) against the gateway alone,
 * every key cached first. Flat when what its isolates retain (bench/isolate-heap.ts)
 * at the end is within 10% of what they retained 10 s in, past start-up. Resident
 * memory is sampled every 5 s beside it (bench/memory.ts): it grows while V8
 * sizes its heap to the load, garbage included, so it is reported, not judged.
 */
export async function soak(settings: Settings): Promise<ScenarioResult> {
  const durationS = settings.quick ? 15 : 60;
  const firstReadS = 10;
  const everyMs = 5000;
  const inspectorPort = await freePort();
  return eachSystem(
    ['gateway'],
    FRAGILE_ORIGIN,
    settings,
    async ({ url, pid }) => {
      await warm(url);
      let first: Promise<Record<string, number>> | undefined;
      const timer = setTimeout(() => (first = retainedHeapMiB(inspectorPort)), firstReadS * 1000);
      const { result: run, samplesMiB } = await withRssSamples(pid, everyMs, () =>
        phased({ url, method: 'POST', headers: HEADERS, bodies: MIX, zipf: 1.1, phases: [{ durationS, ...PEAK }], label: 'soak gateway' }),
      );
      clearTimeout(timer);
      if (samplesMiB.length < 3 || !first) return { failure: 'no workerd memory to sample (Linux /proc only)' };
      const [atFirst, atEnd] = [await first, await retainedHeapMiB(inspectorPort)];
      const total = (heap: Record<string, number>) => Number(Object.values(heap).reduce((sum, mib) => sum + mib, 0).toFixed(1));
      const byIsolate = (heap: Record<string, number>) => Object.entries(heap).map(([isolate, mib]) => `${isolate} ${mib}`).join(', ');
      return {
        ...fromLoad(run),
        requests: run.requests,
        heapFirstMiB: total(atFirst),
        heapLastMiB: total(atEnd),
        heapFirstByIsolate: byIsolate(atFirst),
        heapLastByIsolate: byIsolate(atEnd),
        flat: total(atEnd) <= total(atFirst) * 1.1 ? 'yes' : 'no',
        rssFirstMiB: samplesMiB[0],
        rssAt10sMiB: samplesMiB[10_000 / everyMs],
        rssLastMiB: samplesMiB.at(-1),
        rssMaxMiB: Math.max(...samplesMiB),
        rssSamplesMiB: samplesMiB.join(' '),
      };
    },
    { inspectorPort },
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * `hot`'s CPU per request on the gateway with ANALYTICS_ENABLED true and
 * false, a fresh gateway each run, both in each round, which goes first
 * taking turns (5 rounds; 3 with --quick). The bar is the median of the rounds' on/off ratios: a pair
 * run back to back shares the machine's mood, which on a shared machine
 * moves CPU per request by more than the 5% asked. Flushes that fall within
 * a run count in its CPU, as do the analytics objects (workerd runs them in
 * the same process). Beside them, the steady part: what recording a hit
 * costs, in a process of its own (bench/analytics-record.ts), and its share
 * of a hit's CPU with analytics off.
 */
export async function analyticsCpu(settings: Settings): Promise<ScenarioResult> {
  const runs: Record<'on' | 'off', Measure[]> = { on: [], off: [] };
  for (let round = 0; round < (settings.quick ? 3 : 5); round++) {
    // Each state goes first in every other round, so that whatever favours a pair's first or second run falls on both.
    for (const state of round % 2 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
      const { gateway } = await eachSystem(['gateway'], FRAGILE_ORIGIN, settings, (system) => hotQuery(system, settings, `analytics-cpu ${state} gateway`), {
        vars: { ANALYTICS_ENABLED: String(state === 'on') },
      });
      if (gateway?.cpuMsPerRequest === undefined) return { gateway: { failure: 'no CPU to read (Linux /proc only)' } };
      runs[state].push(gateway);
    }
  }
  const cpu = (state: 'on' | 'off') => median(runs[state].map((run) => run.cpuMsPerRequest!));
  const ratios = runs.on.map((on, round) => Number((on.cpuMsPerRequest! / runs.off[round]!.cpuMsPerRequest!).toFixed(4)));
  const { recordUsPerHit } = JSON.parse(await ownProcess('analytics-record.ts', settings)) as { recordUsPerHit: number };
  return {
    gateway: {
      cpuMsPerRequestOn: cpu('on'),
      cpuMsPerRequestOff: cpu('off'),
      onVsOff: median(ratios),
      roundRatios: ratios.join(' '),
      recordUsPerHit,
      recordShareOfHit: Number((recordUsPerHit / 1000 / cpu('off')).toFixed(4)),
      rpsOn: median(runs.on.map((run) => run.rps!)),
      rpsOff: median(runs.off.map((run) => run.rps!)),
      cpuRunsOn: runs.on.map((run) => run.cpuMsPerRequest).join(' '),
      cpuRunsOff: runs.off.map((run) => run.cpuMsPerRequest).join(' '),
    },
  };
}

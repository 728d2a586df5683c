/**
 * CI's check of a benchmark run: the results file exists and has every
 * scenario for every system it should, with numbers where numbers belong,
 * and what must be correct is (consistency, the dashboard's spike counts).
 * It asserts that the benchmark works, never how fast anything was.
 */
import { readFile } from 'node:fs/promises';
import type { Results } from './report.ts';
import { atRate, OFFERED_RATES } from './scenarios.ts';
import { GRAPHQL_SYSTEMS } from './systems.ts';

const path = process.argv[2] ?? 'bench/results/quick.json';
const results = JSON.parse(await readFile(path, 'utf8')) as Results;
const problems: string[] = [];
const expect = (ok: boolean, what: string) => void (ok || problems.push(what));

const saturation = ['rps', 'p50Ms', 'p99Ms', 'p999Ms', 'errors', 'cpuMsPerRequest'];
const wanted: Record<string, { systems: readonly string[]; fields: string[] }> = {
  hot: { systems: [...GRAPHQL_SYSTEMS, 'origin', 'ceiling'], fields: saturation },
  'hot-get': { systems: [...GRAPHQL_SYSTEMS, 'ceiling'], fields: saturation },
  rate: { systems: [...GRAPHQL_SYSTEMS, 'ceiling'], fields: OFFERED_RATES.flatMap((offered) => [...saturation, 'sendLagP99Ms'].map((key) => atRate(key, offered))) },
  stampede: { systems: GRAPHQL_SYSTEMS, fields: ['originCalls', 'expiredOriginCalls', 'p99Ms'] },
  spike: { systems: GRAPHQL_SYSTEMS, fields: ['rps', 'p99Ms', 'errorRate', 'originMaxInFlight', 'originRejected', 'offload'] },
  outage: { systems: GRAPHQL_SYSTEMS, fields: ['successRate', 'stale', 'requests'] },
  nplus1: { systems: GRAPHQL_SYSTEMS, fields: ['originCalls'] },
  mapping: { systems: ['gateway'], fields: ['mappingUsPerItem', 'handWrittenUsPerItem', 'ratio'] },
  consistency: { systems: ['gateway'], fields: ['reads', 'privateReads', 'writes', 'purges', 'violations'] },
  soak: { systems: ['gateway'], fields: ['requests', 'heapFirstMiB', 'heapLastMiB', 'rssFirstMiB', 'rssLastMiB', 'rssMaxMiB'] },
  'analytics-cpu': { systems: ['gateway'], fields: ['cpuMsPerRequestOn', 'cpuMsPerRequestOff', 'onVsOff', 'recordUsPerHit', 'recordShareOfHit'] },
};
expect(typeof results.machine?.cpu === 'string', 'machine.cpu');
expect(typeof results.generator === 'string' && results.generator !== '', 'generator');
for (const [scenario, { systems, fields }] of Object.entries(wanted)) {
  for (const system of systems) {
    const row = results.scenarios?.[scenario]?.[system as keyof (typeof results.scenarios)[string]];
    if (typeof row?.failure === 'string') {
      problems.push(`${scenario}.${system} could not run (${row.failure})`);
      continue;
    }
    expect(row !== undefined, `${scenario}.${system}`);
    for (const field of fields) expect(typeof row?.[field] === 'number' && Number.isFinite(row[field]), `${scenario}.${system}.${field}`);
  }
}
// Correctness, not speed: the consistency checker saw every kind of request, and no answer broke a bound.
const checked = results.scenarios?.consistency?.gateway;
if (checked && typeof checked.violations === 'number') {
  expect(checked.violations === 0, `consistency: 0 violations (saw ${checked.violations}: ${String(checked.firstViolations)})`);
  for (const kind of ['reads', 'privateReads', 'writes', 'purges']) expect(Number(checked[kind]) > 0, `consistency: some ${kind}`);
}
// The gateway's dashboard counted the spike as the benchmark did: origin calls exactly, and requests
// within 1% of those the generator sent (answered, timed out or cut off at a step's end: each reached the
// gateway, which counts it once it answers, whether or not the generator was still waiting).
const spiked = results.scenarios?.spike?.gateway;
if (spiked && spiked.failure === undefined) {
  const { sent, dashboardRequests, originCalls, dashboardOriginCalls } = spiked;
  for (const [field, value] of Object.entries({ sent, dashboardRequests, originCalls, dashboardOriginCalls })) expect(typeof value === 'number', `spike.gateway.${field}`);
  const counted = Number(dashboardRequests);
  expect(Math.abs(counted - Number(sent)) <= Number(sent) * 0.01, `spike: the dashboard's ${counted} requests within 1% of the ${String(sent)} the benchmark sent`);
  expect(dashboardOriginCalls === originCalls, `spike: the dashboard's ${String(dashboardOriginCalls)} origin calls are the origin's ${String(originCalls)}`);
}
for (const [name, value] of Object.entries(results.ratios ?? {})) expect(typeof value === 'number' && Number.isFinite(value), `ratios.${name}`);
expect(Object.keys(results.ratios ?? {}).length > 0, 'ratios');
if (problems.length) {
  console.error(`[bench] ${path} is missing or malformed: ${problems.join(', ')}`);
  process.exit(1);
}
console.log(`[bench] ${path}: every scenario and system present`);

/**
 * CI's check of a benchmark run: the results file exists and has every
 * scenario for every system it should, with numbers where numbers belong.
 * It asserts that the benchmark works, never how fast anything was.
 */
import { readFile } from 'node:fs/promises';
import type { Results } from './report.ts';

const path = process.argv[2] ?? 'bench/results/quick.json';
const results = JSON.parse(await readFile(path, 'utf8')) as Results;
const problems: string[] = [];
const expect = (ok: boolean, what: string) => void (ok || problems.push(what));

const graphql = ['gateway', 'yoga-node', 'apollo-node'] as const;
const wanted: Record<string, { systems: readonly string[]; fields: string[] }> = {
  hot: { systems: [...graphql, 'origin', 'ceiling'], fields: ['rps', 'p50Ms', 'p99Ms', 'errors'] },
  stampede: { systems: graphql, fields: ['originCalls', 'expiredOriginCalls', 'p99Ms'] },
  spike: { systems: graphql, fields: ['rps', 'p99Ms', 'errorRate', 'originMaxInFlight', 'originRejected', 'offload'] },
  outage: { systems: graphql, fields: ['successRate', 'stale', 'requests'] },
  nplus1: { systems: graphql, fields: ['originCalls'] },
};
expect(typeof results.machine?.cpu === 'string', 'machine.cpu');
for (const [scenario, { systems, fields }] of Object.entries(wanted)) {
  for (const system of systems) {
    const row = results.scenarios?.[scenario]?.[system as keyof (typeof results.scenarios)[string]];
    expect(row !== undefined, `${scenario}.${system}`);
    for (const field of fields) expect(typeof row?.[field] === 'number' && Number.isFinite(row[field]), `${scenario}.${system}.${field}`);
  }
}
expect(typeof results.ratios?.hotGatewayVsYoga === 'number', 'ratios.hotGatewayVsYoga');
if (problems.length) {
  console.error(`[bench] ${path} is missing or malformed: ${problems.join(', ')}`);
  process.exit(1);
}
console.log(`[bench] ${path}: every scenario and system present`);

/**
 * Runs Apollo's community connectors (apollographql/connectors-community)
 * against this gateway, from outside the repository:
 *
 * 1. loads every `.graphql` file of the corpus alone, as a schema folder, the
 *    way the build checks one (scripts/build-schema.ts), and prints `loaded
 *    N/M` with the first line of each file's error;
 * 2. for each file in cases.ts: serves it alone (`npm run serve`), its
 *    sources pointed at the simulator (simulator.ts) with `ORIGIN_URL_<SOURCE>`
 *    and its `$config` given as `CONFIG_<key>`, asks the queries, and compares
 *    each answer with the one written by hand; prints PASS/FAIL per file and
 *    `answered N/M`.
 *
 * `npm run community -- --corpus /tmp/community [--only pokeapi] [--requests]`
 * (`--requests` lists what the gateway asked of the simulator for passing
 * queries too, not only for failing ones); exits 1
 * when fewer than 10 files answer. The schema folders are made under the
 * system's temporary folder; each build lands in dist/ as any `--schema`
 * build does.
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { stop } from '../../scripts/dev-processes.ts';
import { ROOT } from '../../scripts/project-root.ts';
import { serve } from '../../test/contract/serve.ts';
import { CASES, type FileCase, type QueryCase } from './cases.ts';
import { startCommunitySimulator, type RunningSimulator } from './simulator.ts';

const MIN_ANSWERED = 10;
const QUERY_TIMEOUT_MS = 20_000;

const { values } = parseArgs({ options: { corpus: { type: 'string' }, only: { type: 'string' }, requests: { type: 'boolean', default: false } } });
if (!values.corpus) {
  console.error('usage: npm run community -- --corpus <connectors-community checkout> [--only <file substring>] [--requests]');
  process.exit(2);
}
const connectors = join(resolve(values.corpus), 'connectors');
const workDir = join(tmpdir(), 'gateway-community');

// The gateway's modules are being rewritten: a tree that does not import is a finding, not a crash.
let gateway: {
  readSchemaFolder: typeof import('../../scripts/build-schema.ts').readSchemaFolder;
  readSchemaFiles: typeof import('../../src/connect/read-schema.ts').readSchemaFiles;
  unfilledCheck: typeof import('../../src/connect/unfilled-fields.ts').unfilledCheck;
};
try {
  const [build, plan, unfilled] = await Promise.all([import('../../scripts/build-schema.ts'), import('../../src/connect/read-schema.ts'), import('../../src/connect/unfilled-fields.ts')]);
  gateway = { readSchemaFolder: build.readSchemaFolder, readSchemaFiles: plan.readSchemaFiles, unfilledCheck: unfilled.unfilledCheck };
} catch (error) {
  console.error(`the gateway's schema reader does not load: ${firstLine(error)}`);
  process.exit(1);
}

type Loaded = { ok: true; sources: { name: string; baseURL: string }[] } | { ok: false; error: string };

/** A folder of its own, outside the project, holding the one file: the same one every run, so that its module and bundle (.gateway/schemas/, dist/) are replaced, not added to. */
function schemaFolder(file: string): string {
  const dir = join(workDir, file.replace(/\.graphql$/, '').replace(/[^A-Za-z0-9]+/g, '-').toLowerCase());
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(connectors, file), join(dir, basename(file)));
  return dir;
}

function load(file: string): Loaded {
  const dir = schemaFolder(file);
  try {
    // As the build reads a folder with no resolvers: its non-null fields must be filled by selections.
    const { plan } = gateway.readSchemaFiles(gateway.readSchemaFolder(dir), { unfilled: gateway.unfilledCheck(new Set()) });
    return { ok: true, sources: plan.sources };
  } catch (error) {
    // Messages name the file by its path from the project: name it as the corpus does.
    return { ok: false, error: firstLine(error).replaceAll(`${relative(ROOT, dir)}/${basename(file)}`, file) };
  }
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0]!;
}

/** `ORIGIN_URL_<SOURCE>`'s suffix, as src/connect/base-urls.ts reads it: `heygen-v2` → `HEYGEN_V2`. */
function sourceVarSuffix(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/** Where each line of `actual` departs from `expected`, by path: `data.move.accuracy: expected 100, got null`. */
function differences(expected: unknown, actual: unknown, path: string): string[] {
  const show = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value));
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const found = expected.flatMap((each, index) => differences(each, actual[index], `${path}[${index}]`));
    return actual.length > expected.length ? [...found, `${path}: ${actual.length - expected.length} more items than expected: ${show(actual.slice(expected.length))}`] : found;
  }
  if (isObject(expected) && isObject(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
    return keys.flatMap((key) => differences(expected[key], actual[key], `${path}.${key}`));
  }
  return JSON.stringify(expected) === JSON.stringify(actual) ? [] : [`${path}: expected ${show(expected)}, got ${show(actual)}`];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** What is wrong with one answer (nothing when it is the expected one), and the requests the gateway made for it. */
async function ask(graphql: string, sim: RunningSimulator, test: QueryCase): Promise<{ problems: string[]; requests: string[] }> {
  sim.exchanges.length = 0;
  const requests = () => sim.exchanges.map(({ method, url, sent, status }) => `origin: ${method} ${url}${sent ? ` (${sent.slice(0, 200)})` : ''} → ${status}`);
  let answer: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    const response = await fetch(graphql, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: test.query, variables: test.variables }),
      signal: AbortSignal.timeout(QUERY_TIMEOUT_MS),
    });
    answer = (await response.json()) as typeof answer;
  } catch (error) {
    return { problems: [`no answer: ${firstLine(error)}`], requests: requests() };
  }
  const expected = typeof test.data === 'function' ? (test.data as (url: string) => unknown)(sim.url) : test.data;
  const problems = differences(expected, answer.data, 'data').slice(0, 12);
  problems.push(...(answer.errors ?? []).map((error) => `error: ${error.message} (${error.extensions?.code ?? 'no code'})`));
  return { problems, requests: requests() };
}

interface Outcome {
  failed: boolean;
  /** What went wrong, with the requests of each failed query (of every query with `--requests`), to tell the gateway's mistakes from the simulator's. */
  lines: string[];
}

async function run(test: FileCase, loaded: Loaded): Promise<Outcome> {
  const outcome = await attempt(test, loaded);
  // Another build in the project can re-point .gateway/schemas/current.ts while this one bundles: the Worker then
  // holds another schema, refuses to start, and every request is a plain-text 500. Once more, then it counts.
  return outcome.lines.some((line) => line.includes('no answer:')) ? attempt(test, loaded) : outcome;
}

/** Serves the file alone against a fresh simulator and asks its queries. */
async function attempt(test: FileCase, loaded: Loaded): Promise<Outcome> {
  const fail = (line: string): Outcome => ({ failed: true, lines: [line] });
  if (!loaded.ok) return fail(`does not load: ${loaded.error}`);
  const missing = loaded.sources.filter((source) => !test.sources[source.name]);
  if (missing.length) return fail(`cases.ts names no simulator for @source ${missing.map((source) => source.name).join(', ')}`);
  const sim = await startCommunitySimulator();
  const vars = [
    ...loaded.sources.map((source) => `ORIGIN_URL_${sourceVarSuffix(source.name)}:${sim.url}/${test.sources[source.name]}${new URL(source.baseURL).pathname}`),
    ...Object.entries(test.config ?? {}).map(([key, value]) => `CONFIG_${key}:${value}`),
  ];
  let served: Awaited<ReturnType<typeof serve>> | undefined;
  try {
    served = await serve(['--schema', schemaFolder(test.file), '--port', '0', ...vars.flatMap((each) => ['--var', each])]);
    const outcome: Outcome = { failed: false, lines: [] };
    for (const [index, query] of test.queries.entries()) {
      const { problems, requests } = await ask(`${served.urls[0]}/graphql`, sim, query);
      if (problems.length) outcome.failed = true;
      if (problems.length || values.requests) outcome.lines.push(`query ${index + 1}: ${query.query.slice(0, 100)}${query.query.length > 100 ? '…' : ''}`, ...[...problems, ...requests].map((line) => `  ${line}`));
    }
    return outcome;
  } catch (error) {
    return fail(`the gateway did not start: ${firstLine(error)}`);
  } finally {
    if (served) await stop(served.child);
    await sim.close();
  }
}

const corpus = readdirSync(connectors, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.graphql'))
  .sort();
const loads = new Map(corpus.map((file) => [file, load(file)]));
const failed = [...loads].filter(([, loaded]) => !loaded.ok) as [string, { ok: false; error: string }][];
console.log(`loaded ${corpus.length - failed.length}/${corpus.length}`);
for (const [file, loaded] of failed) console.log(`  ${file}\t${loaded.error}`);

const chosen = CASES.filter((test) => !values.only || test.file.includes(values.only));
let answered = 0;
for (const test of chosen) {
  const started = Date.now();
  const { failed, lines } = await run(test, loads.get(test.file) ?? { ok: false, error: 'not in the corpus' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (!failed) answered++;
  console.log(`${failed ? 'FAIL' : 'PASS'} ${test.file} (${test.queries.length} ${test.queries.length === 1 ? 'query' : 'queries'}, ${seconds} s)`);
  for (const line of lines) console.log(`  ${line}`);
}
console.log(`answered ${answered}/${chosen.length}`);
process.exit(answered >= Math.min(MIN_ANSWERED, chosen.length) ? 0 : 1);

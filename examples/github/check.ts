/**
 * Imports GitHub's official OpenAPI document (`@octokit/openapi`, pinned) and
 * proves the schema it writes is served as is:
 *
 * 1. installs the package into a cache folder outside the project (385 MB
 *    unpacked, so never a dependency; skipped when the version is there);
 * 2. `npm run import:openapi -- <document> --tags repos,issues,users` into a
 *    fresh folder under the system's temporary folder, timed;
 * 3. `npm run deploy:check -- --schema <folder>`'s dry run (into the folder
 *    `npm run serve` would build it into, leaving the shop's dist/worker), and
 *    the bundle's checks and size (scripts/check-bundle.ts, held to
 *    Cloudflare's limit rather than the shop's budget);
 * 4. `npm run serve` over it, pointed at a small GitHub simulator
 *    (simulator.ts): times the isolate's first request (the schema's build)
 *    against a second, asks for a repository with its issues and their authors,
 *    and compares the answer and the origin calls it took with the
 *    simulator's data.
 *
 * Prints a report and exits 1 on any failure.
 * `node --experimental-strip-types examples/github/check.ts [--cache DIR] [--keep]`
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { schemaModulePath } from '../../scripts/build-schema.ts';
import { startReady, stop, type Started } from '../../scripts/dev-processes.ts';
import { ROOT } from '../../scripts/project-root.ts';
import { ISSUES, OWNER, PEOPLE, REPO, REPOSITORY, startGitHubSimulator } from './simulator.ts';

const PACKAGE = '@octokit/openapi';
const VERSION = '23.0.2';
const TAGS = 'repos,issues,users';
/** Issues a page: fewer than the open ones, so that the first page says there is a next, and one author twice. */
const PER_PAGE = 3;
/** Cloudflare's limit on a Worker, compressed, on the Workers Free plan: the shop's own 500 KiB budget is not this schema's. */
const WORKER_LIMIT_KIB = 3072;

/** A repository, a page of its issues and their authors, in the names the import writes. */
const REPOSITORY_QUERY = `query ($owner: String!, $repo: String!) {
  reposGet(owner: $owner, repo: $repo) {
    fullName
    stargazersCount
    issues(perPage: ${PER_PAGE}) {
      hasNextPage
      endCursor
      items {
        id
        number
        title
        user {
          login
          user { name followers }
        }
      }
    }
  }
}`;

/** The answer, from the simulator's records: the open issues newest first, as GitHub lists them. */
function expectedData() {
  const open = ISSUES.filter((issue) => issue.state === 'open');
  return {
    reposGet: {
      fullName: `${OWNER}/${REPO}`,
      stargazersCount: REPOSITORY.stars,
      issues: {
        hasNextPage: open.length > PER_PAGE,
        // The page after the first.
        endCursor: '2',
        items: open.slice(0, PER_PAGE).map((issue) => {
          const author = PEOPLE.find((person) => person.login === issue.author)!;
          return { id: String(issue.id), number: issue.number, title: issue.title, user: { login: author.login, user: { name: author.name, followers: author.followers } } };
        }),
      },
    },
  };
}

/** One call for the repository, one for its page of issues, and one per author (mona wrote two of them). */
const EXPECTED_CALLS = { [`GET /repos/${OWNER}/${REPO}`]: 1, [`GET /repos/${OWNER}/${REPO}/issues`]: 1, 'GET /users/mona': 1, 'GET /users/hubot': 1 };

const { values } = parseArgs({
  options: {
    cache: { type: 'string', default: join(homedir(), '.cache', 'octokit-openapi') },
    keep: { type: 'boolean', default: false },
  },
});
const cache = values.cache!;
const out = join(tmpdir(), 'gateway-github', 'schema');
const failures: string[] = [];
const report: string[] = [];

function fail(message: string): void {
  failures.push(message);
  console.error(`FAIL ${message}`);
}

/** The document's path, installing the pinned package first when the cache lacks it. */
function githubDocument(): string {
  const manifest = join(cache, 'node_modules', PACKAGE, 'package.json');
  const installed = existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version === VERSION;
  if (!installed) {
    console.log(`installing ${PACKAGE}@${VERSION} into ${cache}`);
    execFileSync('npm', ['install', '--prefix', cache, '--no-save', '--no-audit', '--no-fund', `${PACKAGE}@${VERSION}`], { stdio: 'inherit' });
  }
  return join(cache, 'node_modules', PACKAGE, 'generated', 'api.github.com.json');
}

/** Runs a project script with node, from the project's folder; its output, or a failure with its last lines. */
function run(script: string, args: string[]): { ok: boolean; output: string; ms: number } {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--experimental-strip-types', script, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' }, maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) fail(`${script} ${args.join(' ')} exited with ${result.status}:\n${output.split('\n').slice(-30).join('\n')}`);
  return { ok: result.status === 0, output, ms };
}

/** The folder's SDL files (the schema, not operations/). */
function sdlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .map((name) => readFileSync(join(dir, name), 'utf8'));
}

/**
 * The document's operations the SDL calls: each connector's method and path,
 * parameters blanked (`GET /repos/{}/{}`), counted once however many fields
 * call it (a root field and an entity's field may share one).
 */
function operationsCalled(sdl: string[]): Set<string> {
  const called = new Set<string>();
  for (const text of sdl) {
    for (const [, method, path] of text.matchAll(/\b(GET|POST|PUT|PATCH|DELETE):\s*"([^"]*)"/g)) called.add(`${method} ${path!.split('?')[0]!.replace(/\{[^}]*\}/g, '{}')}`);
  }
  return called;
}

/** UNEXPRESSIBLE.md's rows, by reason: the operations the import could not write, and the document's webhooks (a route with no path). */
function skippedByReason(dir: string): { operations: Map<string, number>; webhooks: number } {
  const file = join(dir, 'UNEXPRESSIBLE.md');
  const operations = new Map<string, number>();
  let webhooks = 0;
  if (!existsSync(file)) return { operations, webhooks };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    // A table row: | operation | `METHOD /path` | why |
    const [, , route, why] = line.split('|').map((cell) => cell.trim().replaceAll('`', ''));
    if (!route || !why || !/^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE)\b/.test(route)) continue;
    if (!route.includes('/')) webhooks++;
    else operations.set(why, (operations.get(why) ?? 0) + 1);
  }
  return { operations, webhooks };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

// 1. The document.
const document = githubDocument();
if (!existsSync(document)) {
  console.error(`FAIL ${document} is not there after installing ${PACKAGE}@${VERSION}`);
  process.exit(1);
}
const spec = JSON.parse(readFileSync(document, 'utf8')) as { paths: Record<string, Record<string, { tags?: string[] }>> };
const wanted = TAGS.split(',');
const tagged = Object.values(spec.paths).flatMap((item) => Object.values(item).filter((op) => typeof op === 'object' && op.tags && wanted.includes(op.tags[0]!))).length;

// 2. The import.
rmSync(join(out, '..'), { recursive: true, force: true });
mkdirSync(join(out, '..'), { recursive: true });
const imported = run('scripts/import-openapi.ts', [document, '--out', out, '--tags', TAGS, '--source', 'github']);
if (!imported.ok) finish();
const sdl = sdlFiles(out);
const called = operationsCalled(sdl);
const skipped = skippedByReason(out);
const skippedCount = [...skipped.operations.values()].reduce((sum, n) => sum + n, 0);
const bytes = sdl.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
const lines = sdl.reduce((sum, text) => sum + text.split('\n').length, 0);
report.push(
  `document: ${PACKAGE}@${VERSION} generated/api.github.com.json, tags ${TAGS}: ${tagged} operations`,
  `imported: ${called.size} operations; skipped: ${skippedCount}${[...skipped.operations].map(([reason, n]) => `\n  ${n} × ${reason}`).join('')}`,
  `webhooks listed as not imported: ${skipped.webhooks}`,
  `import time: ${(imported.ms / 1000).toFixed(1)} s`,
  `SDL: ${sdl.length} files, ${kib(bytes)}, ${lines} lines, ${sdl.reduce((sum, text) => sum + text.split('# guessed:').length - 1, 0)} marked # guessed:`,
);
if (called.size + skippedCount !== tagged) fail(`${tagged} operations in the tags, but ${called.size} imported and ${skippedCount} listed as skipped: ${tagged - called.size - skippedCount} dropped in silence`);
// Where the API needs a key, the import names the var or secret to set: give each a value.
const configVars = [...new Set(imported.output.match(/\bCONFIG_[A-Za-z0-9_]+/g) ?? [])];

// 3. deploy:check's dry run, into the folder `npm run serve` builds this schema into (so it serves that bundle
// unbuilt, and the shop's dist/worker stays), and the bundle's checks and size.
const bundleDir = join(ROOT, 'dist', `worker-${basename(schemaModulePath(out), '.ts')}`);
const deployed = run('scripts/wrangler.ts', ['deploy', '--dry-run', '--env', 'production', '--outdir', bundleDir, '--schema', out]);
if (deployed.ok) {
  const bundle = run('scripts/check-bundle.ts', [bundleDir, String(WORKER_LIMIT_KIB)]);
  const size = /([\d.]+ KiB) raw, ([\d.]+ KiB) gzipped/.exec(bundle.output);
  report.push(`bundle: ${size ? `${size[1]} raw, ${size[2]} gzipped` : bundle.output.trim()}`);
}

// 4. Served, against the simulator.
if (!deployed.ok) finish();
const sim = await startGitHubSimulator();
let served: Started | undefined;
try {
  // Its log is left out (stderr piped): a simulator answers fewer keys than GitHub, and each missing one is a log line.
  served = await startReady('scripts/serve.ts', ['--schema', out, '--no-build', '--port', '0', '--origin-url', sim.url, ...configVars.flatMap((name) => ['--var', `${name}:test-token`])]);
  const graphql = served.urls[0]!;
  const ask = async (query: string, variables: Record<string, unknown> = {}) => {
    const started = performance.now();
    const response = await fetch(graphql, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const answer = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    return { answer, ms: performance.now() - started };
  };
  const first = await ask('{ __typename }');
  const second = await ask('{ __typename }');
  report.push(`first request (builds the schema): ${first.ms.toFixed(0)} ms; second: ${second.ms.toFixed(0)} ms`);
  if (first.answer.errors) fail(`{ __typename }: ${JSON.stringify(first.answer.errors)}`);

  sim.reset();
  const { answer, ms } = await ask(REPOSITORY_QUERY, { owner: OWNER, repo: REPO });
  report.push(`repository → issues → authors: ${ms.toFixed(0)} ms, origin calls: ${sim.requests.join(', ')}`);
  if (answer.errors) fail(`the query answered errors: ${JSON.stringify(answer.errors).slice(0, 2000)}`);
  if (JSON.stringify(answer.data) !== JSON.stringify(expectedData())) fail(`the answer differs:\n  expected ${JSON.stringify(expectedData())}\n  got      ${JSON.stringify(answer.data)}`);
  // In any order: the authors are fetched side by side.
  const sorted = (calls: [string, number][]) => JSON.stringify(calls.sort(([a], [b]) => a.localeCompare(b)));
  if (sorted([...sim.calls]) !== sorted(Object.entries(EXPECTED_CALLS))) fail(`origin calls: expected ${JSON.stringify(EXPECTED_CALLS)}, got ${JSON.stringify(Object.fromEntries(sim.calls))}`);

  // Every GET carries @cacheControl: the same query again is the response cache's, with no origin call.
  sim.reset();
  const again = await ask(REPOSITORY_QUERY, { owner: OWNER, repo: REPO });
  if (JSON.stringify(again.answer.data) !== JSON.stringify(expectedData())) fail('the repeated query answered differently');
  if (sim.requests.length) fail(`the repeated query called the origin: ${sim.requests.join(', ')}`);
} catch (error) {
  fail(`serving the import: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  if (served) await stop(served.child);
  await sim.close();
}
finish();

function finish(): never {
  console.log(['', '== GitHub OpenAPI import', ...report, failures.length ? `FAILED: ${failures.length} check(s)` : 'passed'].join('\n'));
  if (!values.keep && !failures.length) rmSync(join(out, '..'), { recursive: true, force: true });
  process.exit(failures.length ? 1 : 0);
}

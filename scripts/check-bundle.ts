/**
 * `node scripts/check-bundle.ts [dist/worker] [budget KiB, default 500]`: checks the Worker bundle that
 * `wrangler deploy --dry-run --outdir` wrote, from its source map.
 *
 * - One copy of each package. Two copies of one package (under two paths, or
 *   its CommonJS `.js` beside its ES module `.mjs` build) break `instanceof`
 *   between them: a GraphQLError from one copy of graphql is masked as a 500
 *   by the other. That once shipped while every test passed.
 * - Size. The bundle counts against Workers' script size limit, and every
 *   cold start parses it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

// The shop's budget; a far bigger schema (examples/github/check.ts) is held to Cloudflare's own limit instead.
const BUDGET_BYTES = Number(process.argv[3] ?? 500) * 1024;
const dir = process.argv[2] ?? 'dist/worker';

/** `node_modules/@scope/name/lib/x.mjs` → its package, the folder it was bundled from, and the module without extension. */
function moduleOf(source: string): { name: string; root: string; module: string } | undefined {
  const at = source.lastIndexOf('node_modules/');
  if (at === -1) return undefined;
  const parts = source.slice(at + 'node_modules/'.length).split('/');
  const length = parts[0]?.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, length).join('/');
  const root = `${source.slice(0, at)}node_modules/${name}`;
  const module = `${root}/${parts.slice(length).join('/').replace(/\.(c|m)?js$/, '')}`;
  return { name, root, module };
}

/** Every package bundled from more than one folder, and every module bundled in more than one format. */
function duplicates(sources: string[]): string[] {
  const roots = new Map<string, Set<string>>();
  const formats = new Map<string, Set<string>>();
  for (const source of sources) {
    const found = moduleOf(source);
    if (!found) continue;
    roots.set(found.name, (roots.get(found.name) ?? new Set()).add(found.root));
    formats.set(found.module, (formats.get(found.module) ?? new Set()).add(source));
  }
  const packages = [...roots].filter(([, where]) => where.size > 1).map(([name, where]) => `${name}: bundled from ${[...where].join(' and ')}`);
  const builds = [...formats].filter(([, files]) => files.size > 1).map(([, files]) => `one module in two builds: ${[...files].join(' and ')}`);
  return [...packages, ...builds];
}

const files = (await readdir(dir, { recursive: true })).filter((file) => !/(\.map|README\.md)$/.test(file));
// The main module's map: wrangler names the bundle after the config's `main` (index.js.map for the gateway).
const maps = (await readdir(dir)).filter((file) => file.endsWith('.js.map'));
const [mapFile] = maps;
if (maps.length !== 1 || !mapFile) {
  console.error(`[bundle] ${dir}: expected one .js.map, found ${maps.length}`);
  process.exit(1);
}
const map = JSON.parse(await readFile(join(dir, mapFile), 'utf8')) as { sources: string[] };
const twice = duplicates(map.sources);
let raw = 0;
let gzipped = 0;
for (const file of files) {
  const bytes = await readFile(join(dir, file));
  raw += bytes.length;
  gzipped += gzipSync(bytes, { level: 9 }).length;
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`Worker bundle ${dir}: ${files.length} file(s), ${kb(raw)} raw, ${kb(gzipped)} gzipped (budget ${kb(BUDGET_BYTES)}), ${map.sources.length} modules`);
for (const line of twice) console.error(`[bundle] ${line}`);
if (twice.length > 0) console.error('[bundle] a package is bundled twice: align its versions (package.json "overrides") or its build ([alias] in wrangler.toml)');
if (files.length === 0 || gzipped > BUDGET_BYTES || twice.length > 0) process.exit(1);

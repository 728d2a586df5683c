/**
 * Bundles a schema folder for the Worker: its `*.graphql` files as text, its
 * `resolvers/*.ts` (escape-hatch resolvers), the trusted documents codegen
 * wrote from its operations (`persistedDocuments`) and the query GraphiQL
 * opens on (`defaultQuery`), as one module per folder,
 * and points `.gateway/schemas/current.ts`, which wrangler.toml aliases to
 * `gateway:schema`, at it. Checks the connectors first, so that a mistake
 * fails the build with `[connect] file:line: ...`, never a request.
 *
 * `node --experimental-strip-types scripts/build-schema.ts [DIR]` (default
 * `$GATEWAY_SCHEMA`, else `schema`) prints the module's path. wrangler.toml's
 * [build] step runs it, so `GATEWAY_SCHEMA=DIR` picks the folder of any
 * wrangler command (scripts/schema-option.ts sets it for `--schema`).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildASTSchema, validateSchema } from 'graphql';
import { ConnectError, type GatewayPlan, type ReadSchema, type SchemaFile } from '../src/connect/connector-plan.ts';
import { connectorChecks } from '../src/connect/connector-checks.ts';
import { readSchemaFiles } from '../src/connect/read-schema.ts';
import { whereIn } from '../src/connect/schema-documents.ts';
import { unfilledCheck } from '../src/connect/unfilled-fields.ts';
import { emitSelection } from '../src/connect/mapping/emit.ts';
import { ROOT as root } from './project-root.ts';

export const DEFAULT_SCHEMA_DIR = 'schema';

/**
 * Where a folder's module goes, one module per folder: `schema` →
 * `.gateway/schemas/schema.ts`, `examples/blog` → `examples-blog.ts`. A slug
 * alone would blur folders (`../schema` and `schema`, `a/b` and `a-b`, `Blog`
 * and `blog` on a case-insensitive disk, `current` and the pointer
 * `current.ts`), so any other folder adds a hash of its absolute path after an
 * `_`, which no plain name contains: `../schema` → `schema_<hash>.ts`.
 */
export function schemaModulePath(dir: string): string {
  const absolute = resolve(root, dir);
  const path = relative(root, absolute).split(sep).join('/');
  const slug = path.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase();
  const name = isPlainFolder(path) ? slug : `${slug || 'project'}_${createHash('sha256').update(absolute).digest('hex').slice(0, 12)}`;
  return join(root, '.gateway', 'schemas', `${name}.ts`);
}

/** A project folder whose slug says it all: lower-case letters and digits per segment, and not the pointer's name. */
function isPlainFolder(path: string): boolean {
  return /^[a-z0-9]+(\/[a-z0-9]+)*$/.test(path) && path !== 'current';
}

/** The folder's SDL files, named as the user knows them, in name order. */
export function readSchemaFolder(dir: string): SchemaFile[] {
  const absolute = resolve(root, dir);
  if (!existsSync(absolute)) throw new ConnectError([`[schema] ${dir}: no such folder`]);
  const names = readdirSync(absolute).filter((name) => name.endsWith('.graphql')).sort();
  if (!names.length) throw new ConnectError([`[schema] ${dir}: no *.graphql files`]);
  return names.map((name) => ({ name: relative(root, join(absolute, name)), sdl: readFileSync(join(absolute, name), 'utf8') }));
}

/** The shop's folder, however it is written (`schema`, `./schema/`): its operations and typed client live in `client/`, not beside its SDL. */
export function isShopFolder(dir: string): boolean {
  return resolve(root, dir) === resolve(root, DEFAULT_SCHEMA_DIR);
}

/** The shop's example operation, where codegen finds the shop's operations (client/operations/). */
const SHOP_EXAMPLE_QUERY = 'client/operations/products.graphql';

/** What GraphiQL opens on: the shop's example query; another folder's first `operations/*.graphql` by name, or nothing when it has none. */
export function defaultQuery(dir: string): string {
  const absolute = resolve(root, dir);
  if (isShopFolder(dir)) return readFileSync(join(root, SHOP_EXAMPLE_QUERY), 'utf8');
  const operations = join(absolute, 'operations');
  const first = existsSync(operations) ? readdirSync(operations).filter((name) => name.endsWith('.graphql')).sort()[0] : undefined;
  return first ? readFileSync(join(operations, first), 'utf8') : '';
}

/**
 * Where codegen (codegen.ts) writes a folder's trusted documents, from the
 * project's root: the shop's beside its client (client/generated/), any
 * other folder's in `DIR/generated/`.
 */
export function persistedDocumentsPath(dir: string): string {
  const absolute = resolve(root, dir);
  const generated = isShopFolder(dir) ? join(root, 'client', 'generated') : join(absolute, 'generated');
  return relative(root, join(generated, 'persisted-documents.json')).split(sep).join('/');
}

/** The folder's trusted documents (`sha256:<hash>` → text), all that PERSISTED_ONLY runs: none when codegen has not written them. */
export function persistedDocuments(dir: string): Record<string, string> {
  const path = resolve(root, persistedDocumentsPath(dir));
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
}

/**
 * Everything the build checks in a folder's files: the connectors, with the
 * checks only the build runs, and then the served schema as graphql will
 * validate it on the isolate's first request (a type with no fields, an
 * interface a type does not fully implement): `buildASTSchema` alone lets
 * those through. Throws `ConnectError` listing every mistake.
 */
export function checkSchemaFiles(files: SchemaFile[], resolvedInCode: ReadonlySet<string> | 'unread'): ReadSchema {
  const read = readSchemaFiles(files, { unfilled: unfilledCheck(resolvedInCode), checks: connectorChecks });
  const invalid = validateSchema(buildASTSchema(read.typeDefs));
  if (invalid.length) {
    throw new ConnectError(invalid.map(({ message, nodes }) => `[schema] ${nodes?.[0]?.loc ? whereIn(nodes[0].loc.source, nodes[0]) : files.map((file) => file.name).join(', ')}: ${message}`));
  }
  return read;
}

/** Checks the folder, writes its module and makes it `current.ts`; answers the module's path. Throws `ConnectError` listing every mistake. */
export function buildSchemaModule(dir: string): string {
  const files = readSchemaFolder(dir);
  const resolverDir = resolve(root, dir, 'resolvers');
  const modules = existsSync(resolverDir) ? readdirSync(resolverDir).filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts')).sort() : [];
  const resolvedInCode = fieldsResolvedIn(modules.map((name) => join(resolverDir, name)));
  const { plan, warnings } = checkSchemaFiles(files, resolvedInCode);
  for (const warning of warnings) console.warn(warning);
  const out = schemaModulePath(dir);
  const imports = modules.map((name, i) => `import * as module${i} from '${relative(join(out, '..'), join(resolverDir, name)).replace(/\\/g, '/')}';`);
  const source = [
    `// Written by scripts/build-schema.ts from ${relative(root, resolve(root, dir)) || '.'}/: do not edit.`,
    ...imports,
    `const modules: Record<string, unknown>[] = [${modules.map((_, i) => `module${i}`).join(', ')}];`,
    `export default {`,
    `  files: ${JSON.stringify(files)},`,
    `  persistedDocuments: ${JSON.stringify(persistedDocuments(dir))},`,
    `  resolvers: modules.flatMap((module) => ('resolvers' in module ? [module.resolvers] : [])),`,
    `  selections: {${emittedSelections(plan).map(([text, code]) => `\n    ${JSON.stringify(text)}: ${code.replaceAll('\n', '\n    ')},`).join('')}\n  },`,
    `} as import('${relative(join(out, '..'), join(root, 'src/connect/gateway-schema.ts')).replace(/\\/g, '/')}').SchemaFolder;`,
    `export const defaultQuery = ${JSON.stringify(defaultQuery(dir))};`,
    '',
  ].join('\n');
  mkdirSync(join(out, '..'), { recursive: true });
  writeIfChanged(out, source);
  writeIfChanged(join(out, '..', 'current.ts'), `// The folder the last build took (scripts/build-schema.ts): do not edit.\nexport { default, defaultQuery } from './${basename(out)}';\n`);
  return out;
}

/** What lets the resolvers import `gateway:resolvers` in the node that reads them (below). */
const RESOLVER_IMPORTS = new URL('resolver-imports.ts', import.meta.url).href;

/**
 * The `Type.field`s the resolver modules answer (the keys of each one's
 * `resolvers`), which the connectors' selections need not fill. Read by
 * importing them in a node of their own, afresh at each build (`npm start`
 * rebuilds in one process), where their top-level code runs apart from the
 * build's; `'unread'` when one does not import in node (a Worker-only
 * import, TypeScript node cannot strip), which the build says.
 */
function fieldsResolvedIn(paths: string[]): ReadonlySet<string> | 'unread' {
  if (!paths.length) return new Set();
  const list = `import { register } from 'node:module'; register(${JSON.stringify(RESOLVER_IMPORTS)}); const fields = []; for (const url of ${JSON.stringify(paths.map((path) => pathToFileURL(path).href))}) { const { resolvers } = await import(url); for (const [type, map] of Object.entries(resolvers ?? {})) for (const field of Object.keys(map ?? {})) fields.push(type + '.' + field); } console.log(JSON.stringify(fields));`;
  const child = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', '--input-type=module', '--eval', list], { encoding: 'utf8' });
  if (child.status === 0) return new Set(JSON.parse(child.stdout.trim().split('\n').pop()!) as string[]);
  const why = /^\w*Error\b.*$/m.exec(child.stderr)?.[0] ?? child.stderr.trim().split('\n')[0];
  console.warn(`[connect] ${relative(root, join(paths[0]!, '..'))}: warning: the build could not import the resolvers to learn which fields they answer (${why}): a non-null field no selection fills is a warning, not an error`);
  return 'unread';
}

/**
 * Each connector's selection written as JavaScript (src/connect/mapping/emit.ts),
 * by its text: what maps every item of an origin's answer, at the speed of
 * hand-written code. The short expressions of URLs, headers and bodies run as
 * the closures compiled when the isolate starts.
 */
function emittedSelections(plan: GatewayPlan): [text: string, code: string][] {
  const selections = new Map([...plan.fields.values(), ...plan.entities.values()].map(({ selection }) => [selection.source, selection.ast]));
  return [...selections].map(([text, ast]) => [text, emitSelection(ast)]);
}

/** Unchanged files keep their time, so that a watching `wrangler dev` does not rebuild for nothing. */
function writeIfChanged(path: string, text: string): void {
  if (!existsSync(path) || readFileSync(path, 'utf8') !== text) writeFileSync(path, text);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.GATEWAY_SCHEMA ?? DEFAULT_SCHEMA_DIR;
  try {
    console.log(buildSchemaModule(dir));
  } catch (error) {
    console.error(error instanceof ConnectError ? error.message : error);
    process.exit(1);
  }
}

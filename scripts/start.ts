/**
 * `npm start`: the shop's origin simulator on 127.0.0.1:4010 and the gateway
 * under `wrangler dev` on 127.0.0.1:8787. Ctrl-C stops both; so does either
 * one dying. `npm start -- --schema DIR [--origin-url URL]` serves your own
 * schema folder over your own API instead, with no simulator. Settings the
 * gateway could not serve with (scripts/preflight.ts) exit 1 with their
 * `[config]` messages before anything starts; a change to the folder
 * rebuilds it while it runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, watch } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSchemaModule, schemaModulePath } from './build-schema.ts';
import { startWranglerDev, stop, waitForOk } from './dev-processes.ts';
import { preflight, type PreflightOptions } from './preflight.ts';
import { ROOT } from './project-root.ts';
import { takeSchemaOption } from './schema-option.ts';
import { workerVars } from './workerd-server.ts';
import { ConnectError } from '../src/connect/connector-plan.ts';

const SHOP_ORIGIN_URL = 'http://127.0.0.1:4010';
const GATEWAY_URL = 'http://127.0.0.1:8787';
/** What the schema build reads from a folder: its SDL, its operations (GraphiQL's default), its resolver modules and its codegen manifest (PERSISTED_ONLY's). */
const BUILD_INPUT = /^(?:[^/]+\.graphql|operations\/[^/]+\.graphql|resolvers\/[^/]+\.ts|generated\/persisted-documents\.json)$/;

const schema = takeSchemaOption(process.argv.slice(2));
const { values } = parseArgs({ args: schema.rest, options: { 'origin-url': { type: 'string' } } });
const originUrl = values['origin-url'];
const shop = schema.dir === 'schema';
// What `wrangler dev` gives the Worker: wrangler.toml's [vars], .dev.vars (else .env), and --origin-url as ORIGIN_URL.
const settings: PreflightOptions = { dir: schema.dir, wrangler: { configPath: join(ROOT, 'wrangler.toml') }, vars: originUrl ? { ORIGIN_URL: originUrl } : {} };
const problems = preflight(settings);
if (problems.length) {
  console.error(`${problems.join('\n')}\n[start] --origin-url sets ORIGIN_URL; other vars and secrets go in .dev.vars (or wrangler.toml's [vars])`);
  process.exit(1);
}

let stopping = false;
async function shutdown(code: number): Promise<never> {
  stopping = true;
  await Promise.all([origin, gateway].flatMap((child) => (child ? [stop(child)] : [])));
  process.exit(code);
}

/** A child whose end, unless asked for, ends the rest. */
function watched(child: ChildProcess): ChildProcess {
  child.once('exit', (code) => {
    if (!stopping && (child === origin || child === gateway)) void shutdown(code ?? 1);
  });
  return child;
}

// The shop's @source baseURL is this simulator; another folder's is its own, or --origin-url.
const origin = shop ? watched(spawn(process.execPath, ['--experimental-strip-types', 'simulator/cli.ts', '--port', '4010'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] })) : undefined;
const startGateway = () => watched(startWranglerDev({ port: 8787, persistTo: '.wrangler/state', schema, originUrl }));
let gateway: ChildProcess | undefined = startGateway();
process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

try {
  if (origin) await waitForOk(`${SHOP_ORIGIN_URL}/__origin/stats`, 30_000);
  await waitForOk(`${GATEWAY_URL}/healthz`, 120_000);
  // The dashboard is on only with a DASHBOARD_TOKEN (.dev.vars, or wrangler.toml's [vars]).
  const dashboard = workerVars(settings.wrangler, settings.vars).DASHBOARD_TOKEN ? 'sign in with DASHBOARD_TOKEN' : 'off: set DASHBOARD_TOKEN in .dev.vars';
  console.log(`\nGraphiQL:   ${GATEWAY_URL}/graphql   (Ctrl-C stops the gateway and the origin)\nDashboard:  ${GATEWAY_URL}/admin/dashboard   (${dashboard})\n`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
// wrangler.toml's [build] watch_dir already covers the shop's folder, its operations and its manifest (client/operations, client/generated).
if (!shop) watchSchemaFolder();

/**
 * wrangler dev runs the build again only when its own `watch_dir` folders
 * change, and bundles nothing else while it runs: a change to a file the
 * schema build reads builds the folder here (once per burst of saves, as
 * editors write several times), and a module unlike the one served restarts
 * wrangler dev on it (the Durable Objects' state stays in .wrangler/state).
 * A folder with mistakes, or settings it could not be served with, leaves
 * the last build serving.
 */
function watchSchemaFolder(): void {
  const module = schemaModulePath(schema.dir);
  let served = readFileSync(module, 'utf8');
  const changed = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // One rebuild at a time: a change during a restart waits for it.
  let rebuilding = Promise.resolve();
  watch(resolve(ROOT, schema.dir), { recursive: true }, (_event, file) => {
    const path = file?.split(sep).join('/');
    if (!path || !BUILD_INPUT.test(path)) return;
    changed.add(`${schema.dir}/${path}`);
    clearTimeout(timer);
    timer = setTimeout(() => (rebuilding = rebuilding.then(rebuild)), 200);
  });

  async function rebuild(): Promise<void> {
    if (!changed.size || stopping) return;
    const files = [...changed].join(', ');
    changed.clear();
    try {
      buildSchemaModule(schema.dir);
    } catch (error) {
      console.error(`[start] ${files} changed: the folder has mistakes, the last build still serves\n${error instanceof ConnectError ? error.message : String(error)}`);
      return;
    }
    const built = readFileSync(module, 'utf8');
    if (built === served) return;
    const problems = preflight(settings);
    if (problems.length) {
      console.error(`[start] ${files} changed: the settings cannot serve it, the last build still serves\n${problems.join('\n')}`);
      return;
    }
    console.log(`[start] ${files} changed: rebuilt ${schema.dir}, restarting wrangler dev`);
    served = built;
    const previous = gateway;
    gateway = undefined;
    if (previous) await stop(previous);
    if (stopping) return;
    gateway = startGateway();
    try {
      await waitForOk(`${GATEWAY_URL}/healthz`, 120_000);
      console.log(`[start] serving the rebuilt ${schema.dir}: ${GATEWAY_URL}/graphql`);
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      await shutdown(1);
    }
  }
}

/**
 * Runs a built Worker directly on workerd, from a generated config: no
 * `wrangler dev` proxy and no Miniflare router in front of it, Durable Objects
 * kept only for the run. `npm run serve` and the benchmark use it.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';
import { freePort, stop } from './dev-processes.ts';

export interface WorkerdServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** The main module of the bundle `wrangler deploy --dry-run --outdir` wrote, or any single-module Worker. */
  scriptPath: string;
  /** Vars and Durable Objects come from this wrangler config (`environment` names a `[env.*]`, else the top level); none for a bare script. */
  wrangler?: { configPath: string; environment?: string };
  /** Vars that override the environment's. */
  vars?: Record<string, string>;
  /** Opens workerd's inspector (Chrome DevTools protocol) on this port, for CPU profiles. */
  inspectorPort?: number;
  /** Copies of the Worker, each its own isolate listening on `port` + i (each on a free port when `port` is 0). Default 1. */
  isolates?: number;
  /** Added before every call from an edge isolate to a Durable Object, ± `objectJitterMs`. Default 0. */
  objectLatencyMs?: number;
  objectJitterMs?: number;
}

export interface WorkerdServer {
  /** The first isolate's. */
  url: string;
  /** Every isolate's, in order. */
  urls: string[];
  close(): Promise<void>;
}

/** The workerd binary that wrangler itself uses, so that `serve` runs what `deploy` was built for. */
async function workerdBinary(): Promise<string> {
  const fromWrangler = createRequire(createRequire(import.meta.url).resolve('wrangler'));
  const workerd = (await import(fromWrangler.resolve('workerd'))) as { default: string | { default: string } };
  return typeof workerd.default === 'string' ? workerd.default : workerd.default.default;
}

const text = (value: string) => JSON.stringify(value);

interface WranglerWorker {
  bindings?: Record<string, unknown>;
  durableObjects?: Record<string, string | { className: string }>;
  compatibilityDate?: string;
  compatibilityFlags?: string[];
  assets?: { directory: string; binding?: string };
}

/** The Worker as wrangler runs it locally: the environment's bindings, with `.dev.vars` (else `.env`) as its secrets. */
function wranglerWorker(wrangler: NonNullable<WorkerdServerOptions['wrangler']>): WranglerWorker {
  return unstable_getMiniflareWorkerOptions(wrangler.configPath, wrangler.environment).workerOptions as WranglerWorker;
}

/** The string vars and secrets the Worker is given: the wrangler environment's, then `vars` over them. */
function stringVars(worker: WranglerWorker | undefined, vars: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries({ ...worker?.bindings, ...vars }).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** What `startWorkerdServer` (and `wrangler dev`, for the same config) gives the Worker as vars and secrets: for checking them before it starts. */
export function workerVars(wrangler: NonNullable<WorkerdServerOptions['wrangler']>, vars: Record<string, string>): Record<string, string> {
  return stringVars(wranglerWorker(wrangler), vars);
}

const FAR_OBJECTS_MODULE = fileURLToPath(new URL('far-objects.js', import.meta.url));

interface Topology {
  /** One per isolate. */
  ports: number[];
  objectLatencyMs: number;
  objectJitterMs: number;
}

/**
 * workerd's config, in Cap'n Proto text. Each isolate is a worker service of
 * its own ("edge-0", "edge-1", ...) with its own socket; the Durable Objects
 * live in one more copy of the Worker ("objects") that every edge binds, as
 * production's locations bind the objects of the one Worker that owns them.
 * Modules are embedded (copied beside the config, since `embed` reads relative
 * to it); the objects' storage is a temporary folder that goes when the server
 * does.
 */
async function configFor(scriptPath: string, into: string, topology: Topology, wrangler: WorkerdServerOptions['wrangler'], vars: Record<string, string>): Promise<string> {
  const dir = dirname(scriptPath);
  const textModules = (await readdir(dir)).filter((file) => file.endsWith('.graphql'));
  await copyFile(scriptPath, join(into, 'index.js'));
  await copyFile(FAR_OBJECTS_MODULE, join(into, 'far-objects.js'));
  await mkdir(join(into, 'storage'));
  for (const file of textModules) await copyFile(join(dir, file), join(into, file));
  const worker = wrangler ? wranglerWorker(wrangler) : undefined;
  const assets = worker?.assets?.binding ? { binding: worker.assets.binding, directory: worker.assets.directory } : undefined;
  const configVars = Object.entries(stringVars(worker, vars));
  const durableObjects = Object.entries(worker?.durableObjects ?? {}).map(
    ([binding, target]) => [binding, typeof target === 'string' ? target : target.className] as const,
  );
  const far = topology.objectLatencyMs > 0 || topology.objectJitterMs > 0;
  const modules = (entry: 'index.js' | 'far-objects.js') => [
    `(name = ${text(entry)}, esModule = embed ${text(entry)})`,
    ...(entry === 'index.js' ? [] : [`(name = "index.js", esModule = embed "index.js")`]),
    ...textModules.map((file) => `(name = ${text(file)}, text = embed ${text(file)})`),
  ];
  const varBindings = configVars.map(([name, value]) => `(name = ${text(name)}, text = ${text(value)})`);
  const namespaceBinding = (name: string, className: string, owner?: string) =>
    `(name = ${text(name)}, durableObjectNamespace = ${owner ? `(className = ${text(className)}, serviceName = ${text(owner)})` : text(className)})`;
  const compatibility = `compatibilityDate = ${text(worker?.compatibilityDate ?? '2026-11-01')},
    compatibilityFlags = [${(worker?.compatibilityFlags ?? ['nodejs_compat']).map(text).join(', ')}],`;
  const edge = (i: number) => `(name = "edge-${i}", worker = (
    modules = [${modules(far ? 'far-objects.js' : 'index.js').join(', ')}],
    ${compatibility}
    bindings = [${[
      ...varBindings,
      ...durableObjects.map(([name, className]) => namespaceBinding(name, className, 'objects')),
      ...(assets ? [`(name = ${text(assets.binding)}, service = "assets")`] : []),
      ...(far ? [`(name = "FAR_OBJECTS", json = ${text(JSON.stringify({ latencyMs: topology.objectLatencyMs, jitterMs: topology.objectJitterMs, namespaces: durableObjects.map(([name]) => name) }))})`] : []),
    ].join(', ')}],
    globalOutbound = "internet",
  ))`;
  const objects = `(name = "objects", worker = (
    modules = [${modules('index.js').join(', ')}],
    ${compatibility}
    bindings = [${[...varBindings, ...durableObjects.map(([name, className]) => namespaceBinding(name, className))].join(', ')}],
    durableObjectNamespaces = [${durableObjects.map(([, className]) => `(className = ${text(className)}, uniqueKey = ${text(`gateway-${className}`)}, enableSql = true)`).join(', ')}],
    durableObjectStorage = (localDisk = "storage"),
    globalOutbound = "internet",
  ))`;
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    ${topology.ports.map((_, i) => edge(i)).join(',\n    ')},
    ${durableObjects.length > 0 ? `${objects},` : ''}
    # The origin is on this machine or a private network as often as not.
    (name = "internet", network = (allow = ["public", "private", "local"])),
    # SQLite-backed Durable Objects need files; they live in this run's temporary folder.
    (name = "storage", disk = (path = ${text(join(into, 'storage'))}, writable = true)),
    ${assets ? staticAssets(assets.directory, worker?.compatibilityDate) : ''}
  ],
  sockets = [${topology.ports.map((port, i) => `(name = "http-${i}", address = ${text(`127.0.0.1:${port}`)}, http = (), service = "edge-${i}")`).join(', ')}],
);
`;
}

/** The folder the build wrote, served with the content type of each file's extension, as Workers Static Assets serve it. */
function staticAssets(directory: string, compatibilityDate = '2026-11-01'): string {
  const types = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', json: 'application/json', svg: 'image/svg+xml' };
  const script = `const TYPES = ${JSON.stringify(types)};
export default {
  async fetch(request, env) {
    const file = await env.FILES.fetch(request);
    const type = TYPES[new URL(request.url).pathname.split('.').pop()];
    if (!file.ok || !type) return file;
    const response = new Response(file.body, file);
    response.headers.set('content-type', type);
    return response;
  },
};`;
  return `(name = "assets", worker = (
      modules = [(name = "assets.js", esModule = ${text(script)})],
      compatibilityDate = ${text(compatibilityDate)},
      bindings = [(name = "FILES", service = "asset-files")],
    )),
    (name = "asset-files", disk = (path = ${text(directory)}, writable = false)),`;
}

export async function startWorkerdServer(options: WorkerdServerOptions): Promise<WorkerdServer> {
  const { port, scriptPath, wrangler, vars = {}, inspectorPort, isolates = 1, objectLatencyMs = 0, objectJitterMs = 0 } = options;
  const ports: number[] = [];
  for (let i = 0; i < isolates; i++) ports.push(port ? port + i : await freePort());
  const dir = await mkdtemp(join(tmpdir(), 'workerd-'));
  const configPath = join(dir, 'config.capnp');
  await writeFile(configPath, await configFor(resolve(scriptPath), dir, { ports, objectLatencyMs, objectJitterMs }, wrangler, vars));
  const args = ['serve', configPath, '--experimental'];
  if (inspectorPort) args.push('--inspector-addr', `127.0.0.1:${inspectorPort}`);
  const child = spawn(await workerdBinary(), args, { stdio: ['ignore', 'inherit', 'pipe'] });
  passOnStderr(child);
  const urls = ports.map((listen) => `http://127.0.0.1:${listen}`);
  for (const url of urls) await waitUntilListening(url, child);
  return {
    url: urls[0]!,
    urls,
    close: async () => {
      await stop(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * workerd says once per service that a compatibility flag is now its default
 * (wrangler.toml keeps `nodejs_compat` for wrangler's own checks). With one
 * service per isolate that is several lines of noise on every start: those
 * lines are dropped, and everything else passes as it was.
 */
const FLAG_IS_DEFAULT = /^service [\w-]+: The compatibility flag \w+ became the default as of [\d-]+ so does not need to be specified anymore\.$/;

function passOnStderr(child: ReturnType<typeof spawn>): void {
  let partial = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    const kept = lines.filter((line) => !FLAG_IS_DEFAULT.test(line));
    if (kept.length) process.stderr.write(`${kept.join('\n')}\n`);
  });
  child.stderr?.on('end', () => partial && process.stderr.write(partial));
}

async function waitUntilListening(url: string, child: ReturnType<typeof spawn>): Promise<void> {
  for (let tries = 0; tries < 300; tries++) {
    if (child.exitCode !== null) throw new Error(`[serve] workerd exited with ${child.exitCode}`);
    try {
      await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(500) }).then((response) => response.body?.cancel());
      return;
    } catch {
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  throw new Error('[serve] workerd did not start listening within 30 s');
}

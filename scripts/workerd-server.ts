/**
 * Runs a built Worker directly on workerd, from a generated config: no
 * `wrangler dev` proxy and no Miniflare router in front of it, Durable Objects
 * kept only for the run. `npm run serve` and the benchmark use it.
 */
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';

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
}

export interface WorkerdServer {
  url: string;
  close(): Promise<void>;
}

/** The workerd binary that wrangler itself uses, so that `serve` runs what `deploy` was built for. */
async function workerdBinary(): Promise<string> {
  const fromWrangler = createRequire(createRequire(import.meta.url).resolve('wrangler'));
  const workerd = (await import(fromWrangler.resolve('workerd'))) as { default: string | { default: string } };
  return typeof workerd.default === 'string' ? workerd.default : workerd.default.default;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('[serve] no free port'))));
    });
  });
}

const text = (value: string) => JSON.stringify(value);

/**
 * workerd's config, in Cap'n Proto text: one worker, its modules embedded
 * (copied beside the config, since `embed` reads relative to it), its Durable
 * Objects in a temporary folder that goes when the server does.
 */
async function configFor(scriptPath: string, into: string, port: number, wrangler: WorkerdServerOptions['wrangler'], vars: Record<string, string>): Promise<string> {
  const dir = dirname(scriptPath);
  const textModules = (await readdir(dir)).filter((file) => file.endsWith('.graphql'));
  await copyFile(scriptPath, join(into, 'index.js'));
  await mkdir(join(into, 'storage'));
  for (const file of textModules) await copyFile(join(dir, file), join(into, file));
  const modules = [
    `(name = "index.js", esModule = embed "index.js")`,
    ...textModules.map((file) => `(name = ${text(file)}, text = embed ${text(file)})`),
  ];
  const worker = wrangler
    ? (unstable_getMiniflareWorkerOptions(wrangler.configPath, wrangler.environment).workerOptions as {
        bindings?: Record<string, unknown>;
        durableObjects?: Record<string, string | { className: string }>;
        compatibilityDate?: string;
        compatibilityFlags?: string[];
        assets?: { directory: string; binding?: string };
      })
    : undefined;
  const assets = worker?.assets?.binding ? { binding: worker.assets.binding, directory: worker.assets.directory } : undefined;
  const configVars = Object.entries({ ...worker?.bindings, ...vars }).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
  const durableObjects = Object.entries(worker?.durableObjects ?? {}).map(
    ([binding, target]) => [binding, typeof target === 'string' ? target : target.className] as const,
  );
  const bindings = [
    ...configVars.map(([name, value]) => `(name = ${text(name)}, text = ${text(value)})`),
    ...durableObjects.map(([name, className]) => `(name = ${text(name)}, durableObjectNamespace = ${text(className)})`),
    ...(assets ? [`(name = ${text(assets.binding)}, service = "assets")`] : []),
  ];
  const namespaces = durableObjects.map(([, className]) => `(className = ${text(className)}, uniqueKey = ${text(`gateway-${className}`)}, enableSql = true)`);
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    # The origin is on this machine or a private network as often as not.
    (name = "internet", network = (allow = ["public", "private", "local"])),
    # SQLite-backed Durable Objects need files; they live in this run's temporary folder.
    (name = "storage", disk = (path = ${text(join(into, 'storage'))}, writable = true)),
    ${assets ? staticAssets(assets.directory, worker?.compatibilityDate) : ''}
  ],
  sockets = [(name = "http", address = ${text(`127.0.0.1:${port}`)}, http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [${modules.join(', ')}],
  compatibilityDate = ${text(worker?.compatibilityDate ?? '2026-11-01')},
  compatibilityFlags = [${(worker?.compatibilityFlags ?? ['nodejs_compat']).map(text).join(', ')}],
  bindings = [${bindings.join(', ')}],
  durableObjectNamespaces = [${namespaces.join(', ')}],
  durableObjectStorage = (localDisk = "storage"),
  globalOutbound = "internet",
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

export async function startWorkerdServer({ port, scriptPath, wrangler, vars = {}, inspectorPort }: WorkerdServerOptions): Promise<WorkerdServer> {
  const listen = port || (await freePort());
  const dir = await mkdtemp(join(tmpdir(), 'workerd-'));
  const configPath = join(dir, 'config.capnp');
  await writeFile(configPath, await configFor(resolve(scriptPath), dir, listen, wrangler, vars));
  const args = ['serve', configPath, '--experimental'];
  if (inspectorPort) args.push('--inspector-addr', `127.0.0.1:${inspectorPort}`);
  const child = spawn(await workerdBinary(), args, { stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${listen}`;
  await waitUntilListening(url, child);
  return {
    url,
    close: async () => {
      if (child.exitCode === null) {
        await new Promise<void>((done) => {
          child.once('exit', () => done());
          child.kill('SIGTERM');
        });
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
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

/** Starts each system the benchmark compares, each in a process of its own, and stops it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { OriginFault, OriginStats } from '../origin/types.ts';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

export type SystemName = 'gateway' | 'yoga-workers' | 'yoga-node' | 'apollo-node' | 'origin' | 'ceiling';
export const GRAPHQL_SYSTEMS: SystemName[] = ['gateway', 'yoga-workers', 'yoga-node', 'apollo-node'];

export interface Running {
  url: string;
  /** Every isolate's URL, for a gateway started with several (the first is `url`). */
  urls: string[];
  /** The process that was launched; what serves may be its child (workerd under `npm run serve`). */
  pid: number;
  stop(): Promise<void>;
}

/** Spawns a Node script and waits for the `ready <url>` (or `origin listening on <url>`) lines it prints, `readyLines` of them. */
function launch(args: string[], env: Record<string, string> = {}, readyLines = 1): Promise<Running> {
  const child = spawn(process.execPath, ['--experimental-strip-types', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', ...env },
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => fail(new Error(`[bench] ${args.join(' ')} did not start in 60 s: ${errors}`)), 60_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    };
    child.once('exit', (code) => fail(new Error(`[bench] ${args.join(' ')} exited with ${code}: ${errors}`)));
    const urls: string[] = [];
    lines.on('line', (line) => {
      const match = /(?:^ready|listening on) (http:\/\/\S+)/.exec(line);
      if (!match?.[1] || urls.push(match[1]) < readyLines) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ url: urls[0]!, urls, pid: child.pid ?? 0, stop: () => stop(child) });
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface RunningOrigin extends Running {
  stats(): Promise<OriginStats>;
  reset(): Promise<void>;
  fault(fault: OriginFault): Promise<void>;
}

export async function startOrigin(flags: string[]): Promise<RunningOrigin> {
  const running = await launch(['origin/cli.ts', '--port', '0', ...flags]);
  const admin = async (path: string, body?: unknown) => {
    const response = await fetch(`${running.url}/__origin/${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return response.json() as Promise<unknown>;
  };
  return {
    ...running,
    stats: () => admin('stats') as Promise<OriginStats>,
    reset: async () => void (await admin('reset', { reseed: true })),
    fault: async (fault) => void (await admin('faults', fault)),
  };
}

/** The gateway as `isolates` isolates sharing one set of Durable Objects (`npm run serve -- --isolates`), with `flags` for serve. */
export function startGatewayIsolates(originUrl: string, isolates: number, flags: string[]): Promise<Running> {
  return launch(['scripts/serve.ts', '--no-build', '--port', '0', '--origin-url', originUrl, '--isolates', String(isolates), ...flags], {}, isolates);
}

/** A GraphQL system over `originUrl`; its `url` is the GraphQL endpoint. */
export function startSystem(name: SystemName, originUrl: string): Promise<Running> {
  switch (name) {
    case 'gateway':
      // The production bundle on workerd itself (no rate-limit binding there: see the README).
      return launch(['scripts/serve.ts', '--no-build', '--port', '0', '--origin-url', originUrl]);
    case 'yoga-workers':
      // Through the same path from the peer's own config; serve builds its bundle (about a second) on each start.
      return launch(['scripts/serve.ts', '--config', 'bench/peers/yoga-workers.wrangler.toml', '--port', '0', '--origin-url', originUrl]);
    case 'ceiling':
      return launch(['scripts/serve.ts', '--port', '0', '--script', 'bench/ceiling/worker.js']);
    case 'yoga-node':
    case 'apollo-node':
      return launch([`bench/peers/${name}.ts`, '--port', '0', '--origin', originUrl], { NODE_ENV: 'production' });
    case 'origin':
      throw new Error('[bench] the origin is started with startOrigin');
  }
}

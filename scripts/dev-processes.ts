/**
 * The child processes of the project's commands, tests and benchmark: a free
 * port, `wrangler dev`, a Node script started and waited for until it prints
 * that it is ready, a URL polled until it answers, and a child stopped. One
 * set for all of them. It lives in scripts/, not test/support/ (where the
 * tests' simulator client is): `npm start` and `npm run serve` use it too,
 * and the commands users run must not depend on the test folder; tests and
 * the benchmark import it from here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { ROOT } from './project-root.ts';
import type { SchemaOption } from './schema-option.ts';

export const WRANGLER = `${ROOT}node_modules/wrangler/bin/wrangler.js`;

export interface WranglerDevOptions {
  port: number;
  /** Sets ORIGIN_URL: the base URL of the schema's only source. */
  originUrl?: string;
  /** From `--schema DIR` (scripts/schema-option.ts): the folder wrangler's build step bundles. */
  schema?: SchemaOption;
  /** Where local Durable Object and cache state lives between runs. */
  persistTo: string;
  stdio?: 'inherit' | 'pipe';
}

/** `wrangler dev` on workerd, bound to loopback, with telemetry off. */
export function startWranglerDev({ port, originUrl, schema, persistTo, stdio = 'inherit' }: WranglerDevOptions): ChildProcess {
  const args = [WRANGLER, 'dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persistTo];
  if (originUrl) args.push('--var', `ORIGIN_URL:${originUrl}`);
  return spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', stdio, stdio],
    env: { ...process.env, ...schema?.env, WRANGLER_SEND_METRICS: 'false' },
  });
}

/** Polls `url` until it answers 200, or throws after `timeoutMs`. */
export async function waitForOk(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`[start] ${url} did not answer 200 within ${timeoutMs}ms`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A port nothing listens on now, for a child that must be told its port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** A child that said it is ready, and the URLs its ready lines named. */
export interface Started {
  child: ChildProcess;
  urls: string[];
}

export interface StartOptions {
  /** How many ready lines to wait for: `npm run serve` prints one per isolate. Default 1. */
  readyLines?: number;
  /** Added to this process's environment (telemetry is always off). */
  env?: Record<string, string>;
  /** `inherit` shows what the child writes there as it runs; `pipe` keeps only its end, for the error when it fails to start. Default `pipe`. */
  stderr?: 'inherit' | 'pipe';
}

/** Building a bundle and starting workerd on a busy machine fits well within this. */
const STARTUP_MS = 180_000;
/** A ready line: `ready <url>` (npm run serve, the example simulators, the benchmark's peers) or `... listening on <url>` (the origin simulator). */
const READY_LINE = /(?:^ready|listening on) (http:\/\/\S+)/;

/**
 * `node --experimental-strip-types SCRIPT ARGS` from the project's folder,
 * resolved once it has printed `readyLines` ready lines; rejected, with what
 * it printed, if it exits first or is not ready within STARTUP_MS (then it
 * is killed).
 */
export function startReady(script: string, args: string[], { readyLines = 1, env = {}, stderr = 'pipe' }: StartOptions = {}): Promise<Started> {
  const child = spawn(process.execPath, ['--experimental-strip-types', script, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', stderr],
    env: { ...process.env, ...env, WRANGLER_SEND_METRICS: 'false' },
  });
  // The end of what it printed, for the error: enough for a build's or workerd's last words.
  let printed = '';
  const keep = (text: string) => void (printed = (printed + text).slice(-4000));
  child.stderr?.on('data', (chunk: Buffer) => keep(chunk.toString()));
  return new Promise((resolve, reject) => {
    const fail = (what: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${[script, ...args].join(' ')} ${what}: ${printed}`));
    };
    const exited = (code: number | null) => fail(`exited with ${code}`);
    const timer = setTimeout(() => fail(`was not ready within ${STARTUP_MS / 1000} s`), STARTUP_MS);
    child.once('exit', exited);
    const urls: string[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => {
      keep(`${line}\n`);
      const url = READY_LINE.exec(line)?.[1];
      if (!url || urls.push(url) < readyLines) return;
      clearTimeout(timer);
      child.off('exit', exited);
      resolve({ child, urls });
    });
  });
}

/** Ends a child and waits for it, so that no port stays taken; one that ignores SIGTERM for 5 s is killed. */
export function stop(child: ChildProcess): Promise<void> {
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

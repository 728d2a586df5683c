import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SchemaOption } from './schema-option.ts';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
const WRANGLER = fileURLToPath(new URL('../node_modules/wrangler/bin/wrangler.js', import.meta.url));

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

/** Ends a child and waits for it, so that no port stays taken. */
export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * Runs a built Worker directly on workerd through Miniflare: no `wrangler dev`
 * proxy, no per-request logging, Durable Objects in memory. `npm run serve`
 * and the benchmark use it.
 */
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The bundle's entry and the text modules (the SDL) that wrangler wrote beside it. */
async function modulesOf(scriptPath: string): Promise<{ type: 'ESModule' | 'Text'; path: string }[]> {
  const dir = dirname(scriptPath);
  const texts = (await readdir(dir)).filter((file) => file.endsWith('.graphql'));
  return [{ type: 'ESModule', path: scriptPath }, ...texts.map((file) => ({ type: 'Text' as const, path: join(dir, file) }))];
}

export interface WorkerdServerOptions {
  port: number;
  /** The bundle `wrangler deploy --dry-run --outdir` wrote. */
  scriptPath: string;
  /** Bindings, Durable Objects and rate limits come from this wrangler.toml environment; none for a bare script. */
  environment?: string;
  /** Vars that override the environment's. */
  vars?: Record<string, string>;
  /** Requests a minute per client for RATE_LIMITER, in place of wrangler.toml's; 0 removes the limiter. */
  rateLimit?: number;
  /** Opens workerd's inspector (Chrome DevTools protocol) on this port, for CPU profiles. */
  inspectorPort?: number;
}

export interface WorkerdServer {
  url: string;
  close(): Promise<void>;
}

type RateLimits = Record<string, { simple: { limit: number; period: number } }>;

/** wrangler.toml's rate limits, each set to `limit` when one is given; none at all for 0. */
function withLimit(ratelimits: RateLimits | undefined, limit: number | undefined): RateLimits | undefined {
  if (limit === 0) return undefined;
  if (!ratelimits || limit === undefined) return ratelimits;
  return Object.fromEntries(Object.entries(ratelimits).map(([name, config]) => [name, { ...config, simple: { ...config.simple, limit } }]));
}

export async function startWorkerdServer({ port, scriptPath, environment, vars = {}, rateLimit, inspectorPort }: WorkerdServerOptions): Promise<WorkerdServer> {
  const fromConfig = environment ? unstable_getMiniflareWorkerOptions(`${ROOT}wrangler.toml`, environment).workerOptions : {};
  const { bindings, ratelimits, ...worker } = fromConfig as typeof fromConfig & {
    bindings?: Record<string, unknown>;
    ratelimits?: RateLimits;
  };
  const options = {
    ...worker,
    host: '127.0.0.1',
    port,
    modules: await modulesOf(scriptPath),
    modulesRoot: dirname(scriptPath),
    compatibilityDate: worker.compatibilityDate ?? '2026-11-01',
    compatibilityFlags: worker.compatibilityFlags ?? ['nodejs_compat'],
    bindings: { ...bindings, ...vars },
    inspectorPort,
    ratelimits: withLimit(ratelimits, rateLimit),
  };
  const miniflare = new Miniflare(convertV4MiniflareOptions(options as unknown as Parameters<typeof convertV4MiniflareOptions>[0]));
  const url = await miniflare.ready;
  return { url: url.href.replace(/\/$/, ''), close: () => miniflare.dispose() };
}

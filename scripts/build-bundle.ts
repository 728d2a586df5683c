/**
 * The bundle `wrangler deploy` would upload, written to a folder instead of
 * uploaded (`wrangler deploy --dry-run --outdir`): what `npm run serve` runs
 * on workerd, what the benchmark measures and what CI checks, built the
 * same way for each. As a command, for CI:
 * `node --experimental-strip-types scripts/build-bundle.ts [--schema DIR] [--env production|development] --outdir DIR`.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { WRANGLER } from './dev-processes.ts';
import { ROOT } from './project-root.ts';
import { takeSchemaOption } from './schema-option.ts';

export interface BundleOptions {
  /** The wrangler config to build; default the gateway's wrangler.toml. */
  config?: string;
  /** Its `[env.NAME]`, or undefined for its top level (see `wranglerEnvironment`). */
  environment: string | undefined;
  /** Absolute, because wrangler reads a relative one from the config's folder. */
  outdir: string;
  /** From `--schema DIR` (scripts/schema-option.ts): the folder wrangler's build step bundles. */
  env?: Record<string, string>;
}

/** The settings' wrangler environment: `development` is wrangler.toml's top level ([vars]); any other name is an [env.NAME]. */
export function wranglerEnvironment(settings: string): string | undefined {
  return settings === 'development' ? undefined : settings;
}

/** Builds the bundle into `outdir`; wrangler's errors pass through, and a failed build throws. */
export function buildBundle({ config = `${ROOT}wrangler.toml`, environment, outdir, env = {} }: BundleOptions): void {
  // `--env ""` is wrangler's name for the top level.
  execFileSync(process.execPath, [WRANGLER, 'deploy', '--dry-run', '--config', config, '--env', environment ?? '', '--outdir', outdir], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ...env, WRANGLER_SEND_METRICS: 'false' },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const schema = takeSchemaOption(process.argv.slice(2));
  const { values } = parseArgs({ args: schema.rest, options: { env: { type: 'string', default: 'production' }, outdir: { type: 'string' } } });
  if (!values.outdir) {
    console.error('usage: node --experimental-strip-types scripts/build-bundle.ts [--schema DIR] [--env production|development] --outdir DIR');
    process.exit(2);
  }
  try {
    buildBundle({ environment: wranglerEnvironment(values.env), outdir: resolve(values.outdir), env: schema.env });
  } catch {
    // wrangler has said why, on stderr.
    process.exit(1);
  }
}

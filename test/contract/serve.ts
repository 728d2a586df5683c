import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildSchemaModule, DEFAULT_SCHEMA_DIR, schemaModulePath } from '../../scripts/build-schema.ts';
import { startReady } from '../../scripts/dev-processes.ts';
import { ROOT } from '../../scripts/project-root.ts';

export interface Served {
  /** Each isolate's base URL, in the order `npm run serve` prints them. */
  urls: string[];
  child: ChildProcess;
}

/**
 * `npm run serve -- ARGS` (the bundle `wrangler deploy` uploads, on workerd
 * itself), from the project's root; resolves once it has printed `ready
 * <url>/graphql` for each of its `isolates`, and rejects, with what it
 * printed, if it exits first. What it writes to stderr shows as it runs.
 */
export async function serve(args: string[], isolates = 1): Promise<Served> {
  const { child, urls } = await startReady('scripts/serve.ts', [...args, '--isolates', String(isolates)], { readyLines: isolates, stderr: 'inherit' });
  return { urls: urls.map((url) => url.replace(/\/graphql$/, '')), child };
}

/**
 * After serving a temporary schema folder: the folder, and the module and
 * bundle its build made, go; `current.ts` points at the shop's again, as
 * `npm test` leaves it.
 */
export function removeServedFolder(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  rmSync(schemaModulePath(dir), { force: true });
  rmSync(join(ROOT, 'dist', `worker-${basename(schemaModulePath(dir), '.ts')}`), { recursive: true, force: true });
  buildSchemaModule(DEFAULT_SCHEMA_DIR);
}

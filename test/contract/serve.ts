import type { ChildProcess } from 'node:child_process';
import { startReady } from '../../scripts/dev-processes.ts';

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

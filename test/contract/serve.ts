import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SERVE = fileURLToPath(new URL('../../scripts/serve.ts', import.meta.url));

export interface Served {
  /** Each isolate's base URL, in the order `npm run serve` prints them. */
  urls: string[];
  child: ChildProcess;
}

/**
 * `npm run serve -- ARGS` (the bundle `wrangler deploy` uploads, on workerd
 * itself), from the project's root; resolves once it has printed `ready
 * <url>/graphql` for each of its `isolates`, and rejects, with what it
 * printed, if it exits first.
 */
export async function serve(args: string[], isolates = 1): Promise<Served> {
  const child = spawn(process.execPath, ['--experimental-strip-types', SERVE, ...args, '--isolates', String(isolates)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const urls = await new Promise<string[]>((resolve, reject) => {
    let printed = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const ready = [...printed.matchAll(/ready (http:\/\/\S+)\/graphql/g)].map((match) => match[1]!);
      if (ready.length === isolates) resolve(ready);
    });
    child.once('exit', (code) => reject(new Error(`[contract] npm run serve -- ${args.join(' ')} exited with ${code}: ${printed}`)));
  });
  return { urls, child };
}

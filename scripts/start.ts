/**
 * `npm start`: the origin simulator on 127.0.0.1:4010 and the gateway under
 * `wrangler dev` on 127.0.0.1:8787. Ctrl-C stops both; so does either one dying.
 */
import { spawn } from 'node:child_process';
import { ROOT, startWranglerDev, stop, waitForOk } from './dev-processes.ts';

const ORIGIN_URL = 'http://127.0.0.1:4010';
const GATEWAY_URL = 'http://127.0.0.1:8787';

const origin = spawn(process.execPath, ['--experimental-strip-types', 'origin/cli.ts', '--port', '4010'], {
  cwd: ROOT,
  stdio: ['ignore', 'inherit', 'inherit'],
});
// wrangler.toml's ORIGIN_URL is this origin.
const gateway = startWranglerDev({ port: 8787, persistTo: '.wrangler/state' });
const children = [origin, gateway];

let stopping = false;
async function shutdown(code: number): Promise<never> {
  stopping = true;
  await Promise.all(children.map(stop));
  process.exit(code);
}

for (const child of children) {
  child.once('exit', (code) => {
    if (!stopping) void shutdown(code ?? 1);
  });
}
process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

try {
  await waitForOk(`${ORIGIN_URL}/__origin/stats`, 30_000);
  await waitForOk(`${GATEWAY_URL}/healthz`, 120_000);
  console.log(`\nGraphiQL:  ${GATEWAY_URL}/graphql   (Ctrl-C stops the gateway and the origin)\n`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}

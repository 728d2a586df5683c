/**
 * `npm start`: the shop's origin simulator on 127.0.0.1:4010 and the gateway
 * under `wrangler dev` on 127.0.0.1:8787. Ctrl-C stops both; so does either
 * one dying. `npm start -- --schema DIR [--origin-url URL]` serves your own
 * schema folder over your own API instead, with no simulator.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import { ROOT, startWranglerDev, stop, waitForOk } from './dev-processes.ts';
import { takeSchemaOption } from './schema-option.ts';

const SHOP_ORIGIN_URL = 'http://127.0.0.1:4010';
const GATEWAY_URL = 'http://127.0.0.1:8787';

const schema = takeSchemaOption(process.argv.slice(2));
const { values } = parseArgs({ args: schema.rest, options: { 'origin-url': { type: 'string' } } });
const shop = schema.dir === 'schema';
const children: ChildProcess[] = [];
if (shop) {
  children.push(spawn(process.execPath, ['--experimental-strip-types', 'origin/cli.ts', '--port', '4010'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] }));
}
// The shop's @source baseURL is this simulator; another folder's is its own, or --origin-url.
children.push(startWranglerDev({ port: 8787, persistTo: '.wrangler/state', schema, originUrl: values['origin-url'] }));

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
  if (shop) await waitForOk(`${SHOP_ORIGIN_URL}/__origin/stats`, 30_000);
  await waitForOk(`${GATEWAY_URL}/healthz`, 120_000);
  console.log(`\nGraphiQL:  ${GATEWAY_URL}/graphql   (Ctrl-C stops the gateway and the origin)\n`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}

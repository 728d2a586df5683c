/**
 * `npm run codegen [-- --schema DIR]`: the typed client (codegen.ts) from the
 * schema the folder serves, then `Env` (`wrangler types`). A connector
 * mistake fails it as it fails the build.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { takeSchemaOption } from './schema-option.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const { env } = takeSchemaOption(process.argv.slice(2));
const run = (script: string, args: string[]) => {
  const { status } = spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env, WRANGLER_SEND_METRICS: 'false' } });
  if (status !== 0) process.exit(status ?? 1);
};
run('node_modules/@graphql-codegen/cli/esm/bin.js', ['--config', 'codegen.ts']);
run('node_modules/wrangler/bin/wrangler.js', ['types', '--strict-vars=false', '--include-runtime=false']);

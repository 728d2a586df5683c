/**
 * `npm run codegen [-- --schema DIR]`: the typed client (codegen.ts) from the
 * schema the folder serves, then `Env` (`wrangler types`). A connector
 * mistake fails it as it fails the build.
 */
import { spawnSync } from 'node:child_process';
import { WRANGLER } from './dev-processes.ts';
import { ROOT } from './project-root.ts';
import { takeSchemaOption } from './schema-option.ts';

const { env } = takeSchemaOption(process.argv.slice(2));
const run = (script: string, args: string[]) => {
  const { status } = spawnSync(process.execPath, [script, ...args], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env, WRANGLER_SEND_METRICS: 'false' } });
  if (status !== 0) process.exit(status ?? 1);
};
run('node_modules/@graphql-codegen/cli/esm/bin.js', ['--config', 'codegen.ts']);
run(WRANGLER, ['types', '--strict-vars=false', '--include-runtime=false']);

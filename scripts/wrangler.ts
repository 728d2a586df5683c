/**
 * `npm run deploy` and `npm run deploy:check`: wrangler with `--schema DIR`
 * (scripts/schema-option.ts) taken out and turned into its alias; every other
 * argument passes through.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { takeSchemaOption } from './schema-option.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const { wranglerArgs, env, rest } = takeSchemaOption(process.argv.slice(2));
const { status } = spawnSync(process.execPath, ['node_modules/wrangler/bin/wrangler.js', ...rest, ...wranglerArgs], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ...env },
});
process.exit(status ?? 1);

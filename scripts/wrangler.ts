/**
 * `npm run deploy` and `npm run deploy:check`: wrangler with `--schema DIR`
 * (scripts/schema-option.ts) taken out and handed to its build step; every
 * other argument passes through.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { takeSchemaOption } from './schema-option.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const { env, rest } = takeSchemaOption(process.argv.slice(2));
const { status } = spawnSync(process.execPath, ['node_modules/wrangler/bin/wrangler.js', ...rest], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ...env },
});
process.exit(status ?? 1);

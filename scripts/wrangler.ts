/**
 * `npm run deploy` and `npm run deploy:check`: wrangler with `--schema DIR`
 * (scripts/schema-option.ts) taken out and handed to its build step; every
 * other argument passes through.
 */
import { spawnSync } from 'node:child_process';
import { WRANGLER } from './dev-processes.ts';
import { ROOT } from './project-root.ts';
import { takeSchemaOption } from './schema-option.ts';

const { env, rest } = takeSchemaOption(process.argv.slice(2));
const { status } = spawnSync(process.execPath, [WRANGLER, ...rest], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, ...env },
});
process.exit(status ?? 1);

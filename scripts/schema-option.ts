/**
 * `--schema DIR` for the commands that build the Worker (`npm start`, `npm
 * run serve`, `npm run deploy`, `npm run deploy:check`, `npm run codegen`):
 * checks the folder at once (scripts/build-schema.ts), and hands it to
 * wrangler's [build] step as `GATEWAY_SCHEMA`, which bundles it again on
 * every rebuild as `gateway:schema`. Default `schema/`.
 */
import { relative, resolve } from 'node:path';
import { buildSchemaModule, DEFAULT_SCHEMA_DIR } from './build-schema.ts';
import { ROOT } from './project-root.ts';
import { ConnectError } from '../src/connect/connector-plan.ts';

export interface SchemaOption {
  /** As given, relative to the project: `examples/blog`. */
  dir: string;
  /** For wrangler's [build] step. */
  env: Record<string, string>;
  /** The rest of the arguments. */
  rest: string[];
}

/** Takes `--schema DIR` (or `--schema=DIR`) out of `args`; exits with the build's `[connect]` messages when the folder has mistakes. */
export function takeSchemaOption(args: string[]): SchemaOption {
  const rest: string[] = [];
  let dir = DEFAULT_SCHEMA_DIR;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--schema') dir = args[++i] ?? '';
    else if (arg.startsWith('--schema=')) dir = arg.slice('--schema='.length);
    else rest.push(arg);
  }
  dir = relative(ROOT, resolve(process.cwd(), dir)) || '.';
  try {
    buildSchemaModule(dir);
  } catch (error) {
    console.error(error instanceof ConnectError ? error.message : error);
    process.exit(1);
  }
  return { dir, env: { GATEWAY_SCHEMA: dir }, rest };
}

import { fileURLToPath } from 'node:url';

/**
 * The project's folder, ending in a slash: where package.json and
 * wrangler.toml are, what relative paths in the commands are read from, and
 * where every script, test and benchmark starts its child processes. The one
 * place it is computed, so that moving a file never breaks a `../../`.
 */
export const ROOT = fileURLToPath(new URL('../', import.meta.url));

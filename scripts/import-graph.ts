/**
 * src/'s import graph as dependency-cruiser reads it under the project's
 * rules (.dependency-cruiser.mjs): every module, what it imports, and each
 * import that breaks a rule. What `npm run check:layers` prints, as data.
 */
import { spawnSync } from 'node:child_process';
import type { ICruiseResult } from 'dependency-cruiser';
import { ROOT } from './project-root.ts';

const DEPCRUISE = `${ROOT}node_modules/dependency-cruiser/bin/dependency-cruiser.mjs`;
const RULES = `${ROOT}.dependency-cruiser.mjs`;

/** The graph of `src/` under `cwd` (the project's root, or a copy's for a test), with paths from `cwd`. */
export function importGraph(cwd: string = ROOT): ICruiseResult {
  // Type stripping lets the rules import scripts/layers.ts on any node the project supports.
  const run = spawnSync(process.execPath, ['--experimental-strip-types', '--no-warnings', DEPCRUISE, 'src', '--config', RULES, '--output-type', 'json'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // It exits with the number of errors it found: the graph is there all the same.
  if (!run.stdout) throw new Error(`dependency-cruiser failed: ${run.stderr || run.error}`);
  return JSON.parse(run.stdout) as ICruiseResult;
}

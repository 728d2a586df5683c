import { spawnSync } from 'node:child_process';

/**
 * Prometheus' own checker of the text format, from Debian's `prometheus`
 * package (on PATH; PROMTOOL_PATH overrides). Missing, the checks that use it
 * skip, except under CI=true, where they fail: a skipped check there would
 * pass unnoticed.
 */
const PROMTOOL = process.env.PROMTOOL_PATH ?? 'promtool';
const found = spawnSync(PROMTOOL, ['--version']).status === 0;

export const skipPromtool = !found && process.env.CI !== 'true';
if (skipPromtool) process.stderr.write("promtool checks skipped: install Debian's prometheus package (or set PROMTOOL_PATH) to run them.\n");

/** `promtool check metrics` on `text`: exit 0 with nothing printed is a text that parses and lints clean. */
export function promtoolCheck(text: string): { status: number | null; stdout: string; stderr: string } {
  if (!found) throw new Error('CI=true and promtool not found: apt-get install prometheus, or set PROMTOOL_PATH.');
  const { status, stdout, stderr } = spawnSync(PROMTOOL, ['check', 'metrics'], { input: text, encoding: 'utf8' });
  return { status, stdout, stderr };
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unstable_readConfig } from 'wrangler';
import { ROOT } from '../../scripts/project-root.ts';
import { CONFIG_VARS } from '../../src/config.ts';

const defaults = Object.fromEntries(Object.entries(CONFIG_VARS).map(([name, spec]) => [name, 'default' in spec ? spec.default : undefined]));

/** The README's configuration table: each row's var (its first code span) and default (its first code span, or undefined for "unset ..."). */
function readmeTable(): Record<string, string | undefined> {
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  const start = readme.indexOf('\n## Configuration\n');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const firstCode = (cell: string) => /`([^`]*)`/.exec(cell)?.[1];
  return Object.fromEntries(
    section
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => {
        const [name = '', fallback = ''] = line.slice(2).split(' | ');
        return [firstCode(name), fallback.startsWith('unset') ? undefined : firstCode(fallback)];
      }),
  );
}

describe("CONFIG_VARS, the one table of the gateway's vars", () => {
  const readme = readmeTable();

  it("the README's configuration table names every var in it, and no other", () => {
    expect(Object.keys(readme).sort()).toEqual(Object.keys(CONFIG_VARS).sort());
  });

  it("the README's configuration table gives each var the default it has", () => {
    expect(readme).toStrictEqual(defaults);
  });

  it.each([['the top level', undefined], ['production', 'production']])('wrangler.toml (%s) sets only vars that differ from their defaults', (_, env) => {
    const { vars } = unstable_readConfig({ config: `${ROOT}wrangler.toml`, env });
    const same = Object.entries(vars).filter(([name, value]) => defaults[name] === value);
    expect(same).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { unstable_readConfig } from 'wrangler';
import { ROOT } from '../../../scripts/project-root.ts';
import { CONFIG_VARS, type ConfigMeanings } from '../../../src/config.ts';

const defaults = Object.fromEntries(Object.entries(CONFIG_VARS).map(([name, spec]) => [name, 'default' in spec ? spec.default : undefined]));

/** The configuration reference's table (docs/reference/configuration.md, its only table): each row's var (its first code span) and default (its first code span, or undefined for "unset ..."). */
function documentedTable(): Record<string, string | undefined> {
  const section = readFileSync(`${ROOT}docs/reference/configuration.md`, 'utf8');
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
  const documented = documentedTable();

  it("the configuration reference's table names every var in it, and no other", () => {
    expect(Object.keys(documented).sort()).toEqual(Object.keys(CONFIG_VARS).sort());
  });

  it("the configuration reference's table gives each var the default it has", () => {
    expect(documented).toStrictEqual(defaults);
  });

  it('gives every var its one-line meaning, a type the typecheck holds it to', () => {
    type Unexplained = { [N in keyof ConfigMeanings]: [ConfigMeanings[N]] extends [never] ? N : string extends ConfigMeanings[N] ? N : never }[keyof ConfigMeanings];
    expectTypeOf<Unexplained>().toBeNever();
  });

  it.each([['the top level', undefined], ['production', 'production']])('wrangler.toml (%s) sets only vars that differ from their defaults', (_, env) => {
    const { vars } = unstable_readConfig({ config: `${ROOT}wrangler.toml`, env });
    const same = Object.entries(vars).filter(([name, value]) => defaults[name] === value);
    expect(same).toEqual([]);
  });
});

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULTS } from '../../../bench/scaling/inputs.ts';
import { keyFillRate, model } from '../../../bench/scaling/model.ts';

const ENTRY = fileURLToPath(new URL('../../../bench/scale-model.ts', import.meta.url));
const scaleModel = (...flags: string[]) => spawnSync(process.execPath, ['--experimental-strip-types', ENTRY, ...flags], { encoding: 'utf8' });

describe('purges in the scaling model', () => {
  it('end an entry\'s life early: a key purged far more often than its maxAge is refreshed about once per purge, and each of those is a miss', () => {
    const fill = keyFillRate(1e6, 300, 60, 0.5);
    expect(fill.fills).toBeCloseTo(0.5, 2);
    expect(fill.missShare).toBeCloseTo(1, 6);
    expect(keyFillRate(1e6, 300, 60, 0).missShare).toBe(0);
  });

  it('add refreshes, and so origin calls, to those of maxAge', () => {
    const quiet = model({ ...DEFAULTS, rps: 100_000, mutationsPerS: 0, purgesPerS: 0 });
    const busy = model({ ...DEFAULTS, rps: 100_000 });
    expect(busy.originRps - DEFAULTS.mutationsPerS).toBeGreaterThan(1.5 * quiet.originRps);
  });
});

describe('npm run scale-model', () => {
  it.each([['--locations', '0'], ['--keys', '0'], ['--index-shards', '1.5'], ['--isolate-rps', '0'], ['--rps', '0'], ['--isolates', '0']])(
    'refuses %s %s with exit code 2 rather than printing NaN',
    (flag, value) => {
      const run = scaleModel(flag, value);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^\\[scale-model\\] ${flag} must be `));
    },
  );

  it('applies --location-ttl-ms and --index-shards to the changed design of the comparison, not to the design before', () => {
    const run = scaleModel('--json', '--location-ttl-ms', '2000', '--index-shards', '8');
    expect(run.status).toBe(0);
    const { rows } = JSON.parse(run.stdout) as { rows: { design: string; figures: { purgeBoundMs: number } }[] };
    const designs = new Set(rows.map((row) => row.design));
    expect(designs).toEqual(new Set(['before: one index, no location tier', 'changed: 8 index shards, location tier 2 s']));
    const [before, changed] = rows;
    expect(changed!.figures.purgeBoundMs - before!.figures.purgeBoundMs).toBe(2000);
  });

  it('prints the lookups per isolate and in all for the local topology', () => {
    const run = scaleModel('--rps', '3000', '--locations', '1', '--isolates', '4', '--keys', '1', '--object-rtt-ms', '50', '--memory-ttl-ms', '100', '--duration-s', '10');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/over 10 s: 98\.\d per isolate, 39\d\.\d in all \(4 isolates\)/);
  });
});

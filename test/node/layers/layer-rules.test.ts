import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importGraph } from '../../../scripts/import-graph.ts';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A project of the given files (path → text) in a folder of its own, and the import rules' violations in its src/, as `rule: from → to`. */
function violations(files: Record<string, string>): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'gateway-layers-'));
  folders.push(folder);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return importGraph(folder).summary.violations.map(({ rule, from, to }) => `${rule.name}: ${from} → ${to}`).sort();
}

// dependency-cruiser reads each tree: a few seconds, more on a busy machine.
const CRUISE_MS = 120_000;

describe('the import rules of src/ (.dependency-cruiser.mjs, npm run check:layers)', () => {
  it('let every layer import the layers after it and the leaves, type-only or not', () => {
    expect(
      violations({
        'src/index.ts': "import { http } from './http/h.ts';\nimport type { I } from './invalidation/i.ts';\nexport const entry = [http] as I[];\n",
        'src/isolate.ts': "import { index } from './index.ts';\nexport const isolate = index;\n",
        'src/http/h.ts': "import { cache } from '../response-cache/r.ts';\nimport type { I } from '../invalidation/i.ts';\nexport const http: I = cache;\n",
        'src/response-cache/r.ts': "import { graphql } from '../graphql/g.ts';\nexport const cache = graphql;\n",
        'src/graphql/g.ts': "import { connect } from '../connect/c.ts';\nexport const graphql = connect;\n",
        'src/connect/c.ts': "import type { F } from '../field-cache/f.ts';\nimport { config } from '../config.ts';\nexport const connect: F = config;\n",
        'src/field-cache/f.ts': "import { upstream } from '../upstream/u.ts';\nimport type { I } from '../invalidation/i.ts';\nexport type F = I;\nexport const field = upstream;\n",
        'src/upstream/u.ts': "import { hash } from '../shared/s.ts';\nimport { wait } from '../single-flight/w.ts';\nexport const upstream = hash + wait;\n",
        'src/invalidation/i.ts': "import { hash } from '../shared/s.ts';\nexport type I = typeof hash;\n",
        'src/single-flight/w.ts': "import { hint } from '../cache-hints/p.ts';\nexport const wait = hint;\n",
        'src/cache-hints/p.ts': "import { hash } from '../shared/s.ts';\nexport const hint = hash;\n",
        'src/shared/s.ts': 'export const hash = 1;\n',
        'src/config.ts': "import { hash } from './shared/s.ts';\nexport const config = hash;\n",
      }),
    ).toEqual([]);
  }, CRUISE_MS);

  it('refuse an import of an earlier stage, of invalidation from upstream, of a stage from a leaf or invalidation, of the entry, of tooling, and a cycle', () => {
    expect(
      violations({
        'src/index.ts': 'export const entry = 1;\n',
        // A type is an import like any other.
        'src/upstream/u.ts': "import type { Admin } from '../http/h.ts';\nimport { purge } from '../invalidation/i.ts';\nexport const upstream: Admin = purge;\n",
        'src/http/h.ts': "import { entry } from '../index.ts';\nimport { fixture } from '../../test/fixture.ts';\nexport type Admin = number;\nexport const admin = entry + fixture;\n",
        'src/invalidation/i.ts': "import { cache } from '../response-cache/r.ts';\nexport const purge = cache;\n",
        'src/response-cache/r.ts': 'export const cache = 1;\n',
        'src/config.ts': "import { upstream } from './upstream/u.ts';\nexport const config = upstream;\n",
        'src/shared/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
        'src/shared/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
        'src/guards/g.ts': "import { a } from '../shared/a.ts';\nexport const guard = a;\n",
        'test/fixture.ts': 'export const fixture = 1;\n',
      }),
    ).toEqual(
      [
        'layer-upstream: src/upstream/u.ts → src/http/h.ts',
        'layer-upstream: src/upstream/u.ts → src/invalidation/i.ts',
        'layer-http: src/http/h.ts → src/index.ts',
        'src-imports-no-tooling: src/http/h.ts → test/fixture.ts',
        'layer-invalidation: src/invalidation/i.ts → src/response-cache/r.ts',
        'layer-config: src/config.ts → src/upstream/u.ts',
        // A cycle is named once, at its first module.
        'no-cycle: src/shared/a.ts → src/shared/b.ts',
        'in-a-layer: src/guards/g.ts → src/shared/a.ts',
      ].sort(),
    );
  }, CRUISE_MS);
});

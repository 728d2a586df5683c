/**
 * The import rules of src/, checked by `npm run check:layers` (first in `npm
 * test`, so in CI): no cycles, and each layer of scripts/layers.ts imports
 * only the layers it lists. Type-only imports count: a stage that names an
 * earlier stage's type is tied to it as much as one that calls it.
 */
import { fileURLToPath } from 'node:url';
import { LAYERS } from './scripts/layers.ts';

const ALL_LAYERS = LAYERS.map((layer) => layer.path);
const pathOf = (name) => LAYERS.find((layer) => layer.name === name).path;

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'A cycle ties its modules into one: none may be read, tested or moved alone.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...LAYERS.map((layer) => ({
      name: `layer-${layer.name}`,
      comment: `${layer.name} may import only itself and ${layer.mayImport.join(', ')} (scripts/layers.ts).`,
      severity: 'error',
      from: { path: layer.path },
      to: { path: '^src/', pathNot: [layer.path, ...layer.mayImport.map(pathOf)] },
    })),
    {
      name: 'in-a-layer',
      comment: 'Every module of src/ belongs to a layer of scripts/layers.ts, so that the rules above reach it.',
      severity: 'error',
      from: { path: '^src/', pathNot: ALL_LAYERS },
      to: {},
    },
    {
      name: 'src-imports-no-tooling',
      comment: 'The Worker never imports the tests, the scripts, the benchmark or the simulators.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|scripts|bench|simulator|examples)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // `import type` and type-only names count as imports.
    tsPreCompilationDeps: true,
    // Its `paths` (the schema folders' gateway:resolvers) resolve as tsc resolves them.
    tsConfig: { fileName: fileURLToPath(new URL('tsconfig.json', import.meta.url)) },
    enhancedResolveOptions: { extensions: ['.ts', '.d.ts', '.js', '.mjs'] },
  },
};

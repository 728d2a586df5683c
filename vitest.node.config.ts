import { defineProject } from 'vitest/config';

/** Tests that run in Node: the config table against its docs page and wrangler.toml, the docs' links, the origin simulator, the browser check, the scaling model and the consistency checker. */
export default defineProject({
  test: {
    name: 'node',
    environment: 'node',
    include: ['test/config/**/*.test.ts', 'test/docs/**/*.test.ts', 'test/connect/**/*.test.ts', 'test/simulator/**/*.test.ts', 'test/browser/**/*.test.ts', 'test/scale-model/**/*.test.ts', 'test/consistency/**/*.test.ts', 'test/examples/**/*.test.ts'],
    testTimeout: 30_000,
  },
});

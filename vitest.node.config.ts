import { defineProject } from 'vitest/config';

/** Tests that run in Node: the config table against its docs page and wrangler.toml, the docs' links, the origin simulator, the browser check, the scaling model and the consistency checker. */
export default defineProject({
  test: {
    name: 'node',
    environment: 'node',
    include: ['test/node/**/*.test.ts'],
    testTimeout: 30_000,
  },
});

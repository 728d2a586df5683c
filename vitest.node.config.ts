import { defineProject } from 'vitest/config';

/** Tests that run in Node: the origin simulator and the browser check. */
export default defineProject({
  test: {
    name: 'node',
    environment: 'node',
    include: ['test/simulator/**/*.test.ts', 'test/browser/**/*.test.ts'],
    testTimeout: 30_000,
  },
});

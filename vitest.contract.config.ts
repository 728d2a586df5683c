import { defineProject } from 'vitest/config';

/**
 * The contract suite: the bundle `wrangler deploy` would upload, run by
 * `npm run serve` on workerd, over HTTP, in production and development
 * settings. What users meet is checked on what ships, not only in the pool.
 */
export default defineProject({
  test: {
    name: 'contract',
    environment: 'node',
    include: ['test/contract/**/*.test.ts'],
    globalSetup: ['test/contract/setup.ts'],
    // The files share the two servers and read their origins' counters: one file at a time.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});

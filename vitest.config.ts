import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['vitest.node.config.ts', 'vitest.workers.config.ts', 'vitest.contract.config.ts'],
    // The gateway logs a JSON line per request: show logs only for tests that fail.
    silent: 'passed-only',
  },
});

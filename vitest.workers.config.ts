import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineProject } from 'vitest/config';

/**
 * The gateway's tests, inside workerd with the Worker's own wrangler.toml, over
 * the real origin simulator that the global setup starts.
 */
export default defineProject({
  plugins: [
    cloudflareTest(({ inject }) => ({
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        bindings: {
          ORIGIN_URL: inject('originUrl'),
          // Short, so that the hang and lease tests end quickly; still far above the simulator's latency.
          ORIGIN_TIMEOUT_MS: '1000',
          CACHE_LOCK_TIMEOUT_MS: '1500',
          CACHE_LOCK_LEASE_MS: '3000',
          PURGE_TOKEN: 'test-purge-token',
          CACHE_SCOPE_SECRET: 'test-scope-secret',
        },
      },
    })),
  ],
  test: {
    name: 'workers',
    include: ['test/**/*.test.ts'],
    exclude: ['test/simulator/**', 'test/browser/**'],
    globalSetup: ['test/setup/origin.ts'],
    // Every file shares one origin and reads its counters: one file at a time.
    fileParallelism: false,
  },
});

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
          SHIELD_ORIGIN_URL: inject('shieldOriginUrl'),
          // Short, so that the hang and lease tests end quickly; still far above the simulator's latency.
          ORIGIN_TIMEOUT_MS: '1000',
          CACHE_LOCK_TIMEOUT_MS: '1500',
          CACHE_LOCK_LEASE_MS: '3000',
          // Off for the suites in general (they fail the origin on purpose); the breaker's own suite turns it on.
          ORIGIN_BREAKER_FAILURES: '1000000',
          PURGE_TOKEN: 'test-purge-token',
          CACHE_SCOPE_SECRET: 'test-scope-secret',
        },
        // Generous for the suites that send thousands of requests from one client; the rate-limit suite uses the tight one.
        ratelimits: {
          RATE_LIMITER: { namespace_id: '1001', simple: { limit: 1_000_000, period: 60 } },
          TIGHT_RATE_LIMITER: { namespace_id: '1002', simple: { limit: 5, period: 60 } },
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

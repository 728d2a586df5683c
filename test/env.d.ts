// Bindings that only the test configuration (vitest.workers.config.ts) adds.
declare namespace Cloudflare {
  interface Env {
    /** A second origin simulator, started with --max-concurrency 8 and 100 ms of latency. */
    SHIELD_ORIGIN_URL: string;
    /** 5 requests a minute per client. */
    TIGHT_RATE_LIMITER: RateLimit;
  }
}

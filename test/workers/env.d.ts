// Bindings that only the test configuration (vitest.workers.config.ts) adds.
declare namespace Cloudflare {
  interface Env {
    /** The origin simulator the global setup starts (wrangler.toml sets none: the schema's @source names the default). */
    ORIGIN_URL: string;
    /** A second origin simulator, started with --max-concurrency 8 and 100 ms of latency. */
    SHIELD_ORIGIN_URL: string;
    /** 5 requests a minute per client. */
    TIGHT_RATE_LIMITER: RateLimit;
  }
}

interface Env {
  /** As above, for code that names the global `Env`. */
  ORIGIN_URL: string;
}

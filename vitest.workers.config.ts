import { fileURLToPath } from 'node:url';
import { cloudflareTest } from '@cloudflare/vitest-plugin';
import { defineProject } from 'vitest/config';

/**
 * workerd logs every connection the origin simulator drops on purpose (fault
 * modes `down` and `reset`), even when the Worker catches the failed fetch.
 * The plugin gives Miniflare its own log handler, which writes each workerd
 * message (a line, with its `stack:` line if any) in one `write` to
 * process.stdout/stderr; its `miniflare` options only reach the Worker, and
 * this Miniflare has no `handleRuntimeStdio`. So exactly these messages are
 * dropped at the stream, and everything else passes as it was.
 */
const DROPPED_CONNECTION_LOGS = [
  /^exception = rust\/worker\/ffi\.rs:\d+: disconnected: (client error \(SendRequest\)|HTTP body: error reading a body from connection)$/,
  /^uncaught exception; source = Uncaught \(in promise\); stack = Error: Network connection lost\.$/,
  /^uncaught exception; exception = workerd\/jsg\/value\.h:\d+: disconnected: jsg\.Error: Network connection lost\.$/,
];
const WORKERD_STACK = /^stack:( \S*workerd@[0-9a-f]+)+$/;

function isDroppedConnectionLog(chunk: unknown): boolean {
  if (typeof chunk !== 'string' || !chunk.endsWith('\n')) return false;
  const [message = '', ...stack] = chunk.slice(0, -1).split('\n');
  return DROPPED_CONNECTION_LOGS.some((log) => log.test(message)) && stack.every((line) => WORKERD_STACK.test(line));
}

const filtered = Symbol.for('gateway.droppedConnectionLogsFiltered');
for (const stream of [process.stdout, process.stderr] as (NodeJS.WriteStream & { [filtered]?: true })[]) {
  if (stream[filtered]) continue;
  stream[filtered] = true;
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  // An empty write in its place still calls the writer's callback, if any.
  stream.write = ((chunk: unknown, ...rest: unknown[]) => write(isDroppedConnectionLog(chunk) ? '' : chunk, ...rest)) as typeof stream.write;
}

/**
 * The gateway's tests, inside workerd with the Worker's own wrangler.toml, over
 * the real origin simulator that the global setup starts.
 */
export default defineProject({
  // The schema folder as `npm test` bundles it first (scripts/build-schema.ts), as wrangler's [alias] does for the build.
  resolve: { alias: { 'gateway:schema': fileURLToPath(new URL('./.gateway/schemas/schema.ts', import.meta.url)) } },
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
          // A request's flush waits this long in its waitUntil, which `fetchWorker` waits for: short, so that tests are not held 5 s a request.
          ANALYTICS_FLUSH_MS: '5',
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
    include: ['test/workers/**/*.test.ts'],
    globalSetup: ['test/workers/setup/origin.ts'],
    // Every file shares one origin and reads its counters: one file at a time.
    fileParallelism: false,
  },
});

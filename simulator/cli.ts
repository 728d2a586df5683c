import { runCommand } from './command-line.ts';
import { DEFAULT_CONFIG, type OriginConfig } from './options.ts';
import { startOrigin } from './server.ts';

const DEFAULT_PORT = 4010;

const USAGE = `usage: node --experimental-strip-types simulator/cli.ts [options]
  --port <n>             port to listen on, 0 for any free port (default ${DEFAULT_PORT})
  --host <host>          interface to bind (default ${DEFAULT_CONFIG.host})
  --products <n>         number of seeded products (default ${DEFAULT_CONFIG.products})
  --latency-ms <n>       delay before every /api answer (default ${DEFAULT_CONFIG.latencyMs})
  --jitter-ms <n>        random +/- spread around the latency (default ${DEFAULT_CONFIG.jitterMs})
  --max-concurrency <n>  /api requests in flight before answering 503, 0 = unlimited (default 0)
  --crash-seconds <s>    after a 503 for capacity, answer 503 to everything for s seconds (default 0 = off)
  --help                 show this help`;

await runCommand({
  name: 'origin',
  usage: USAGE,
  defaultPort: DEFAULT_PORT,
  numericFlags: [
    ['products', 'products'],
    ['latency-ms', 'latencyMs'],
    ['jitter-ms', 'jitterMs'],
    ['max-concurrency', 'maxConcurrency'],
    ['crash-seconds', 'crashSeconds'],
  ],
  start: startOrigin,
  readyLine: (url, options) => `origin listening on ${url} (${describe({ ...DEFAULT_CONFIG, ...options })})`,
});

function describe(config: OriginConfig): string {
  const parts = [`latency ${config.latencyMs}ms`];
  if (config.jitterMs > 0) parts.push(`jitter ${config.jitterMs}ms`);
  parts.push(`${config.products} products`);
  if (config.maxConcurrency > 0) parts.push(`max concurrency ${config.maxConcurrency}`);
  if (config.crashSeconds > 0) parts.push(`crash ${config.crashSeconds}s`);
  return parts.join(', ');
}

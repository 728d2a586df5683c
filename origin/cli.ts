import { parseArgs } from 'node:util';
import { checkOption, DEFAULT_CONFIG, type NumericOption, type OriginConfig, type OriginOptions } from './options.ts';
import { startOrigin } from './server.ts';

const DEFAULT_PORT = 4010;

const NUMERIC_FLAGS = [
  ['port', 'port'],
  ['products', 'products'],
  ['latency-ms', 'latencyMs'],
  ['jitter-ms', 'jitterMs'],
  ['max-concurrency', 'maxConcurrency'],
  ['crash-seconds', 'crashSeconds'],
] as const satisfies readonly (readonly [string, NumericOption])[];

const USAGE = `usage: node --experimental-strip-types origin/cli.ts [options]
  --port <n>             port to listen on, 0 for any free port (default ${DEFAULT_PORT})
  --host <host>          interface to bind (default ${DEFAULT_CONFIG.host})
  --products <n>         number of seeded products (default ${DEFAULT_CONFIG.products})
  --latency-ms <n>       delay before every /api answer (default ${DEFAULT_CONFIG.latencyMs})
  --jitter-ms <n>        random +/- spread around the latency (default ${DEFAULT_CONFIG.jitterMs})
  --max-concurrency <n>  /api requests in flight before answering 503, 0 = unlimited (default 0)
  --crash-seconds <s>    after a 503 for capacity, answer 503 to everything for s seconds (default 0 = off)
  --help                 show this help`;

/** Parses argv into origin options; throws an Error with a user-facing message on any bad flag. */
function parseOptions(args: string[]): OriginOptions | 'help' {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      products: { type: 'string' },
      'latency-ms': { type: 'string' },
      'jitter-ms': { type: 'string' },
      'max-concurrency': { type: 'string' },
      'crash-seconds': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help === true) return 'help';
  const options: OriginOptions = { port: DEFAULT_PORT };
  for (const [flag, name] of NUMERIC_FLAGS) {
    const raw = values[flag];
    if (raw === undefined) continue;
    const value = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
    options[name] = checkOption(name, value, `--${flag}`);
  }
  if (values.host !== undefined) {
    if (values.host === '') throw new Error('--host must not be empty');
    options.host = values.host;
  }
  return options;
}

async function main(): Promise<void> {
  let options: OriginOptions | 'help';
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`origin: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }

  const origin = await startOrigin(options);
  console.log(`origin listening on ${origin.url} (${describe({ ...DEFAULT_CONFIG, ...options })})`);
  const shutdown = (): void => {
    origin.close().catch((error: unknown) => {
      console.error('origin: error while stopping', error);
      process.exitCode = 1;
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

function describe(config: OriginConfig): string {
  const parts = [`latency ${config.latencyMs}ms`];
  if (config.jitterMs > 0) parts.push(`jitter ${config.jitterMs}ms`);
  parts.push(`${config.products} products`);
  if (config.maxConcurrency > 0) parts.push(`max concurrency ${config.maxConcurrency}`);
  if (config.crashSeconds > 0) parts.push(`crash ${config.crashSeconds}s`);
  return parts.join(', ');
}

main().catch((error: unknown) => {
  console.error(`origin: failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

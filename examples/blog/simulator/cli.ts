import { parseArgs } from 'node:util';
import { startBlogOrigin, type BlogOriginOptions, type RunningBlogOrigin } from './server.ts';

const DEFAULT_PORT = 4020;

const USAGE = `usage: node --experimental-strip-types examples/blog/simulator/cli.ts [options]
  --port <n>        port to listen on, 0 for any free port (default ${DEFAULT_PORT})
  --host <host>     interface to bind (default 127.0.0.1)
  --latency-ms <n>  delay before every API answer (default 0)
  --help            show this help`;

/** argv as options; throws an Error with a user-facing message on any bad flag. */
function parseOptions(args: string[]): BlogOriginOptions | 'help' {
  const { values } = parseArgs({
    args,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'latency-ms': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help === true) return 'help';
  const options: BlogOriginOptions = { port: values.port === undefined ? DEFAULT_PORT : whole(values.port, '--port') };
  if (values['latency-ms'] !== undefined) options.latencyMs = whole(values['latency-ms'], '--latency-ms');
  if (values.host !== undefined) options.host = values.host;
  return options;
}

function whole(raw: string, flag: string): number {
  if (!/^\d+$/.test(raw)) throw new Error(`${flag} must be a whole number, not "${raw}"`);
  return Number(raw);
}

async function main(): Promise<void> {
  let options: BlogOriginOptions | 'help';
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`blog: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options === 'help') return void console.log(USAGE);

  let origin: RunningBlogOrigin;
  try {
    origin = await startBlogOrigin(options);
  } catch (error) {
    // A RangeError names the flag's option: a usage mistake, not a failure to start.
    const usage = error instanceof RangeError;
    console.error(`blog: ${usage ? '' : 'failed to start: '}${error instanceof Error ? error.message : String(error)}${usage ? `\n\n${USAGE}` : ''}`);
    process.exitCode = usage ? 2 : 1;
    return;
  }
  console.log(`ready ${origin.url}`);
  const shutdown = (): void => {
    origin.close().catch((error: unknown) => {
      console.error('blog: error while stopping', error);
      process.exitCode = 1;
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

await main();

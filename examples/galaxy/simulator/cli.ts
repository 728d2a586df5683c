import { runCommand } from '../../../simulator/command-line.ts';
import { startGalaxyOrigin } from './server.ts';

const DEFAULT_PORT = 4030;

const USAGE = `usage: node --experimental-strip-types examples/galaxy/simulator/cli.ts [options]
  --port <n>        port to listen on, 0 for any free port (default ${DEFAULT_PORT})
  --host <host>     interface to bind (default 127.0.0.1)
  --latency-ms <n>  delay before every API answer (default 0)
  --help            show this help`;

await runCommand({
  name: 'galaxy',
  usage: USAGE,
  defaultPort: DEFAULT_PORT,
  numericFlags: [['latency-ms', 'latencyMs']],
  start: startGalaxyOrigin,
  readyLine: (url) => `ready ${url}`,
});

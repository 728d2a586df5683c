/**
 * `npm run serve -- [--port 8788] [--origin-url URL] [--env production|development] [--var NAME:VALUE ...]`:
 * the bundle `wrangler deploy` would upload, on workerd itself, for trying
 * production mode locally, for the contract suite and for the benchmark.
 * Builds first (`wrangler deploy --dry-run --outdir`). The rate-limit binding
 * is Cloudflare's, not workerd's: it is absent here.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startWorkerdServer } from './workerd-server.ts';

const USAGE =
  'usage: npm run serve -- [--port 8788] [--origin-url URL] [--env production|development] [--var NAME:VALUE ...] [--log] [--no-build] [--script bare-worker.js]';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8788' },
    'origin-url': { type: 'string', default: 'http://127.0.0.1:4010' },
    env: { type: 'string', default: 'production' },
    var: { type: 'string', multiple: true, default: [] },
    'no-build': { type: 'boolean', default: false },
    log: { type: 'boolean', default: false },
    script: { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(`[serve] ${message}\n${USAGE}`);
  process.exit(2);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0) fail(`--port must be a port number, not "${values.port}"`);
// `development` is wrangler.toml's top level ([vars]); any other name is an [env.NAME].
const environment = values.env === 'development' ? undefined : values.env;
const vars = Object.fromEntries(
  values.var.map((pair) => {
    const at = pair.indexOf(':');
    if (at < 1) fail(`--var takes NAME:VALUE, not "${pair}"`);
    return [pair.slice(0, at), pair.slice(at + 1)];
  }),
);

const root = fileURLToPath(new URL('../', import.meta.url));
if (!values['no-build'] && !values.script) {
  // `--env ""` is wrangler's name for the top level.
  execFileSync(process.execPath, ['node_modules/wrangler/bin/wrangler.js', 'deploy', '--dry-run', '--env', environment ?? '', '--outdir', 'dist/worker'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
}
// `--script`: a bare Worker with no bindings (the benchmark's ceiling).
const server = values.script
  ? await startWorkerdServer({ port, scriptPath: values.script })
  : await startWorkerdServer({
      port,
      scriptPath: `${root}dist/worker/index.js`,
      wrangler: { environment },
      vars: { ORIGIN_URL: values['origin-url'], LOG_REQUESTS: String(values.log), ...vars },
    });
console.log(`ready ${server.url}/graphql`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

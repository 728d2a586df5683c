/**
 * `npm run serve -- [--port 8788] [--origin-url URL] [--env production]`:
 * the production bundle on workerd itself, for trying production mode locally
 * and for the benchmark. Builds first (`wrangler deploy --dry-run --outdir`).
 * The rate-limit binding is Cloudflare's, not workerd's: it is absent here.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startWorkerdServer } from './workerd-server.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8788' },
    'origin-url': { type: 'string', default: 'http://127.0.0.1:4010' },
    env: { type: 'string', default: 'production' },
    'no-build': { type: 'boolean', default: false },
    log: { type: 'boolean', default: false },
    script: { type: 'string' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0) {
  console.error('usage: npm run serve -- [--port 8788] [--origin-url URL] [--env production] [--log] [--no-build] [--script bare-worker.js]');
  process.exit(2);
}

const root = fileURLToPath(new URL('../', import.meta.url));
if (!values['no-build'] && !values.script) {
  execFileSync(process.execPath, ['node_modules/wrangler/bin/wrangler.js', 'deploy', '--dry-run', '--env', values.env, '--outdir', 'dist/worker'], {
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
      environment: values.env,
      vars: { ORIGIN_URL: values['origin-url'], LOG_REQUESTS: String(values.log) },
    });
console.log(`ready ${server.url}/graphql`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

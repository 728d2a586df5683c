/**
 * `npm run serve -- [--schema schema] [--config wrangler.toml] [--port 8788] [--isolates N] [--object-latency-ms M] [--origin-url URL] [--env production|development] [--var NAME:VALUE ...] [--inspector-port P]`:
 * the bundle `wrangler deploy` would upload, on workerd itself, for trying
 * production mode locally, for the contract suite and for the benchmark (which
 * also serves its yoga-workers peer this way, from that peer's own config).
 * Builds first (`wrangler deploy --dry-run --outdir`). The rate-limit binding
 * is Cloudflare's, not workerd's: it is absent here. Settings the gateway
 * could not serve with (scripts/preflight.ts) exit 1 with their `[config]`
 * messages, before the build.
 */
import { existsSync } from 'node:fs';
import { basename, extname, join, parse, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { unstable_readConfig } from 'wrangler';
import { buildBundle, wranglerEnvironment } from './build-bundle.ts';
import { DEFAULT_SCHEMA_DIR, schemaModulePath } from './build-schema.ts';
import { preflight } from './preflight.ts';
import { ROOT } from './project-root.ts';
import { takeSchemaOption } from './schema-option.ts';
import { startWorkerdServer } from './workerd-server.ts';

const USAGE =
  'usage: npm run serve -- [--schema schema] [--config wrangler.toml] [--port 8788] [--isolates 1] [--object-latency-ms 0] [--object-jitter-ms 0] [--origin-url URL] [--env production|development] [--var NAME:VALUE ...] [--log] [--no-build] [--script bare-worker.js] [--inspector-port 9229]';

const schemaOption = takeSchemaOption(process.argv.slice(2));
const { values } = parseArgs({
  args: schemaOption.rest,
  options: {
    config: { type: 'string' },
    port: { type: 'string', default: '8788' },
    'origin-url': { type: 'string' },
    env: { type: 'string', default: 'production' },
    var: { type: 'string', multiple: true, default: [] },
    'no-build': { type: 'boolean', default: false },
    log: { type: 'boolean', default: false },
    script: { type: 'string' },
    isolates: { type: 'string', default: '1' },
    'object-latency-ms': { type: 'string', default: '0' },
    'object-jitter-ms': { type: 'string', default: '0' },
    'inspector-port': { type: 'string' },
  },
});

function fail(message: string): never {
  console.error(`[serve] ${message}\n${USAGE}`);
  process.exit(2);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0) fail(`--port must be a port number, not "${values.port}"`);
const isolates = Number(values.isolates);
if (!Number.isInteger(isolates) || isolates < 1) fail(`--isolates must be a whole number of at least 1, not "${values.isolates}"`);
const objectLatencyMs = Number(values['object-latency-ms']);
const objectJitterMs = Number(values['object-jitter-ms']);
if (!(objectLatencyMs >= 0)) fail(`--object-latency-ms must be a number of milliseconds, not "${values['object-latency-ms']}"`);
if (!(objectJitterMs >= 0 && objectJitterMs <= objectLatencyMs)) fail(`--object-jitter-ms must be between 0 and --object-latency-ms, not "${values['object-jitter-ms']}"`);
const inspectorPort = values['inspector-port'] === undefined ? undefined : Number(values['inspector-port']);
if (inspectorPort !== undefined && !(Number.isInteger(inspectorPort) && inspectorPort > 0)) fail(`--inspector-port must be a port number, not "${values['inspector-port']}"`);
const environment = wranglerEnvironment(values.env);
const vars = Object.fromEntries(
  values.var.map((pair) => {
    const at = pair.indexOf(':');
    if (at < 1) fail(`--var takes NAME:VALUE, not "${pair}"`);
    return [pair.slice(0, at), pair.slice(at + 1)];
  }),
);

const gatewayConfig = `${ROOT}wrangler.toml`;
const config = values.config ? resolve(values.config) : gatewayConfig;
if (!existsSync(config)) fail(`--config must be a wrangler config file, not "${values.config}"`);
// Any other config's bundle goes beside the gateway's, named after its file: bench/peers/yoga-workers.wrangler.toml → dist/yoga-workers.
// Absolute, because wrangler resolves a relative --outdir from the config's folder.
// A schema folder other than schema/ builds beside it: dist/worker-examples-blog.
// Named as its module is (scripts/build-schema.ts), so that two folders never share a bundle.
const schemaSuffix = schemaOption.dir === DEFAULT_SCHEMA_DIR ? '' : `-${basename(schemaModulePath(schemaOption.dir), '.ts')}`;
const outdir = config === gatewayConfig ? `${ROOT}dist/worker${schemaSuffix}` : `${ROOT}dist/${basename(config, extname(config)).replace(/\.wrangler$/, '')}`;
// Without --origin-url, the schema's @source baseURL (or wrangler.toml's ORIGIN_URL, if set) stands.
const givenVars = { ...(values['origin-url'] ? { ORIGIN_URL: values['origin-url'] } : {}), LOG_REQUESTS: String(values.log), ...vars };
if (config === gatewayConfig && !values.script) {
  // Settings the gateway's isolate would refuse on its first request stop here, before the build and before "ready".
  const problems = preflight({ dir: schemaOption.dir, wrangler: { configPath: config, environment }, vars: givenVars });
  if (problems.length) {
    console.error(`${problems.join('\n')}\n[serve] --origin-url sets ORIGIN_URL; --var NAME:VALUE sets any other var or secret`);
    process.exit(1);
  }
}
if (!values['no-build'] && !values.script) buildBundle({ config, environment, outdir, env: schemaOption.env });

/** wrangler names the bundle's main module after the config's `main`: src/index.ts → dist/worker/index.js. */
function mainModule(): string {
  const { main } = unstable_readConfig({ config, env: environment });
  if (!main) fail(`${config} has no main`);
  return join(outdir, `${parse(main).name}.js`);
}

// `--script`: a bare Worker with no bindings (the benchmark's ceiling).
const topology = { port, isolates, objectLatencyMs, objectJitterMs, inspectorPort };
const server = values.script
  ? await startWorkerdServer({ ...topology, scriptPath: values.script })
  : await startWorkerdServer({
      ...topology,
      scriptPath: mainModule(),
      wrangler: { configPath: config, environment },
      vars: givenVars,
    });
// One line per isolate, in order: the first is the one a single-URL caller takes.
for (const url of server.urls) console.log(`ready ${url}/graphql`);
const stop = () => void server.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

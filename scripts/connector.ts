/**
 * `npm run connector -- --schema DIR <Coordinate> [--args JSON] [--this JSON] [--origin-url URL] [--var NAME:VALUE ...] [--header NAME:VALUE ...]`:
 * runs one connector of a schema folder against its origin, outside the
 * Worker, and prints what happens at each step: the request sent (secrets
 * redacted), the origin's raw answer, the value the selection makes of it,
 * and each mapping error at its line and column in the selection. The
 * offline counterpart of Apollo's Mapping Playground and `rover connector
 * run` (docs/connectors/workbench.md).
 *
 * The request is the gateway's own (`buildRequest`), sent by the gateway's
 * origin client, with the base URLs and `$config` resolved from the vars as
 * an isolate resolves them; there is no cache, batching or shield.
 * Exit codes: 0 called and mapped, 1 the origin failed, 2 a usage error.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig, type GatewayConfig } from '../src/config.ts';
import { resolveBaseUrls } from '../src/connect/base-urls.ts';
import { ConnectError, connectorReads, type ConnectorPlan, type EntityPlan, type GatewayPlan } from '../src/connect/connector-plan.ts';
import { connectorChecks } from '../src/connect/connector-checks.ts';
import { readSchemaFiles } from '../src/connect/read-schema.ts';
import { identityOf, keyFields, keyObject } from '../src/connect/entity-key.ts';
import { answerFailure } from '../src/connect/map-answer.ts';
import { buildRequest, connectorVariables, type ConnectorRequest, type SourceSettings } from '../src/connect/http-request.ts';
import type { MappingError } from '../src/connect/mapping/index.ts';
import { applySelection, variablesRead, type Variables } from '../src/connect/selection.ts';
import { missingConfig, resolveSourceConfig } from '../src/connect/source-config.ts';
import { createOriginClient, type OriginAnswer } from '../src/upstream/client.ts';
import { upstreamToGraphQL } from '../src/connect/upstream-to-graphql.ts';
import { UpstreamError } from '../src/upstream/upstream-error.ts';
import { readSchemaFolder } from './build-schema.ts';
import { ROOT } from './project-root.ts';

const USAGE =
  'usage: npm run connector -- --schema DIR <Type.field | EntityType> [--args JSON] [--this JSON] [--origin-url URL] [--var NAME:VALUE ...] [--header NAME:VALUE ...]';

const REDACTED = '[redacted]';
/** A body is shown whole up to these; past them, an excerpt that says how much was left out. */
const MAX_ITEMS = 10;
const MAX_STRING = 400;
const MAX_LINES = 150;

function usage(message: string): never {
  console.error(`[connector] ${message}\n${USAGE}`);
  process.exit(2);
}

const { values, positionals } = readArgs();
if (positionals.length !== 1) usage(positionals.length ? `one coordinate, not ${positionals.join(' ')}` : 'which connector? Give its coordinate');
const coordinate = positionals[0]!;

const plan = readPlan(values.schema);
const connector = coordinate.includes('.') ? plan.fields.get(coordinate) : plan.entities.get(coordinate);
if (!connector) usage(`${values.schema} has no connector ${coordinate}. Its connectors:\n${listConnectors(plan)}`);
const entity = coordinate.includes('.') ? undefined : (connector as EntityPlan);

const config = configOf();
const settings = settingsOf(connector, config);
const incoming = new Headers(values.header.map((pair) => splitPair(pair, '--header')));
const variables = connectorVariables(connector, ownVariables(), settings, config.connectorEnv, incoming);

/** Whole header values never shown: the identity headers (`authorization` and `cookie` whatever `IDENTITY_HEADERS` says) and cookies set. */
const secretHeaders = new Set(['authorization', 'cookie', 'set-cookie', ...config.cache.identityHeaders]);
/**
 * Every `$config` value of the source and every `$env` value (`ENV_<NAME>`
 * vars and secrets, which any connector may read), with the forms a URL or
 * JSON body gives each, longest first, so that one holding another is hidden whole.
 */
const secretTexts = [...new Set([...Object.values(settings.config), ...Object.values(config.connectorEnv)].flatMap((value) => (value ? [value, encodeURIComponent(value), new URLSearchParams({ v: value }).toString().slice(2), JSON.stringify(value).slice(1, -1)] : [])))].sort(
  (a, b) => b.length - a.length,
);

console.log(`connector ${connector.name} (${connector.where})${connector.source ? `, source "${connector.source.name}" at ${settings.baseUrl}` : ''}`);
for (const name of ['args', 'this', 'batch'] as const) if (variables[name] !== undefined) console.log(`$${name} ${JSON.stringify(variables[name])}`);
console.log(`selection:\n${indent(connector.selection.source.trim())}`);

process.exit(connector.http ? await call(connector) : mapOnly(connector));

/** A connector without `http`: its selection maps `$args` and `$this`, as the gateway does, with no call. */
function mapOnly(connector: ConnectorPlan): number {
  section('request');
  console.log('none: this connector has no http; its selection maps $args and $this');
  showMapping(connector, variables.this, variables);
  return 0;
}

async function call(connector: ConnectorPlan): Promise<number> {
  let request: ConnectorRequest;
  try {
    request = buildRequest(connector, variables, settings, incoming);
  } catch (error) {
    section('request');
    console.log(`not sent: ${(error as Error).message}`);
    return 2;
  }
  const exchanges = tapFetch();
  const origin = createOriginClient({ timeoutMs: config.originTimeoutMs, honorCacheControl: config.cache.honorOriginCacheControl, maxBodyBytes: config.originMaxBodyBytes });
  let answer: OriginAnswer<unknown>;
  try {
    answer = await origin.request(request);
  } catch (error) {
    await showExchanges(exchanges);
    section('origin failure');
    const shown = error instanceof UpstreamError ? upstreamToGraphQL(error) : undefined;
    // What the client would see, then the transport's request line, which holds the URL as sent, secrets and all.
    console.log(hideSecrets(`${shown ? `${String(shown.extensions.code)}: ${shown.message}\n` : ''}${(error as Error).message}`));
    return 1;
  }
  await showExchanges(exchanges);
  // As the gateway maps an answer (src/connect/map-answer.ts mapAnswer): with `$status` and `$response`, after `isSuccess` and `errors`.
  const mapped: Variables = { ...variables, status: answer.status, response: { headers: answer.headers } };
  if (connector.errors && !showOutcome(connector, answer, mapped)) return 1;
  if (answer.body == null && !variablesRead(connector.selection).length) {
    section('mapped value');
    console.log('null: the origin answered nothing');
    return 0;
  }
  showMapping(connector, answer.body, mapped);
  return 0;
}

/** `isSuccess` (unset: a 2xx status) and, for a failed answer, the error the gateway makes with `errors`. Answers whether it was a success. */
function showOutcome(connector: ConnectorPlan, answer: OriginAnswer<unknown>, mapped: Variables): boolean {
  const { isSuccess } = connector.errors!;
  const failure = answerFailure(connector, answer, mapped);
  section('outcome');
  console.log(`${failure ? 'failure' : 'success'}: ${isSuccess ? `isSuccess "${isSuccess.source.trim()}"` : `status ${answer.status}`}`);
  if (!failure) return true;
  console.log(`the gateway answers this error, not the selection's value:\n${pretty({ message: failure.message, extensions: failure.extensions })}`);
  return false;
}

/** The selection applied to `input`: the value the field gets, then each mapping error at its place in the selection's text. */
function showMapping({ selection }: ConnectorPlan, input: unknown, mapped: Variables): void {
  const errors: MappingError[] = [];
  const value = applySelection(selection, input, mapped, 'null', errors);
  section('mapped value');
  if (entity?.batch) {
    // The gateway matches a batch's items to the keys asked by their key fields, never by position.
    const asked = identityOf(variables.batch && (variables.batch as unknown[])[0], entity.key);
    const found = Array.isArray(value) ? value.find((item) => identityOf(item, entity.key) === asked) : undefined;
    console.log(`the selection made ${Array.isArray(value) ? `a list of ${value.length}` : 'no list'}; ${entity.type} ${asked} is:`);
    console.log(pretty(found ?? null));
  } else {
    console.log(pretty(value));
  }
  section('mapping errors');
  if (!errors.length) console.log('none');
  for (const error of errors) console.log(located(selection.source, error.offset, error.message));
}

/** `line:column message`, then the selection's line with a caret under the place. */
function located(text: string, offset: number, message: string): string {
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = before.at(-1)!.length + 1;
  const source = text.split('\n')[line - 1]!;
  return `${line}:${column} ${message}\n  ${source}\n  ${' '.repeat(column - 1)}^`;
}

interface Exchange {
  method: string;
  url: string;
  headers: [string, string][];
  body: string;
  response?: { status: number; statusText: string; headers: [string, string][]; body: Promise<string> };
  /** Why no response came: the network's error, or the timeout. */
  failure?: string;
}

/** Records what the origin client sends and receives (every try and redirect), as it is on the wire, for printing; the client itself is unchanged. */
function tapFetch(): Exchange[] {
  const exchanges: Exchange[] = [];
  const send = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const sent = new Request(input, init);
    const exchange: Exchange = { method: sent.method, url: sent.url, headers: [...sent.headers], body: await sent.text() };
    exchanges.push(exchange);
    let response: Response;
    try {
      response = await send(input, init);
    } catch (error) {
      exchange.failure = describeFailure(error);
      throw error;
    }
    exchange.response = { status: response.status, statusText: response.statusText, headers: [...response.headers], body: response.clone().text() };
    return response;
  };
  return exchanges;
}

async function showExchanges(exchanges: Exchange[]): Promise<void> {
  for (const [index, exchange] of exchanges.entries()) {
    const of = exchanges.length > 1 ? ` ${index + 1} of ${exchanges.length}` : '';
    section(`request${of}`);
    console.log(`${exchange.method} ${hideSecrets(exchange.url)}`);
    for (const [name, value] of exchange.headers) console.log(`${name}: ${secretHeaders.has(name) ? REDACTED : hideSecrets(value)}`);
    console.log(exchange.body ? `\n${hideSecrets(bodyText(exchange.body))}` : '\n(no body)');
    const { response } = exchange;
    section(`response${of}`);
    if (!response) {
      console.log(`none: ${exchange.failure ?? 'no answer'}`);
      continue;
    }
    console.log(`${response.status} ${response.statusText}`);
    for (const [name, value] of response.headers) console.log(`${name}: ${secretHeaders.has(name) ? REDACTED : value}`);
    const body = await response.body.catch((error: unknown) => `(unreadable: ${(error as Error).message})`);
    console.log(body ? `\n${bodyText(body)}` : '\n(empty body)');
  }
}

/** fetch's error and the reason under it (`fetch failed` alone says nothing). */
function describeFailure(error: unknown): string {
  const { message, cause } = error as Error & { cause?: unknown };
  return cause instanceof Error ? `${message}: ${cause.message}` : message;
}

/** `$config`'s and `$env`'s values, wherever they went: a header template, a query parameter, a body. */
function hideSecrets(text: string): string {
  return secretTexts.reduce((hidden, secret) => hidden.replaceAll(secret, REDACTED), text);
}

/** JSON pretty and shortened, anything else as text up to a length. */
function bodyText(text: string): string {
  try {
    return pretty(JSON.parse(text));
  } catch {
    return text.length > MAX_STRING * 10 ? `${text.slice(0, MAX_STRING * 10)}\n… (${text.length} characters in all)` : text;
  }
}

/** Pretty JSON, with long lists, long strings and then too many lines cut, each cut saying what it left out. */
function pretty(value: unknown): string {
  const lines = JSON.stringify(shortened(value), null, 2).split('\n');
  return lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), `… ${lines.length - MAX_LINES} more lines`].join('\n') : lines.join('\n');
}

function shortened(value: unknown): unknown {
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}… (${value.length} characters)` : value;
  if (Array.isArray(value)) {
    const kept = value.slice(0, MAX_ITEMS).map(shortened);
    return value.length > MAX_ITEMS ? [...kept, `… ${value.length - MAX_ITEMS} more items`] : kept;
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, each]) => [key, shortened(each)]));
  return value;
}

function section(title: string): void {
  console.log(`\n── ${title} ──`);
}

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}

function readArgs() {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        schema: { type: 'string', default: 'schema' },
        args: { type: 'string' },
        this: { type: 'string' },
        'origin-url': { type: 'string' },
        var: { type: 'string', multiple: true, default: [] },
        header: { type: 'string', multiple: true, default: [] },
      },
    });
  } catch (error) {
    usage((error as Error).message);
  }
}

/** The folder's connectors, checked as the build checks them; a mistake is printed as the build prints it. */
function readPlan(dir: string): GatewayPlan {
  try {
    return readSchemaFiles(readSchemaFolder(relative(ROOT, resolve(process.cwd(), dir)) || '.'), { checks: connectorChecks }).plan;
  } catch (error) {
    if (error instanceof ConnectError) usage(error.message);
    throw error;
  }
}

/** Each connector with the flags it needs: the `$args` and `$this` fields it reads, or an entity's key. */
function listConnectors(plan: GatewayPlan): string {
  const sample = (flag: string, fields: string[]) => (fields.length ? ` ${flag} '{${fields.map((field) => `"${field}": ...`).join(', ')}}'` : '');
  const fields = [...plan.fields.values()].map((each) => {
    const reads = connectorReads(each);
    const keysOf = (name: string) => [...new Set(reads.flatMap((read) => (read.name === name && read.keys[0] ? [read.keys[0]] : [])))];
    return `  ${each.name}${sample('--args', keysOf('$args'))}${sample('--this', keysOf('$this'))}`;
  });
  const entities = [...plan.entities.values()].map((each) => `  ${each.type}${sample('--this', keyFields(each.key))}`);
  return [...fields, ...entities].join('\n') || '  none';
}

/** The Worker's settings from `--var` (and `--origin-url` as `ORIGIN_URL`), read as an isolate reads its vars. */
function configOf(): GatewayConfig {
  const vars = Object.fromEntries(values.var.map((pair) => splitPair(pair, '--var')));
  if (values['origin-url']) vars.ORIGIN_URL = values['origin-url'];
  try {
    return readConfig(vars);
  } catch (error) {
    usage((error as Error).message);
  }
}

/** What the gateway gives a connector of this source: its base URL, where URLs from the data may lead, and its `$config` (as src/connect/connectors.ts does). */
function settingsOf(connector: ConnectorPlan, config: GatewayConfig): SourceSettings {
  let baseUrls: Map<string, string>;
  try {
    baseUrls = resolveBaseUrls(plan.sources, config);
  } catch (error) {
    usage((error as Error).message);
  }
  if (!connector.source) return { baseUrl: '', origins: new Set([...baseUrls.values()].map((url) => new URL(url).origin)), config: {} };
  const sourceConfig = resolveSourceConfig(plan.sources, config);
  // The isolate refuses to start without a `$config` value a connector reads; here, one this connector reads.
  const missing = missingConfig({ fields: new Map([[connector.name, connector]]), entities: new Map() }, sourceConfig);
  if (missing.length) usage(missing.join('\n'));
  const baseUrl = baseUrls.get(connector.source.name)!;
  return { baseUrl, origins: new Set([new URL(baseUrl).origin]), config: sourceConfig.get(connector.source.name) ?? {} };
}

/**
 * The field's `$args` and parent (`$this`); for an entity, its key from
 * `--this`, as the gateway passes it: in `$batch` (a list of one), `$this`,
 * or `$args` for a root field marked `entity: true`.
 */
function ownVariables(): Variables {
  const args = jsonObject('--args', values.args);
  const parent = jsonObject('--this', values.this);
  if (!entity) return { args: args ?? {}, this: parent };
  if (args) usage(`${entity.type} is an entity connector: give its key with --this, not --args`);
  const identity = identityOf(parent, entity.key);
  if (identity === undefined) usage(`${entity.type} is fetched by its key "${entity.key}": give it with --this '{"${keyFields(entity.key)[0]}": ...}'`);
  const key = keyObject(identity, entity.key);
  if (entity.batch) return { batch: [key] };
  return entity.byField ? { args: key } : { this: key };
}

function jsonObject(flag: string, text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    usage(`${flag} must be JSON: ${(error as Error).message}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) usage(`${flag} must be a JSON object, not ${text}`);
  return value as Record<string, unknown>;
}

function splitPair(pair: string, flag: string): [string, string] {
  const at = pair.indexOf(':');
  if (at < 1) usage(`${flag} takes NAME:VALUE, not "${pair}"`);
  return [pair.slice(0, at), pair.slice(at + 1)];
}

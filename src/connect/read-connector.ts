/** `@source` and `@connect` read into the plan's sources and connectors: requests, headers, errors, batch size. */
import type { ConstDirectiveNode } from 'graphql';
import { connectorReads, HTTP_METHODS, type ConnectorPlan, type ErrorMapping, type ErrorSelections, type HeaderRule, type RequestParts, type SourcePlan } from './connector-plan.ts';
import { argumentsOf, readSelection, readTemplate } from './directive-values.ts';
import type { ReadContext } from './read-context.ts';
import { outputNames, type Selection } from './selection.ts';
import { baseUrlVar } from './source-vars.ts';

/** A `@source` into the plan's sources, unless it is a mistake. */
export function readSource(context: ReadContext, directive: ConstDirectiveNode, at: string): void {
  const { plan, report } = context;
  const args = argumentsOf(directive);
  const http = (args.http ?? {}) as Record<string, unknown>;
  if (typeof args.name !== 'string' || !args.name) return report(at, '@source needs a name');
  if (typeof http.baseURL !== 'string' || !http.baseURL) return report(at, `@source "${args.name}" needs http: { baseURL: "https://..." }`);
  if (plan.sources.some((known) => known.name === args.name)) return report(at, `@source "${args.name}" is declared twice`);
  // A placeholder (`<YOUR_URL>/v1`) is a template's way to say "set me": the var that sets it is named, and the isolate refuses to start without it.
  if (!/^https?:\/\//.test(http.baseURL)) context.warn(at, `@source "${args.name}" has no http(s) baseURL ("${http.baseURL}"): set ${baseUrlVar(args.name)}`);
  plan.sources.push({
    name: args.name,
    baseURL: http.baseURL.replace(/\/+$/, ''),
    headers: readHeaders(context, http.headers, at, directive),
    requestParts: http.path === undefined && http.queryParams === undefined ? undefined : readRequestParts(context, http, at, directive),
    errors: readErrors(context, args.errors, at, directive),
    isSuccess: args.isSuccess === undefined ? undefined : readSelection(context, args.isSuccess, at, 'isSuccess', [directive, ['isSuccess']]),
  });
}

/** A `@connect` on `name` (`Query.post`, or a type), with the headers its expressions read; none when it is a mistake. */
export function readConnector(context: ReadContext, directive: ConstDirectiveNode, name: string, at: string): ConnectorPlan | undefined {
  const { plan, report } = context;
  const args = argumentsOf(directive);
  let source: SourcePlan | undefined;
  if (args.source !== undefined) {
    source = plan.sources.find((known) => known.name === args.source);
    if (!source) {
      const known = plan.sources.map((each) => `"${each.name}"`).join(', ') || 'none';
      return void report(at, `@connect on ${name} names source "${String(args.source)}", which no @source declares (declared: ${known})`);
    }
  }
  const selection = readSelection(context, args.selection, at, 'selection', [directive, ['selection']]);
  if (!selection) return undefined;
  context.connectDirectives.set(selection, directive);
  const errors = readErrorMapping(context, args, source, at, directive);
  const maxBatchSize = readMaxBatchSize(context, args.batch, at);
  const common = { name, source, selection, requestHeaders: [], responseHeaders: [], errors, maxBatchSize, where: at };
  if (args.http === undefined) return withHeadersRead({ ...common, http: undefined });
  const http = args.http as Record<string, unknown>;
  const methods = HTTP_METHODS.filter((method) => http[method] !== undefined);
  if (methods.length !== 1) return void report(at, `@connect on ${name}: http needs exactly one of ${HTTP_METHODS.join(', ')}`);
  const method = methods[0]!;
  const path = readTemplate(context, http[method], at, `http.${method}`, [directive, ['http', method]]);
  if (!path) return undefined;
  if (!source && !/^(https?:\/\/|\{)/.test(path.source)) return void report(at, `@connect on ${name}: a path without a source must be a full http(s) URL`);
  const body = http.body === undefined ? undefined : readSelection(context, http.body, at, 'http.body', [directive, ['http', 'body']]);
  return withHeadersRead({ ...common, http: { method, template: path, ...readRequestParts(context, http, at, directive), body, headers: readHeaders(context, http.headers, at, directive) } });
}

function readRequestParts(context: ReadContext, http: Record<string, unknown>, at: string, directive: ConstDirectiveNode): RequestParts {
  return {
    path: http.path === undefined ? undefined : readSelection(context, http.path, at, 'http.path', [directive, ['http', 'path']]),
    queryParams: http.queryParams === undefined ? undefined : readSelection(context, http.queryParams, at, 'http.queryParams', [directive, ['http', 'queryParams']]),
  };
}

function readErrors(context: ReadContext, value: unknown, at: string, directive: ConstDirectiveNode): ErrorSelections | undefined {
  if (value === undefined) return undefined;
  const { message, extensions } = (value ?? {}) as Record<string, unknown>;
  const text = message === undefined ? undefined : readSelection(context, message, at, 'errors.message', [directive, ['errors', 'message']]);
  // `message: "detail"` selects `{ detail }`, an object, which is no message: the text is `$.detail`.
  if (text?.ast.kind === 'named') context.warn(at, `errors.message "${text.source.trim()}" makes an object, not text: every failure will read "Request failed" (a path such as "$.${outputNames(text)[0] ?? 'message'}" gives the text)`);
  return {
    message: text,
    extensions: extensions === undefined ? undefined : readSelection(context, extensions, at, 'errors.extensions', [directive, ['errors', 'extensions']]),
  };
}

function readErrorMapping(context: ReadContext, args: Record<string, unknown>, source: SourcePlan | undefined, at: string, directive: ConstDirectiveNode): ErrorMapping | undefined {
  const own = readErrors(context, args.errors, at, directive) ?? {};
  const isSuccess = args.isSuccess === undefined ? source?.isSuccess : readSelection(context, args.isSuccess, at, 'isSuccess', [directive, ['isSuccess']]);
  const message = own.message ?? source?.errors?.message;
  const extensions = [source?.errors?.extensions, own.extensions].filter((each): each is Selection => each !== undefined);
  return message || extensions.length || isSuccess ? { message, extensions, isSuccess } : undefined;
}

function readMaxBatchSize(context: ReadContext, value: unknown, at: string): number | undefined {
  if (value === undefined) return undefined;
  const { maxSize } = (value ?? {}) as Record<string, unknown>;
  if (maxSize === undefined) return undefined;
  if (typeof maxSize !== 'number' || !Number.isInteger(maxSize) || maxSize < 1) return void context.report(at, `batch: { maxSize } must be a positive whole number, not ${JSON.stringify(maxSize)}`);
  return maxSize;
}

function readHeaders(context: ReadContext, value: unknown, at: string, directive: ConstDirectiveNode): HeaderRule[] {
  if (value === undefined) return [];
  const rules: HeaderRule[] = [];
  const list = Array.isArray(value) ? value : [value];
  for (const [index, rule] of list.entries()) {
    const { name, from, value: fixed } = (rule ?? {}) as Record<string, unknown>;
    if (typeof name !== 'string' || !name) context.report(at, 'a header needs a name');
    else if (typeof from === 'string') rules.push({ name: name.toLowerCase(), from: from.toLowerCase() });
    else if (typeof fixed !== 'string') context.report(at, `header "${name}" needs from: "<client header>" or value: "<text>"`);
    else if (!fixed.includes('{')) rules.push({ name: name.toLowerCase(), value: fixed });
    else {
      const template = readTemplate(context, fixed, at, `header "${name}"`, [directive, ['http', 'headers', ...(Array.isArray(value) ? [index] : []), 'value']]);
      if (template) rules.push({ name: name.toLowerCase(), value: fixed, template });
    }
  }
  return rules;
}

/** The connector with the headers its expressions read: the client's as `$request.headers.<name>`, the answer's as `$response.headers.<name>`. */
function withHeadersRead(connector: ConnectorPlan): ConnectorPlan {
  const reads = connectorReads(connector);
  const named = (variable: string) => [...new Set(reads.flatMap((read) => (read.name === variable && read.keys[0] === 'headers' && read.keys[1] ? [read.keys[1].toLowerCase()] : [])))];
  return { ...connector, requestHeaders: named('$request'), responseHeaders: named('$response') };
}

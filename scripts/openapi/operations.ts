/**
 * The document's operations, each as one GraphQL field with its connector:
 * GET is a `Query` field (or a field of the entity whose path it extends),
 * every other method a `Mutation` field; path, query, header and cookie
 * parameters become arguments, a JSON body an input type sent as `body:`.
 * What a connector cannot do is answered as a reason (unexpressible.ts).
 */
import { answerName, canonicalAnswer } from './answer-names.ts';
import { JSON_SCALAR, inputType, outputType, resolve, type TypeRegistry } from './graphql-types.ts';
import type { Json } from './json-pointer.ts';
import { fieldName, selectionKey, unique } from './names.ts';
import type { ArgDef, FieldDef } from './sdl-model.ts';
import { gqlString, namedType } from './sdl-model.ts';
import { enumMatch, indent, selectionOf, unionSelection } from './selection.ts';

export const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

export interface Operation {
  method: (typeof METHODS)[number];
  path: string;
  op: Json;
  /** Path-level and operation-level parameters, refs followed, the operation's winning. */
  params: Json[];
  tag: string | undefined;
  /** The field's name: the operationId camelCased, else method and path. */
  name: string;
  security: Json[];
}

export interface Filters {
  tags?: string[];
  paths?: string[];
}

/** `/repos/{owner}/*` matches any path below `/repos/{owner}/`; a pattern without `*` matches that path and the ones below it. */
export function pathMatches(path: string, pattern: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}${pattern.includes('*') ? '$' : '(/.*)?$'}`);
  return regex.test(path);
}

export function collectOperations(registry: TypeRegistry, filters: Filters): Operation[] {
  const document = registry.document;
  const taken = new Set<string>();
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries((document.paths as Json | undefined) ?? {})) {
    if (filters.paths?.length && !filters.paths.some((pattern) => pathMatches(path, pattern))) continue;
    const pathItem = resolve(registry, item).schema;
    for (const method of METHODS) {
      const op = pathItem[method] as Json | undefined;
      if (!op) continue;
      const tag = (op.tags as string[] | undefined)?.[0];
      if (filters.tags?.length && !(op.tags as string[] | undefined)?.some((one) => filters.tags!.includes(one))) continue;
      const params = new Map<string, Json>();
      for (const param of [...((pathItem.parameters as unknown[]) ?? []), ...((op.parameters as unknown[]) ?? [])]) {
        const resolved = resolve(registry, param).schema;
        params.set(`${resolved.in}:${resolved.name}`, resolved);
      }
      const name = unique(fieldName(typeof op.operationId === 'string' ? op.operationId : `${method} ${path.replace(/[{}]/g, ' by ')}`), taken);
      operations.push({ method, path, op, params: [...params.values()], tag, name, security: ((op.security ?? document.security) as Json[] | undefined) ?? [] });
    }
  }
  return operations;
}

/** The JSON media type of a content map, if any. */
export function jsonMedia(content: Json | undefined): Json | undefined {
  if (!content) return undefined;
  const key = Object.keys(content).find((type) => /^application\/([\w.+-]*\+)?json\b/.test(type) || type === '*/*');
  return key ? (content[key] as Json) : undefined;
}

/** The success response: the first 2xx, else `default`. */
export function successResponse(registry: TypeRegistry, op: Json): Json | undefined {
  const responses = (op.responses as Json | undefined) ?? {};
  const code = Object.keys(responses).sort().find((status) => /^2/.test(status)) ?? ('default' in responses ? 'default' : undefined);
  return code ? resolve(registry, responses[code]).schema : undefined;
}

/** Why a connector cannot express this operation, or nothing when it can. */
export function unexpressibleReason(registry: TypeRegistry, operation: Operation): string | undefined {
  const body = operation.op.requestBody ? resolve(registry, operation.op.requestBody).schema : undefined;
  const bodyTypes = Object.keys((body?.content as Json | undefined) ?? {});
  if (bodyTypes.some((type) => type.startsWith('multipart/'))) return 'multipart upload: a connector sends JSON or form-encoded bodies only';
  if (bodyTypes.length && !jsonMedia(body!.content as Json) && !bodyTypes.includes('application/x-www-form-urlencoded')) return `request body ${bodyTypes.join(', ')}: a connector sends JSON or form-encoded bodies only`;
  // GitHub's tarball: no 2xx at all, only a redirect to the file, which a connector would download whole.
  const statuses = Object.keys((operation.op.responses as Json | undefined) ?? {});
  const redirects = statuses.filter((status) => /^3/.test(status));
  if (redirects.length && !statuses.some((status) => /^2/.test(status))) return `answers only a redirect (${redirects.join(', ')}), to a download: a connector reads JSON`;
  const response = successResponse(registry, operation.op);
  const types = Object.keys((response?.content as Json | undefined) ?? {});
  if (types.includes('text/event-stream')) return 'streaming (text/event-stream): a connector reads one JSON answer';
  if (types.length && !jsonMedia(response!.content as Json)) return `answers ${types.join(', ')} (a download or a non-JSON body): a connector reads JSON`;
  return undefined;
}

export interface BuiltField {
  field: FieldDef;
  /** The connector's pieces, for pagination, entities and cache hints to add to. */
  http: { method: string; url: string; queryParams: string[]; headers: string[]; body?: string };
  selection: string;
  /** What the field answers, before a page type wraps it. */
  result: ReturnType<typeof outputType> | undefined;
  /** Arguments by path parameter name. */
  pathArgs: Map<string, string>;
}

/** The arguments, request and answer of one operation, as a field; `thisArgs` maps path parameters an entity's key gives (`$this.id`). */
export function buildField(registry: TypeRegistry, operation: Operation, source: string, thisArgs: Map<string, string> = new Map()): BuiltField {
  const { op } = operation;
  const args: ArgDef[] = [];
  const taken = new Set<string>();
  const queryParams: string[] = [];
  const headers: string[] = [];
  const cookies: string[] = [];
  const pathArgs = new Map<string, string>();
  let url = operation.path;
  for (const param of operation.params) {
    const paramName = String(param.name);
    if (param.in === 'path' && thisArgs.has(paramName)) {
      url = url.replaceAll(`{${paramName}}`, `{$this.${thisArgs.get(paramName)}}`);
      continue;
    }
    const arg = unique(fieldName(paramName), taken);
    const required = param.in === 'path' || param.required === true;
    const schema = (param.schema ?? jsonMedia(param.content as Json | undefined)?.schema ?? { type: 'string' }) as Json;
    const type = param.in === 'path' && /id$/i.test(paramName) ? 'ID!' : inputType(registry, schema, `${operation.name}_${paramName}`, paramName, required);
    const fallback = resolve(registry, schema).schema.default;
    const isEnum = registry.types.get(namedType(type))?.kind === 'enum';
    const defaultValue = fallback === undefined || type.startsWith('[') || namedType(type) === JSON_SCALAR ? undefined : isEnum ? String(fallback) : JSON.stringify(fallback);
    args.push({ name: arg, type, description: param.description as string | undefined, defaultValue });
    const value = `$args.${arg}`;
    if (param.in === 'path') {
      pathArgs.set(paramName, arg);
      url = url.replaceAll(`{${paramName}}`, `{${value}}`);
    } else if (param.in === 'query') queryParams.push(`${selectionKey(paramName)}: ${type.startsWith('[') && param.explode === false ? `${value}->joinNotNull(',')` : value}`);
    else if (param.in === 'header') headers.push(`{ name: ${JSON.stringify(paramName)}, value: "{${value}}" }`);
    else if (param.in === 'cookie') cookies.push(`${paramName}={${value}}`);
  }
  if (cookies.length) headers.push(`{ name: "cookie", value: ${JSON.stringify(cookies.join('; '))} }`);

  let body: string | undefined;
  const requestBody = op.requestBody ? resolve(registry, op.requestBody).schema : undefined;
  if (requestBody) {
    const content = requestBody.content as Json;
    const media = jsonMedia(content) ?? (content['application/x-www-form-urlencoded'] as Json | undefined);
    if (!jsonMedia(content)) headers.push('{ name: "content-type", value: "application/x-www-form-urlencoded" }');
    const schema = (media?.schema ?? {}) as Json;
    const type = inputType(registry, schema, `${operation.name}_input`, 'input', requestBody.required === true);
    const input = registry.types.get(namedType(type));
    const arg = unique(input?.kind === 'input' && !type.startsWith('[') ? 'input' : 'body', taken);
    args.push({ name: arg, type, description: requestBody.description as string | undefined });
    body = input?.kind === 'input' && !type.startsWith('[') ? `$args.${arg} {\n${inputSelection(registry, input.name, [])}\n}` : `$args.${arg}`;
  }

  const response = successResponse(registry, op);
  const media = jsonMedia(response?.content as Json | undefined);
  const answer = media ? canonicalAnswer(registry, (media.schema ?? {}) as Json) : undefined;
  const result = answer ? outputType(registry, answer, answerName(registry, answer, operation), '', false, true) : undefined;
  const selection = result ? resultSelection(registry, result) : '$(true)';
  const field: FieldDef = {
    name: operation.name,
    type: result?.type ?? 'Boolean',
    description: [op.summary, op.description].filter((text) => typeof text === 'string' && text.trim()).join('\n\n') || undefined,
    args,
    comments: [...(result?.comments ?? []), ...(result ? [] : ['the API answers no JSON: true when the call succeeded'])],
    source: { kind: 'connector' },
  };
  if (op.deprecated === true) field.directives = ['@deprecated'];
  return { field, http: { method: operation.method.toUpperCase(), url, queryParams, headers, body }, selection, result, pathArgs };
}

/** The selection of an answer of type `result`: an object's fields, a union's members, a scalar as it is. */
export function resultSelection(registry: TypeRegistry, result: ReturnType<typeof outputType>): string {
  if (result.shape === 'object') return selectionOf(registry, result.named);
  if (result.shape === 'union') return unionSelection(registry, result.named);
  if (result.enumMap) return `$${enumMatch(result.enumMap)}`;
  return '$';
}

/** An input type sent back under the API's keys: `api_key: apiKey`, nested inputs by their own. */
function inputSelection(registry: TypeRegistry, name: string, stack: string[]): string {
  return registry.types
    .get(name)!
    .fields.map((field) => {
      const key = field.source?.kind === 'value' ? field.source.key : field.name;
      const nested = registry.types.get(namedType(field.type));
      const head = key === field.name ? field.name : `${selectionKey(key)}: ${field.name}`;
      if (nested?.kind === 'input' && !stack.includes(nested.name)) return `  ${head} {\n${indent(inputSelection(registry, nested.name, [...stack, name]))}\n  }`;
      return `  ${head}`;
    })
    .join('\n');
}

/** `@connect(...)` as SDL. */
export function connectDirective(source: string, http: BuiltField['http'], selection: string, extra: string[] = []): string {
  const parts = [`${http.method}: ${JSON.stringify(http.url)}`];
  if (http.queryParams.length) parts.push(`queryParams: ${gqlString(http.queryParams.join('\n'))}`);
  if (http.headers.length) parts.push(`headers: [${http.headers.join(', ')}]`);
  if (http.body) parts.push(`body: ${gqlString(http.body)}`);
  const httpText = parts.some((part) => part.includes('\n')) ? `{\n    ${parts.join('\n').replaceAll('\n', '\n    ')}\n  }` : `{ ${parts.join(', ')} }`;
  return `@connect(\n  source: ${JSON.stringify(source)}\n  http: ${httpText}\n  selection: ${gqlString(selection).replaceAll('\n', '\n  ')}${extra.map((line) => `\n  ${line}`).join('')}\n)`;
}

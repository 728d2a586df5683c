import {
  buildASTSchema,
  concatAST,
  getLocation,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  Kind,
  parse,
  Source,
  valueFromASTUntyped,
  visit,
  type ConstDirectiveNode,
  type ConstValueNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
  type SchemaExtensionNode,
} from 'graphql';
import { CONNECTOR_DIRECTIVES, FEDERATION_DIRECTIVES, SERVED_DIRECTIVES } from './builtin-directives.ts';
import { defineExtendedTypes, withPlainDirectiveNames } from './federation.ts';
import { didYouMean } from './mapping/did-you-mean.ts';
import { baseUrlVar } from './source-vars.ts';
import { keyFields } from './entity-key.ts';
import { hideInaccessible } from './inaccessible.ts';
import { outputFields, subFields, type OutputField, type VariableRead } from './mapping/analyze.ts';
import { lineIn, valueAt } from './sdl-location.ts';
import { outputNames, parseSelection, SelectionSyntaxError, VARIABLES, variablesRead, type Selection } from './selection.ts';
import { parseTemplate, templateValues, type Template } from './template.ts';
import { unfilledFieldProblems } from './unfilled-fields.ts';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A request header: copied from the client's request (`from`), or a value, with `template` when it holds expressions (`"Bearer {$config.token}"`). */
export type HeaderRule = { name: string; from: string } | { name: string; value: string; template?: Template | undefined };

export interface SourcePlan {
  name: string;
  baseURL: string;
  headers: HeaderRule[];
  /** `http.path` and `http.queryParams`: path segments and query parameters every connector of the source adds, before its own. */
  requestParts?: RequestParts | undefined;
  /** `isSuccess`, for connectors that do not say. */
  isSuccess?: Selection | undefined;
  /** `errors: { message, extensions }`: how its connectors' failed answers become GraphQL errors. */
  errors?: ErrorSelections | undefined;
}

export interface ErrorSelections {
  message?: Selection | undefined;
  extensions?: Selection | undefined;
}

/** Apollo's `errors` and `isSuccess`: an answer that is no success is a GraphQL error with the message and extensions these map from it. */
export interface ErrorMapping {
  /** The connector's, else its source's. */
  message: Selection | undefined;
  /** The source's, then the connector's over them. */
  extensions: Selection[];
  /** Unset: a 2xx status is success. */
  isSuccess: Selection | undefined;
}

/** A selection making a list of path segments, each encoded as one (`http.path`), and one making query parameters (`http.queryParams`). */
export interface RequestParts {
  path: Selection | undefined;
  queryParams: Selection | undefined;
}

export interface HttpPlan extends RequestParts {
  method: HttpMethod;
  /** The URL template: `GET: "/users/{$args.id}"`. */
  template: Template;
  body: Selection | undefined;
  headers: HeaderRule[];
}

export interface ConnectorPlan {
  /** `Query.post`, or a type name for an entity connector. */
  name: string;
  source: SourcePlan | undefined;
  /** None: the selection maps `$args` / `$this` to the value, typically entity stubs (this gateway's extension). */
  http: HttpPlan | undefined;
  selection: Selection;
  /** Client headers (lower-case) its expressions read as `$request.headers.<name>`. */
  requestHeaders: string[];
  /** Answer headers (lower-case) its mappings read as `$response.headers.<name>`. */
  responseHeaders: string[];
  /** Set when the schema maps failed answers (`errors`, `isSuccess`): a 4xx is then handed to it rather than failing the call. */
  errors: ErrorMapping | undefined;
  /** `batch: { maxSize }`: keys per call at most, below the gateway's `CONNECT_MAX_BATCH_SIZE`. */
  maxBatchSize: number | undefined;
  /** `schema/catalog.graphql:12`, for messages. */
  where: string;
}

export interface EntityPlan extends ConnectorPlan {
  type: string;
  /** A root field marked `entity: true` (`Query.product(id:)`), which fetches the type by key: it reads the key as `$args`. */
  byField: boolean;
  /** The `@key` field the connector fetches by. */
  key: string;
  /** Uses `$batch`: one call per batch of keys; otherwise one call per key (`$this`). */
  batch: boolean;
  /** The fields the connector's result has: an object with all of them is complete, anything less is a stub to fetch. */
  provides: string[];
}

export interface GatewayPlan {
  sources: SourcePlan[];
  fields: Map<string, ConnectorPlan>;
  entities: Map<string, EntityPlan>;
  /** `@key` field by type. */
  keys: Map<string, string>;
  /** `@cacheTag(format:)` by type (with `$key`) and by root field (with `$args`). */
  typeTags: Map<string, Template[]>;
  fieldTags: Map<string, Template[]>;
  /** `@invalidates(tags:)` by mutation field. */
  invalidations: Map<string, Template[]>;
}

export interface SchemaFile {
  /** As the user knows it: `schema/catalog.graphql`. */
  name: string;
  sdl: string;
}

export interface ReadSchema {
  /** The SDL served: the files without the connector and federation directives or what `@inaccessible` hides, with `@cacheControl` declared. */
  typeDefs: DocumentNode;
  plan: GatewayPlan;
  /** What loads but cannot be meant (an unknown method, which Apollo too leaves to fail when applied), each as `[connect] file:line: warning: ...`. */
  warnings: string[];
}

export interface ReadOptions {
  /**
   * The `Type.field`s the folder's TypeScript resolvers (`resolvers/*.ts`)
   * answer, which no selection need fill; `'unread'` when the folder has
   * resolvers the build could not read, so that a non-null field no
   * selection fills is a warning rather than an error. Unset, non-null
   * fields are not checked: only the build knows the folder's resolvers
   * (scripts/build-schema.ts).
   */
  resolvedInCode?: ReadonlySet<string> | 'unread';
}

/** Every mistake found, each as `[connect] file:line: message`, one per line. */
export class ConnectError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConnectError';
    this.problems = problems;
  }
}

type TypeNode = ObjectTypeDefinitionNode | ObjectTypeExtensionNode;

/**
 * Reads a schema folder's files: the served SDL and the connectors. Every
 * mistake the schema alone can show (an unknown source, `$args.x` the field
 * lacks, a selection naming a field the type lacks, a batch connector that
 * does not select its key) is reported here, at build time and again when an
 * isolate starts, never by a request; a non-null field a selection leaves
 * with no value, at build time.
 */
export function readSchemaFiles(files: SchemaFile[], { resolvedInCode }: ReadOptions = {}): ReadSchema {
  const problems: string[] = [];
  const parsed: { file: SchemaFile; source: Source; document: DocumentNode }[] = [];
  for (const file of files) {
    const source = new Source(file.sdl, file.name);
    try {
      parsed.push({ file, source, document: withPlainDirectiveNames(parse(source)) });
    } catch (error) {
      const line = (error as { locations?: { line: number }[] }).locations?.[0]?.line ?? 1;
      problems.push(`[schema] ${file.name}:${line}: ${(error as Error).message.replace(/^Syntax Error: /, 'syntax error: ')}`);
    }
  }
  if (problems.length) throw new ConnectError(problems);

  const userDirectives = new Set(parsed.flatMap(({ document }) => document.definitions.flatMap((node) => (node.kind === Kind.DIRECTIVE_DEFINITION ? [node.name.value] : []))));
  const builtins = userDirectives.has('cacheControl') ? [] : [parse(SERVED_DIRECTIVES)];
  const whole = defineExtendedTypes(concatAST([...builtins, ...parsed.map(({ document }) => stripDirectives(document))]));
  const where = (source: Source, node: { loc?: { start: number } | undefined }) => `${source.name}:${node.loc ? getLocation(source, node.loc.start).line : 1}`;
  const report = (at: string, message: string) => problems.push(`[connect] ${at}: ${message}`);
  const warnings: string[] = [];
  const typeDefs = hideInaccessible(whole, (node, message) => report(where(node.loc!.source, node), message));
  if (problems.length) throw new ConnectError(problems);
  const filesNamed = files.map((file) => file.name).join(', ');
  // Connectors are planned on the whole schema; what @inaccessible leaves must still be a schema.
  const schema = buildSchema(visit(whole, { Directive: (node) => (node.name.value === 'inaccessible' ? null : undefined) }), filesNamed);
  if (typeDefs !== whole) buildSchema(typeDefs, filesNamed);

  const plan: GatewayPlan = { sources: [], fields: new Map(), entities: new Map(), keys: new Map(), typeTags: new Map(), fieldTags: new Map(), invalidations: new Map() };
  /** Types with a `@key` an entity connector may fetch by: any but `@key(resolvable: false)`. */
  const resolvable = new Set<string>();
  /** Root fields marked `entity: true`, with their arguments' names. */
  const entityFields: { entity: EntityPlan; args: string[] }[] = [];
  /** Each connector whose selection builds objects, with the type it builds and the fields its object has beside (an entity's key, from the stub). */
  const built: { connector: ConnectorPlan; type: GraphQLObjectType; given: string[] }[] = [];
  /** Where each selection is in the SDL, for lines inside it. */
  const selectionNodes = new Map<Selection, ConstValueNode | undefined>();
  /** `Type.field`s marked `@external` (on the field or its type): another subgraph's to fill, in a supergraph. */
  const external = new Set<string>();
  /** `Type.field`s and types marked `@inaccessible`, which no client asks for. */
  const hidden = new Set<string>();

  // Sources first: connectors anywhere may name them.
  for (const { source, document } of parsed) {
    for (const node of document.definitions) {
      if (node.kind !== Kind.SCHEMA_DEFINITION && node.kind !== Kind.SCHEMA_EXTENSION) continue;
      for (const directive of directivesNamed(node, 'source')) {
        const at = where(source, directive);
        const args = argumentsOf(directive);
        const http = (args.http ?? {}) as Record<string, unknown>;
        if (typeof args.name !== 'string' || !args.name) report(at, '@source needs a name');
        else if (typeof http.baseURL !== 'string' || !http.baseURL) report(at, `@source "${args.name}" needs http: { baseURL: "https://..." }`);
        else if (plan.sources.some((known) => known.name === args.name)) report(at, `@source "${args.name}" is declared twice`);
        else {
          // A placeholder (`<YOUR_URL>/v1`) is a template's way to say "set me": the var that sets it is named, and the isolate refuses to start without it.
          if (!/^https?:\/\//.test(http.baseURL)) warnings.push(`[connect] ${at}: warning: @source "${args.name}" has no http(s) baseURL ("${http.baseURL}"): set ${baseUrlVar(args.name)}`);
          plan.sources.push({
            name: args.name,
            baseURL: http.baseURL.replace(/\/+$/, ''),
            headers: readHeaders(http.headers, at, directive),
            requestParts: http.path === undefined && http.queryParams === undefined ? undefined : readRequestParts(http, at, directive),
            errors: readErrors(args.errors, at, directive),
            isSuccess: args.isSuccess === undefined ? undefined : readSelection(args.isSuccess, at, 'isSuccess', valueAt(directive, ['isSuccess'])),
          });
        }
      }
    }
  }

  for (const { source, document } of parsed) {
    for (const node of document.definitions) {
      if (node.kind !== Kind.OBJECT_TYPE_DEFINITION && node.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
      const type = schema.getType(node.name.value);
      if (!isObjectType(type)) continue;
      readTypeDirectives(node, type, (n) => where(source, n));
      if (directivesNamed(node, 'inaccessible').length) hidden.add(type.name);
      for (const fieldNode of node.fields ?? []) {
        const coordinate = `${type.name}.${fieldNode.name.value}`;
        if (directivesNamed(node, 'external').length || directivesNamed(fieldNode, 'external').length) external.add(coordinate);
        if (directivesNamed(fieldNode, 'inaccessible').length) hidden.add(coordinate);
        readFieldDirectives(fieldNode, type.getFields()[fieldNode.name.value]!, type, (n) => where(source, n));
      }
    }
  }
  // A type's own @connect fetches it by key; else a root field marked `entity: true` does.
  for (const { entity, args } of entityFields) {
    if (plan.entities.has(entity.type)) continue;
    if (plan.keys.has(entity.type) && !resolvable.has(entity.type)) {
      warnings.push(`[connect] ${entity.where}: warning: entity: true on ${entity.name}: ${entity.type}'s @key says resolvable: false, so the field answers only itself`);
      continue;
    }
    // As in Apollo, a type with no @key is keyed by the field's arguments that are fields of it.
    const type = schema.getType(entity.type);
    const fields = isObjectType(type) ? args.filter((arg) => type.getFields()[arg]) : [];
    if (!plan.keys.has(entity.type) && fields.length) {
      plan.keys.set(entity.type, fields.join(' '));
      resolvable.add(entity.type);
    }
    plan.entities.set(entity.type, entity);
  }
  // Entity connectors need every type's key, which may be declared in a later file.
  for (const entity of plan.entities.values()) checkEntity(entity);
  // After every connector is known: a field left by one selection may be another's.
  if (resolvedInCode) {
    const context = { plan, external, hidden, resolvedInCode };
    for (const { connector, type, given } of built) {
      const node = selectionNodes.get(connector.selection);
      const lineOf = (offset: number) => (node && lineIn(node, offset)) ?? connector.where;
      for (const { at, message, warning } of unfilledFieldProblems(connector, type, given, lineOf, context)) {
        if (warning) warnings.push(`[connect] ${at}: warning: ${message}`);
        else report(at, message);
      }
    }
  }
  if (problems.length) throw new ConnectError(problems);
  return { typeDefs, plan, warnings };

  function readTypeDirectives(node: TypeNode, type: GraphQLNamedType & { name: string }, whereOf: (node: ConstDirectiveNode) => string): void {
    for (const directive of directivesNamed(node, 'key')) {
      const args = argumentsOf(directive);
      const fields = String(args.fields ?? '').trim();
      const missing = isObjectType(type) ? keyFields(fields).filter((field) => !type.getFields()[field]) : [];
      if (!/^[A-Za-z_][A-Za-z0-9_]*(\s+[A-Za-z_][A-Za-z0-9_]*)*$/.test(fields)) report(whereOf(directive), `@key(fields: "${fields}") on ${type.name}: a key is one or more fields of the type itself, e.g. "id" or "owner name"`);
      else if (missing.length) report(whereOf(directive), `@key field "${missing[0]}" is not a field of ${type.name}`);
      else {
        // Still the entity's identity (its records, `Post:7`); only an entity connector needs a resolvable key.
        plan.keys.set(type.name, fields);
        if (args.resolvable !== false) resolvable.add(type.name);
      }
    }
    for (const directive of directivesNamed(node, 'cacheTag')) {
      const tag = readTemplate(argumentsOf(directive).format, whereOf(directive), '@cacheTag format');
      if (tag) plan.typeTags.set(type.name, [...(plan.typeTags.get(type.name) ?? []), tag]);
    }
    for (const directive of directivesNamed(node, 'connect')) {
      const connector = readConnector(directive, type.name, whereOf(directive));
      if (!connector) continue;
      if (plan.entities.has(type.name)) report(connector.where, `${type.name} has two entity connectors`);
      else plan.entities.set(type.name, { ...connector, type: type.name, byField: false, key: '', batch: false, provides: outputNames(connector.selection) });
    }
  }

  function checkEntity(entity: EntityPlan): void {
    const key = plan.keys.get(entity.type);
    if (!key) return void report(entity.where, `@connect on type ${entity.type} needs @key(fields: "...") on the type`);
    if (!resolvable.has(entity.type)) return void report(entity.where, `@connect on type ${entity.type} resolves it, but its @key says resolvable: false`);
    entity.key = key;
    const type = schema.getType(entity.type);
    if (!entity.http) return void report(entity.where, `@connect on type ${entity.type} needs http`);
    const reads = connectorReads(entity);
    entity.batch = reads.some((read) => read.name === '$batch');
    if (entity.byField) {
      const other = reads.find((read) => read.name === '$args' && !keyFields(key).includes(read.keys[0] ?? ''));
      if (other) report(entity.where, `entity: true on ${entity.name}: it is fetched by ${entity.type}'s key "${key}", so it may read only those arguments, not $args.${other.keys[0] ?? ''}`);
      return;
    }
    for (const read of reads) {
      if (read.name === '$args' || read.name === '$result' || read.name === '$key') report(entity.where, `${read.name} means nothing in an entity connector; use $batch.${key} (batched) or $this.${key}`);
      if ((read.name === '$batch' || read.name === '$this') && !keyFields(key).includes(read.keys[0] ?? '')) report(entity.where, `${read.name}.${read.keys[0] ?? ''}: ${entity.type} is fetched by its key "${key}" only`);
    }
    if (entity.batch && !keyFields(key).every((field) => entity.provides.includes(field))) report(entity.where, `a batch connector must select its key "${key}", or its results cannot be matched to the keys asked`);
    if (!isObjectType(type)) return;
    checkSelection(entity.selection, type, entity.where);
    built.push({ connector: entity, type, given: keyFields(key) });
  }

  function readFieldDirectives(node: FieldDefinitionNode, field: GraphQLField<unknown, unknown>, parent: GraphQLNamedType, whereOf: (node: ConstDirectiveNode) => string): void {
    const coordinate = `${parent.name}.${field.name}`;
    for (const directive of directivesNamed(node, 'connect')) {
      const connector = readConnector(directive, coordinate, whereOf(directive));
      if (!connector) continue;
      for (const read of connectorReads(connector)) checkVariable(read, connector.where, field, parent, ['$args', '$this', ...APOLLO_CONTEXT_VARIABLES]);
      const named = getNamedType(field.type);
      if (isObjectType(named)) checkSelection(connector.selection, named, connector.where);
      // Apollo's planner may combine several connectors of one field; here a field has one, the first, and the others are checked but never run.
      if (plan.fields.has(coordinate)) {
        warnings.push(`[connect] ${connector.where}: warning: ${coordinate} has more than one @connect: this one never runs (a field has one connector here, the first); what only it selects is null. Move it to a connector on ${named.name} (by its @key) or to a field of its own`);
        continue;
      }
      if (isObjectType(named)) built.push({ connector, type: named, given: [] });
      plan.fields.set(coordinate, connector);
      if (argumentsOf(directive).entity === true) {
        if (parent.name !== 'Query' || !isObjectType(named) || isListType(getNullableType(field.type))) report(connector.where, `entity: true on ${coordinate}: only a root Query field answering one object fetches an entity`);
        else entityFields.push({ entity: { ...connector, type: named.name, byField: true, key: '', batch: false, provides: outputNames(connector.selection) }, args: field.args.map((arg) => arg.name) });
      }
    }
    for (const directive of directivesNamed(node, 'cacheTag')) {
      const at = whereOf(directive);
      if (parent.name !== 'Query') report(at, `@cacheTag on ${coordinate}: only root Query fields and types take @cacheTag`);
      const tag = readTemplate(argumentsOf(directive).format, at, '@cacheTag format');
      if (!tag) continue;
      for (const read of templateValues(tag).flatMap(variablesRead)) checkVariable(read, at, field, parent, ['$args']);
      plan.fieldTags.set(coordinate, [...(plan.fieldTags.get(coordinate) ?? []), tag]);
    }
    for (const directive of directivesNamed(node, 'invalidates')) {
      const at = whereOf(directive);
      if (parent.name !== 'Mutation') report(at, `@invalidates on ${coordinate}: only mutation fields change data`);
      const tags = argumentsOf(directive).tags;
      const list = (Array.isArray(tags) ? tags : [tags]).map((tag) => readTemplate(tag, at, '@invalidates tag'));
      for (const read of list.flatMap((tag) => (tag ? templateValues(tag).flatMap(variablesRead) : []))) checkVariable(read, at, field, parent, ['$args', '$result']);
      plan.invalidations.set(coordinate, list.filter((tag): tag is Template => tag !== undefined));
    }
  }

  function readConnector(directive: ConstDirectiveNode, name: string, at: string): ConnectorPlan | undefined {
    const args = argumentsOf(directive);
    let source: SourcePlan | undefined;
    if (args.source !== undefined) {
      source = plan.sources.find((known) => known.name === args.source);
      if (!source) {
        const known = plan.sources.map((each) => `"${each.name}"`).join(', ') || 'none';
        return void report(at, `@connect on ${name} names source "${String(args.source)}", which no @source declares (declared: ${known})`);
      }
    }
    const selectionNode = valueAt(directive, ['selection']);
    const selection = readSelection(args.selection, at, 'selection', selectionNode);
    if (!selection) return undefined;
    selectionNodes.set(selection, selectionNode);
    const errors = readErrorMapping(args, source, at, directive);
    const maxBatchSize = readMaxBatchSize(args.batch, at);
    const common = { name, source, selection, requestHeaders: [], responseHeaders: [], errors, maxBatchSize, where: at };
    if (args.http === undefined) return withHeadersRead({ ...common, http: undefined });
    const http = args.http as Record<string, unknown>;
    const methods = HTTP_METHODS.filter((method) => http[method] !== undefined);
    if (methods.length !== 1) return void report(at, `@connect on ${name}: http needs exactly one of ${HTTP_METHODS.join(', ')}`);
    const method = methods[0]!;
    const path = readTemplate(http[method], at, `http.${method}`, valueAt(directive, ['http', method]));
    if (!path) return undefined;
    if (!source && !/^(https?:\/\/|\{)/.test(path.source)) return void report(at, `@connect on ${name}: a path without a source must be a full http(s) URL`);
    const body = http.body === undefined ? undefined : readSelection(http.body, at, 'http.body', valueAt(directive, ['http', 'body']));
    return withHeadersRead({ ...common, http: { method, template: path, ...readRequestParts(http, at, directive), body, headers: readHeaders(http.headers, at, directive) } });
  }

  function readRequestParts(http: Record<string, unknown>, at: string, directive: ConstDirectiveNode): RequestParts {
    return {
      path: http.path === undefined ? undefined : readSelection(http.path, at, 'http.path', valueAt(directive, ['http', 'path'])),
      queryParams: http.queryParams === undefined ? undefined : readSelection(http.queryParams, at, 'http.queryParams', valueAt(directive, ['http', 'queryParams'])),
    };
  }

  function readErrors(value: unknown, at: string, directive: ConstDirectiveNode): ErrorSelections | undefined {
    if (value === undefined) return undefined;
    const { message, extensions } = (value ?? {}) as Record<string, unknown>;
    const text = message === undefined ? undefined : readSelection(message, at, 'errors.message', valueAt(directive, ['errors', 'message']));
    // `message: "detail"` selects `{ detail }`, an object, which is no message: the text is `$.detail`.
    if (text?.ast.kind === 'named') warnings.push(`[connect] ${at}: warning: errors.message "${text.source.trim()}" makes an object, not text: every failure will read "Request failed" (a path such as "$.${outputNames(text)[0] ?? 'message'}" gives the text)`);
    return {
      message: text,
      extensions: extensions === undefined ? undefined : readSelection(extensions, at, 'errors.extensions', valueAt(directive, ['errors', 'extensions'])),
    };
  }

  function readErrorMapping(args: Record<string, unknown>, source: SourcePlan | undefined, at: string, directive: ConstDirectiveNode): ErrorMapping | undefined {
    const own = readErrors(args.errors, at, directive) ?? {};
    const isSuccess = args.isSuccess === undefined ? source?.isSuccess : readSelection(args.isSuccess, at, 'isSuccess', valueAt(directive, ['isSuccess']));
    const message = own.message ?? source?.errors?.message;
    const extensions = [source?.errors?.extensions, own.extensions].filter((each): each is Selection => each !== undefined);
    return message || extensions.length || isSuccess ? { message, extensions, isSuccess } : undefined;
  }

  function readMaxBatchSize(value: unknown, at: string): number | undefined {
    if (value === undefined) return undefined;
    const { maxSize } = (value ?? {}) as Record<string, unknown>;
    if (maxSize === undefined) return undefined;
    if (typeof maxSize !== 'number' || !Number.isInteger(maxSize) || maxSize < 1) return void report(at, `batch: { maxSize } must be a positive whole number, not ${JSON.stringify(maxSize)}`);
    return maxSize;
  }

  function readHeaders(value: unknown, at: string, directive: ConstDirectiveNode): HeaderRule[] {
    if (value === undefined) return [];
    const rules: HeaderRule[] = [];
    const list = Array.isArray(value) ? value : [value];
    for (const [index, rule] of list.entries()) {
      const { name, from, value: fixed } = (rule ?? {}) as Record<string, unknown>;
      if (typeof name !== 'string' || !name) report(at, 'a header needs a name');
      else if (typeof from === 'string') rules.push({ name: name.toLowerCase(), from: from.toLowerCase() });
      else if (typeof fixed !== 'string') report(at, `header "${name}" needs from: "<client header>" or value: "<text>"`);
      else if (!fixed.includes('{')) rules.push({ name: name.toLowerCase(), value: fixed });
      else {
        const template = readTemplate(fixed, at, `header "${name}"`, valueAt(directive, ['http', 'headers', ...(Array.isArray(value) ? [index] : []), 'value']));
        if (template) rules.push({ name: name.toLowerCase(), value: fixed, template });
      }
    }
    return rules;
  }

  function readSelection(text: unknown, at: string, what: string, node?: ConstValueNode): Selection | undefined {
    return readText(parseSelection, text, at, what, node);
  }

  function readTemplate(text: unknown, at: string, what: string, node?: ConstValueNode): Template | undefined {
    return readText(parseTemplate, text, at, what, node);
  }

  /** A directive argument that must be a string in one of the connector languages; its syntax error is reported, not thrown. */
  /**
   * A directive argument that must be a string in one of the connector
   * languages; its syntax error is reported, not thrown, at the line where
   * the mistake is inside the string when `node` is given.
   */
  function readText<T extends Selection | Template>(parseText: (text: string) => T, text: unknown, at: string, what: string, node?: ConstValueNode): T | undefined {
    if (typeof text !== 'string') return void report(at, `${what} must be a string`);
    const inside = (offset: number) => (node && lineIn(node, offset)) ?? at;
    try {
      const parsed = parseText(text);
      // A template's expressions know their offsets within themselves only: their warnings go to the directive.
      const found = 'parts' in parsed ? templateValues(parsed).flatMap((mapping) => mapping.warnings.map((warning) => ({ ...warning, where: at }))) : parsed.warnings.map((warning) => ({ ...warning, where: inside(warning.offset) }));
      for (const warning of found) warnings.push(`[connect] ${warning.where}: warning: ${what}: ${warning.message}`);
      return parsed;
    } catch (error) {
      const { message } = error as Error;
      return void report(error instanceof SelectionSyntaxError ? inside(error.offset) : at, `${what}: ${message}${unknownVariableHint(message)}`);
    }
  }

  function checkVariable(read: VariableRead, at: string, field: GraphQLField<unknown, unknown>, parent: GraphQLNamedType, allowed: string[]): void {
    if (!allowed.includes(read.name)) return void report(at, `${read.name} is not available here (use $, ${allowed.join(', ')})`);
    const [first] = read.keys;
    if (read.name === '$args' && first !== undefined && !field.args.some((arg) => arg.name === first)) {
      const names = field.args.map((arg) => arg.name);
      report(at, `$args.${first}: ${parent.name}.${field.name} has no argument "${first}" (it has: ${names.join(', ') || 'none'})${didYouMean(first, names)}`);
    }
    if (read.name === '$this' && first !== undefined && isObjectType(parent) && !parent.getFields()[first]) {
      report(at, `$this.${first}: ${parent.name} has no field "${first}"${didYouMean(first, Object.keys(parent.getFields()))}`);
    }
  }

  /** Every name a selection gives must be a field of the type it builds; nested selections are checked against the fields' types. */
  function checkSelection(selection: Selection, type: GraphQLNamedType, at: string): void {
    checkFields(outputFields(selection.ast), type, at);
  }

  function checkFields(fields: OutputField[], type: GraphQLNamedType, at: string): void {
    if (!isObjectType(type)) return;
    for (const output of fields) {
      const field = type.getFields()[output.name];
      if (!field) {
        const names = Object.keys(type.getFields());
        report(at, `selection names "${output.name}", which ${type.name} does not have (it has: ${names.join(', ')})${didYouMean(output.name, names)}`);
        continue;
      }
      if (output.sub) checkFields(subFields(output.sub), getNamedType(field.type), at);
    }
  }
}

/** `parseSelection` names an unknown variable (`$arg`) with every known one: this adds the one meant. */
function unknownVariableHint(message: string): string {
  const name = /^unknown variable "([^"]+)"/.exec(message)?.[1];
  return name === undefined ? '' : didYouMean(name, VARIABLES);
}

/** Variables Apollo gives every connector beside `$args` and `$this`. */
const APOLLO_CONTEXT_VARIABLES = ['$config', '$env', '$context', '$request', '$response', '$status'];

/** The connector with the headers its expressions read: the client's as `$request.headers.<name>`, the answer's as `$response.headers.<name>`. */
function withHeadersRead(connector: ConnectorPlan): ConnectorPlan {
  const reads = connectorReads(connector);
  const named = (variable: string) => [...new Set(reads.flatMap((read) => (read.name === variable && read.keys[0] === 'headers' && read.keys[1] ? [read.keys[1].toLowerCase()] : [])))];
  return { ...connector, requestHeaders: named('$request'), responseHeaders: named('$response') };
}

/** The variables a connector's request and selection read. */
export function connectorReads(connector: ConnectorPlan): VariableRead[] {
  const selections = [connector.selection];
  if (connector.http) {
    selections.push(...templateValues(connector.http.template));
    const { path, queryParams, body } = connector.http;
    const { path: sourcePath, queryParams: sourceQuery } = connector.source?.requestParts ?? {};
    selections.push(...[path, queryParams, body, sourcePath, sourceQuery].filter((each): each is Selection => each !== undefined));
  }
  for (const rule of [...(connector.source?.headers ?? []), ...(connector.http?.headers ?? [])]) if ('template' in rule && rule.template) selections.push(...templateValues(rule.template));
  if (connector.errors) selections.push(...[connector.errors.message, connector.errors.isSuccess, ...connector.errors.extensions].filter((each): each is Selection => each !== undefined));
  return selections.flatMap(variablesRead);
}

function directivesNamed(node: { directives?: readonly ConstDirectiveNode[] | undefined }, name: string): readonly ConstDirectiveNode[] {
  return node.directives?.filter((directive) => directive.name.value === name) ?? [];
}

function argumentsOf(directive: ConstDirectiveNode): Record<string, unknown> {
  return Object.fromEntries((directive.arguments ?? []).map((arg) => [arg.name.value, valueFromASTUntyped(arg.value)]));
}

/** The document's schema, or the build's `[schema]` error naming the files. */
function buildSchema(document: DocumentNode, filesNamed: string): GraphQLSchema {
  try {
    return buildASTSchema(document);
  } catch (error) {
    throw new ConnectError([`[schema] ${filesNamed}: ${(error as Error).message}`]);
  }
}

/** Removed from the served schema; `@inaccessible` stays, for hideInaccessible to read. */
const isStripped = (name: string) => CONNECTOR_DIRECTIVES.has(name) || (FEDERATION_DIRECTIVES.has(name) && name !== 'inaccessible');

/** The document without connector and federation directives, their definitions and scalars, or `extend schema` left empty by their removal. */
function stripDirectives(document: DocumentNode): DocumentNode {
  const stripped = visit(document, {
    Directive: (node) => (isStripped(node.name.value) ? null : undefined),
    DirectiveDefinition: (node) => (CONNECTOR_DIRECTIVES.has(node.name.value) || FEDERATION_DIRECTIVES.has(node.name.value) ? null : undefined),
    ScalarTypeDefinition: (node) => (/^(link|connect|federation)__/.test(node.name.value) ? null : undefined),
  });
  return {
    ...stripped,
    definitions: stripped.definitions.filter(
      (node) => !(node.kind === Kind.SCHEMA_EXTENSION && !(node as SchemaExtensionNode).directives?.length && !(node as SchemaExtensionNode).operationTypes?.length),
    ),
  };
}

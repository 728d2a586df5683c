import {
  buildASTSchema,
  concatAST,
  getLocation,
  getNamedType,
  isObjectType,
  Kind,
  parse,
  Source,
  valueFromASTUntyped,
  visit,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
  type SchemaExtensionNode,
} from 'graphql';
import { CONNECTOR_DIRECTIVES, FEDERATION_DIRECTIVES, SERVED_DIRECTIVES } from './builtin-directives.ts';
import { defineExtendedTypes, withPlainDirectiveNames } from './federation.ts';
import { hideInaccessible } from './inaccessible.ts';
import { outputNames, parseSelection, type Selection, type Value } from './selection.ts';
import { parseTemplate, templateValues, type Template } from './template.ts';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A request header: copied from the client's request (`from`), or fixed (`value`). */
export type HeaderRule = { name: string; from: string } | { name: string; value: string };

export interface SourcePlan {
  name: string;
  baseURL: string;
  headers: HeaderRule[];
}

export interface HttpPlan {
  method: HttpMethod;
  path: Template;
  queryParams: Selection | undefined;
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
  /** `schema/catalog.graphql:12`, for messages. */
  where: string;
}

export interface EntityPlan extends ConnectorPlan {
  type: string;
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
 * isolate starts, never by a request.
 */
export function readSchemaFiles(files: SchemaFile[]): ReadSchema {
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
  const typeDefs = hideInaccessible(whole, (node, message) => report(where(node.loc!.source, node), message));
  if (problems.length) throw new ConnectError(problems);
  const filesNamed = files.map((file) => file.name).join(', ');
  // Connectors are planned on the whole schema; what @inaccessible leaves must still be a schema.
  const schema = buildSchema(visit(whole, { Directive: (node) => (node.name.value === 'inaccessible' ? null : undefined) }), filesNamed);
  if (typeDefs !== whole) buildSchema(typeDefs, filesNamed);

  const plan: GatewayPlan = { sources: [], fields: new Map(), entities: new Map(), keys: new Map(), typeTags: new Map(), fieldTags: new Map(), invalidations: new Map() };
  /** Types with a `@key` an entity connector may fetch by: any but `@key(resolvable: false)`. */
  const resolvable = new Set<string>();

  // Sources first: connectors anywhere may name them.
  for (const { source, document } of parsed) {
    for (const node of document.definitions) {
      if (node.kind !== Kind.SCHEMA_DEFINITION && node.kind !== Kind.SCHEMA_EXTENSION) continue;
      for (const directive of directivesNamed(node, 'source')) {
        const at = where(source, directive);
        const args = argumentsOf(directive);
        const http = (args.http ?? {}) as Record<string, unknown>;
        if (typeof args.name !== 'string' || !args.name) report(at, '@source needs a name');
        else if (typeof http.baseURL !== 'string' || !/^https?:\/\//.test(http.baseURL)) report(at, `@source "${args.name}" needs http: { baseURL: "https://..." }`);
        else if (plan.sources.some((known) => known.name === args.name)) report(at, `@source "${args.name}" is declared twice`);
        else plan.sources.push({ name: args.name, baseURL: http.baseURL.replace(/\/+$/, ''), headers: headerRules(http.headers, at, report) });
      }
    }
  }

  for (const { source, document } of parsed) {
    for (const node of document.definitions) {
      if (node.kind !== Kind.OBJECT_TYPE_DEFINITION && node.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
      const type = schema.getType(node.name.value);
      if (!isObjectType(type)) continue;
      readTypeDirectives(node, type, (n) => where(source, n));
      for (const fieldNode of node.fields ?? []) readFieldDirectives(fieldNode, type.getFields()[fieldNode.name.value]!, type, (n) => where(source, n));
    }
  }
  // Entity connectors need every type's key, which may be declared in a later file.
  for (const entity of plan.entities.values()) checkEntity(entity);
  if (problems.length) throw new ConnectError(problems);
  return { typeDefs, plan };

  function readTypeDirectives(node: TypeNode, type: GraphQLNamedType & { name: string }, whereOf: (node: ConstDirectiveNode) => string): void {
    for (const directive of directivesNamed(node, 'key')) {
      const args = argumentsOf(directive);
      const fields = String(args.fields ?? '').trim();
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(fields)) report(whereOf(directive), `@key(fields: "${fields}") on ${type.name}: only a single key field is supported`);
      else if (!isObjectType(type) || !type.getFields()[fields]) report(whereOf(directive), `@key field "${fields}" is not a field of ${type.name}`);
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
      else plan.entities.set(type.name, { ...connector, type: type.name, key: '', batch: false, provides: outputNames(connector.selection) });
    }
  }

  function checkEntity(entity: EntityPlan): void {
    const key = plan.keys.get(entity.type);
    if (!key) return void report(entity.where, `@connect on type ${entity.type} needs @key(fields: "...") on the type`);
    if (!resolvable.has(entity.type)) return void report(entity.where, `@connect on type ${entity.type} resolves it, but its @key says resolvable: false`);
    entity.key = key;
    const type = schema.getType(entity.type);
    if (!entity.http) return void report(entity.where, `@connect on type ${entity.type} needs http`);
    const values = connectorValues(entity);
    entity.batch = values.some((value) => value.root === '$batch');
    for (const value of values) {
      if (value.root === '$args' || value.root === '$result' || value.root === '$key') report(entity.where, `${value.root} means nothing in an entity connector; use $batch.${key} (batched) or $this.${key}`);
      if ((value.root === '$batch' || value.root === '$this') && value.path[0] !== key) report(entity.where, `${value.root}.${value.path[0] ?? ''}: ${entity.type} is fetched by its key "${key}" only`);
    }
    if (entity.batch && !entity.provides.includes(key)) report(entity.where, `a batch connector must select its key "${key}", or its results cannot be matched to the keys asked`);
    if (isObjectType(type)) checkSelection(entity.selection, type, entity.where, true);
  }

  function readFieldDirectives(node: FieldDefinitionNode, field: GraphQLField<unknown, unknown>, parent: GraphQLNamedType, whereOf: (node: ConstDirectiveNode) => string): void {
    const coordinate = `${parent.name}.${field.name}`;
    for (const directive of directivesNamed(node, 'connect')) {
      const connector = readConnector(directive, coordinate, whereOf(directive));
      if (!connector) continue;
      for (const value of connectorValues(connector)) checkVariable(value, connector.where, field, parent, ['$args', '$this', '$']);
      const named = getNamedType(field.type);
      if (isObjectType(named)) checkSelection(connector.selection, named, connector.where, true);
      plan.fields.set(coordinate, connector);
    }
    for (const directive of directivesNamed(node, 'cacheTag')) {
      const at = whereOf(directive);
      if (parent.name !== 'Query') report(at, `@cacheTag on ${coordinate}: only root Query fields and types take @cacheTag`);
      const tag = readTemplate(argumentsOf(directive).format, at, '@cacheTag format');
      if (!tag) continue;
      for (const value of templateValues(tag)) checkVariable(value, at, field, parent, ['$args']);
      plan.fieldTags.set(coordinate, [...(plan.fieldTags.get(coordinate) ?? []), tag]);
    }
    for (const directive of directivesNamed(node, 'invalidates')) {
      const at = whereOf(directive);
      if (parent.name !== 'Mutation') report(at, `@invalidates on ${coordinate}: only mutation fields change data`);
      const tags = argumentsOf(directive).tags;
      const list = (Array.isArray(tags) ? tags : [tags]).map((tag) => readTemplate(tag, at, '@invalidates tag'));
      for (const value of list.flatMap((tag) => (tag ? templateValues(tag) : []))) checkVariable(value, at, field, parent, ['$args', '$', '$result']);
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
    const selection = readSelection(args.selection, at, 'selection');
    if (!selection) return undefined;
    if (args.http === undefined) return { name, source, http: undefined, selection, where: at };
    const http = args.http as Record<string, unknown>;
    const methods = HTTP_METHODS.filter((method) => http[method] !== undefined);
    if (methods.length !== 1) return void report(at, `@connect on ${name}: http needs exactly one of ${HTTP_METHODS.join(', ')}`);
    const method = methods[0]!;
    const path = readTemplate(http[method], at, `http.${method}`);
    if (!path) return undefined;
    if (!source && !/^https?:\/\//.test(path.source)) return void report(at, `@connect on ${name}: a path without a source must be a full http(s) URL`);
    const queryParams = http.queryParams === undefined ? undefined : readSelection(http.queryParams, at, 'http.queryParams');
    const body = http.body === undefined ? undefined : readSelection(http.body, at, 'http.body');
    return { name, source, selection, where: at, http: { method, path, queryParams, body, headers: headerRules(http.headers, at, report) } };
  }

  function readSelection(text: unknown, at: string, what: string): Selection | undefined {
    return readText(parseSelection, text, at, what);
  }

  function readTemplate(text: unknown, at: string, what: string): Template | undefined {
    return readText(parseTemplate, text, at, what);
  }

  /** A directive argument that must be a string in one of the connector languages; its syntax error is reported, not thrown. */
  function readText<T>(parseText: (text: string) => T, text: unknown, at: string, what: string): T | undefined {
    if (typeof text !== 'string') return void report(at, `${what} must be a string`);
    try {
      return parseText(text);
    } catch (error) {
      return void report(at, `${what}: ${(error as Error).message}`);
    }
  }

  function checkVariable(value: Value, at: string, field: GraphQLField<unknown, unknown>, parent: GraphQLNamedType, allowed: string[]): void {
    if (value.kind !== 'path' || value.root === undefined) return;
    if (!allowed.includes(value.root)) return void report(at, `${value.root} is not available here (use ${allowed.join(', ')})`);
    const [first] = value.path;
    if (value.root === '$args' && first !== undefined && !field.args.some((arg) => arg.name === first)) {
      report(at, `$args.${first}: ${parent.name}.${field.name} has no argument "${first}" (it has: ${field.args.map((arg) => arg.name).join(', ') || 'none'})`);
    }
    if (value.root === '$this' && first !== undefined && isObjectType(parent) && !parent.getFields()[first]) {
      report(at, `$this.${first}: ${parent.name} has no field "${first}"`);
    }
  }

  /** Every name a selection gives must be a field of the type it builds; nested selections are checked against the fields' types. */
  function checkSelection(selection: Selection, type: GraphQLNamedType, at: string, top: boolean): void {
    if (!isObjectType(type)) return;
    const [only] = selection.items;
    if (top && selection.items.length === 1 && only?.kind === 'spread') {
      if (only.value.kind === 'path' && only.value.sub) checkSelection(only.value.sub, type, at, false);
      return;
    }
    for (const item of selection.items) {
      if (item.kind === 'spread') continue;
      const field = type.getFields()[item.name];
      if (!field) {
        report(at, `selection names "${item.name}", which ${type.name} does not have (it has: ${Object.keys(type.getFields()).join(', ')})`);
        continue;
      }
      const inner = item.kind === 'field' ? item.sub : item.value.kind === 'object' ? item.value.selection : item.value.kind === 'path' ? item.value.sub : undefined;
      if (inner) checkSelection(inner, getNamedType(field.type), at, item.kind !== 'field' && item.value.kind === 'path');
    }
  }
}

/** The variable paths a connector's request and selection use. */
function connectorValues(connector: ConnectorPlan): (Value & { kind: 'path' })[] {
  const found: (Value & { kind: 'path' })[] = [];
  const walk = (value: Value): void => {
    if (value.kind === 'object') return walkSelection(value.selection);
    if (value.kind !== 'path') return;
    found.push(value);
    if (value.sub) walkSelection(value.sub);
  };
  const walkSelection = (selection: Selection): void => {
    for (const item of selection.items) {
      if (item.kind === 'field') {
        if (item.sub) walkSelection(item.sub);
      } else walk(item.value);
    }
  };
  walkSelection(connector.selection);
  if (connector.http) {
    for (const value of templateValues(connector.http.path)) walk(value);
    if (connector.http.queryParams) walkSelection(connector.http.queryParams);
    if (connector.http.body) walkSelection(connector.http.body);
  }
  return found;
}

function headerRules(value: unknown, at: string, report: (at: string, message: string) => void): HeaderRule[] {
  if (value === undefined) return [];
  const rules: HeaderRule[] = [];
  for (const rule of Array.isArray(value) ? value : [value]) {
    const { name, from, value: fixed } = (rule ?? {}) as Record<string, unknown>;
    if (typeof name !== 'string' || !name) report(at, 'a header needs a name');
    else if (typeof from === 'string') rules.push({ name: name.toLowerCase(), from: from.toLowerCase() });
    else if (typeof fixed === 'string') rules.push({ name: name.toLowerCase(), value: fixed });
    else report(at, `header "${name}" needs from: "<client header>" or value: "<text>"`);
  }
  return rules;
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

import {
  defaultFieldResolver,
  getNamedType,
  GraphQLError,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type SelectionNode,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import type { RequestTrace } from '../shared/trace.ts';
import { isNotFound, UpstreamError } from '../upstream/upstream-error.ts';
import type { RequestConnectors } from './request-connectors.ts';
import { connectorReads, type GatewayPlan } from './connector-plan.ts';
import { identityOf } from './entity-key.ts';
import { variablesRead } from './selection.ts';
import { expandTemplate, templateValues, type Template } from './template.ts';
import { upstreamToGraphQL } from './upstream-to-graphql.ts';

type ResponsePath = GraphQLResolveInfo['path'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
/** What every resolver gets, the escape-hatch ones included: the graphql stage builds it per request (src/graphql/context.ts). */
export interface GatewayContext {
  /** The declared connectors, by name, with per-request batching and per-field caching. */
  connectors: RequestConnectors;
  /** The client's request (its headers, e.g. whether it carries `Authorization`). */
  request: Request;
  trace: RequestTrace;
}

type AnyResolver = GraphQLFieldResolver<any, GatewayContext, any>;

/** Escape-hatch resolvers, by type and field: `{ Query: { products(parent, args, context) { ... } } }`. */
export type ResolverMap = Record<string, Record<string, AnyResolver>>;

/**
 * The schema's resolvers: each `@connect` field runs its connector; a
 * TypeScript resolver, where the folder has one, replaces that. Around
 * either, every value of an entity type that lacks fields its connector
 * provides (a stub such as `{ id: productId }`) is completed by key, in
 * batches; `@cacheTag`s are recorded for the response cache; a mutation's
 * `@invalidates` tags are purged before it answers.
 */
export function connectResolvers(schema: GraphQLSchema, plan: GatewayPlan, custom: ResolverMap[]): ResolverMap {
  const resolvers: ResolverMap = {};
  /** The parent's fields each field connector reads as `$this`, by coordinate. */
  const thisReads = new Map([...plan.fields].map(([coordinate, connector]) => [coordinate, connectorReads(connector).flatMap((read) => (read.name === '$this' && read.keys[0] ? [read.keys[0]] : []))]));
  /** Fields a TypeScript resolver computes, by coordinate. */
  const computed = new Set(custom.flatMap((map) => Object.entries(map).flatMap(([type, fields]) => Object.keys(fields).map((field) => `${type}.${field}`))));
  for (const map of custom) {
    for (const [typeName, fields] of Object.entries(map)) {
      const type = schema.getType(typeName);
      for (const fieldName of Object.keys(fields)) {
        if (!isObjectType(type) || !type.getFields()[fieldName]) throw new Error(`[connect] a TypeScript resolver is given for ${typeName}.${fieldName}, which the schema does not have`);
      }
    }
  }

  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      const own = custom.find((map) => map[type.name]?.[field.name])?.[type.name]?.[field.name];
      const invalidates = plan.invalidations.get(coordinate);
      const fieldTags = plan.fieldTags.get(coordinate);
      const named = getNamedType(field.type).name;
      const completes = plan.entities.has(named) || plan.typeTags.has(named);
      if (!own && !plan.fields.has(coordinate) && !completes && !fieldTags && !invalidates) continue;

      const connected = !own && plan.fields.has(coordinate);
      const nullable = !isNonNullType(field.type);
      const resolve = own ?? defaultFieldResolver;
      const resolveField = async (...[parent, args, context, info]: Parameters<AnyResolver>): Promise<unknown> => {
        const { connectors, trace } = context;
        // Who made the value here and below, for the errors a value of it may raise (connector-field-error.ts).
        if (connected || own) connectors.provenance.field(info.path, connected ? coordinate : null);
        let body: unknown;
        let value: unknown;
        try {
          if (connected) ({ body, value } = await connectors.call(coordinate, { args, this: parent }));
          else value = await resolve(parent, args, context, info);
        } catch (error) {
          // The origin's 404 is "none" where the field may be null; a non-null field gets NOT_FOUND.
          if (!nullable || !isNotFound(error)) throw error;
          return null;
        }
        // A value made from the client's arguments alone (a connector without http) or by TypeScript vouches for nothing: its stubs are completed, which checks they exist.
        const vouched = !own && !(connected && !plan.fields.get(coordinate)!.http);
        value = await complete(value, field.type, context, vouched ? requestedFields(info) : 'all', info.path);
        if (invalidates) for (const tag of await expandTags(invalidates, { args, body, result: value, type: field.type, context })) trace.invalidations.add(tag);
        for (const tag of fieldTags ?? []) for (const made of expandTemplate(tag, undefined, { args })) trace.tags.add(made);
        return value;
      };
      // The resolver boundary: a failed origin call, from the connector, a completion or a TypeScript resolver, becomes what the client sees.
      (resolvers[type.name] ??= {})[field.name] = (parent, args, context, info) => resolveField(parent, args, context, info).catch(toClientError);
    }
  }
  return resolvers;

  /**
   * The value, with each entity stub in it completed by key: a stub the
   * origin answered where the client asked for a field the stub lacks and
   * the entity's connector provides, or for a field whose own connector
   * reads such a field as `$this`, or for one a TypeScript resolver computes
   * (it may read any); with `wanted` 'all', any stub that lacks a field.
   * `path`: the value's place in the response, where a completed stub is
   * recorded as made by the entity's connector.
   */
  async function complete(value: unknown, type: GraphQLOutputType, context: GatewayContext, wanted: ReadonlySet<string> | 'all', path: ResponsePath, required = false): Promise<unknown> {
    if (isNonNullType(type)) return complete(value, type.ofType, context, wanted, path, true);
    if (value == null) return value;
    if (isListType(type)) return Array.isArray(value) ? Promise.all(value.map((each, index) => complete(each, type.ofType, context, wanted, { prev: path, key: index, typename: undefined }))) : value;
    if (!isObjectType(type) || typeof value !== 'object') return value;
    const stub = value as Record<string, unknown>;
    const entity = plan.entities.get(type.name);
    const lacks = (name: string) => !(name in stub) && entity!.provides.includes(name);
    const asked = wanted === 'all' ? entity?.provides ?? [] : [...wanted];
    const needed = entity && asked.some((name) => lacks(name) || (computed.has(`${type.name}.${name}`) && entity.provides.some(lacks)) || (thisReads.get(`${type.name}.${name}`) ?? []).some(lacks));
    const object = needed ? await fetchStub(type.name, stub, context) : stub;
    if (!object) {
      if (required) throw new GraphQLError(`${type.name} "${identityOf(stub, entity!.key) ?? ''}" is missing at the origin`, { extensions: { code: 'NOT_FOUND' } });
      return null;
    }
    if (needed) context.connectors.provenance.entity(path, { connector: entity.name, provides: entity.provides });
    for (const tag of plan.typeTags.get(type.name) ?? []) for (const made of expandTemplate(tag, undefined, { key: object })) context.trace.tags.add(made);
    return object;
  }

  /** A stub of an entity (`{ id: productId }`) with what its connector fetches by key merged in; null when the origin has none. */
  async function fetchStub(type: string, stub: Record<string, unknown>, context: GatewayContext): Promise<Record<string, unknown> | null> {
    const loaded = await context.connectors.load(type, identityOf(stub, plan.entities.get(type)!.key));
    return loaded && { ...stub, ...loaded };
  }

  /** `$args`, `$` (the origin's answer) and `$result` (the field's value; entities along a tag's path are fetched by key when the value lacks the field). */
  async function expandTags(tags: Template[], { args, body, result, type, context }: { args: unknown; body: unknown; result: unknown; type: GraphQLOutputType; context: GatewayContext }): Promise<string[]> {
    let completed = result;
    for (const read of tags.flatMap(templateValues).flatMap(variablesRead)) {
      if (read.name === '$result') completed = await completeAlong(completed, type, read.keys, context);
    }
    return tags.flatMap((tag) => expandTemplate(tag, body, { args, result: completed }));
  }

  async function completeAlong(value: unknown, type: GraphQLOutputType, path: string[], context: GatewayContext): Promise<unknown> {
    const [head, ...rest] = path;
    if (value == null || head === undefined) return value;
    if (Array.isArray(value)) return Promise.all(value.map((each) => completeAlong(each, type, path, context)));
    const named = getNamedType(type);
    if (!isObjectType(named) || typeof value !== 'object') return value;
    const stub = value as Record<string, unknown>;
    const object = !(head in stub) && plan.entities.has(named.name) ? ((await fetchStub(named.name, stub, context)) ?? stub) : stub;
    const field = named.getFields()[head];
    return field ? { ...object, [head]: await completeAlong(object[head], field.type, rest, context) } : object;
  }
}


/** The fields the client asked for on a field's value (through fragments too): what its completion must supply. */
function requestedFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const collect = (selections: readonly SelectionNode[]): void => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet.selections);
      else {
        const fragment = info.fragments[selection.name.value];
        if (fragment) collect(fragment.selectionSet.selections);
      }
    }
  };
  for (const node of info.fieldNodes) if (node.selectionSet) collect(node.selectionSet.selections);
  return names;
}

/** The resolver boundary: a failed origin call, from a connector, a completion or a TypeScript resolver, becomes what the client sees. */
function toClientError(error: unknown): never {
  throw error instanceof UpstreamError ? upstreamToGraphQL(error) : error;
}

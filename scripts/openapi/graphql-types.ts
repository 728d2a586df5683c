/**
 * JSON Schemas (OpenAPI 3.1's) as GraphQL types: one object type per object
 * schema, an input type per object a request sends, enums, unions where a
 * `oneOf`/`anyOf` of objects has a discriminator to tell them by, `JSON`
 * where nothing else fits. Nullability: a property is non-null when
 * `required` and not nullable.
 */
import { valueAt } from './json-pointer.ts';
import type { Json } from './json-pointer.ts';
import { enumValueName, fieldName, typeName, unique } from './names.ts';
import type { FieldDef, TypeDef } from './sdl-model.ts';

export const JSON_SCALAR = 'JSON';

/** A schema with its `$ref` followed, and the name the ref gives it. */
export interface Resolved {
  schema: Json;
  refName?: string;
}

export interface TypeRegistry {
  document: Json;
  types: Map<string, TypeDef>;
  /** Output and input types already made, by schema object. */
  outputs: Map<Json, string>;
  inputs: Map<Json, string>;
  /** Inline answers by their JSON text: the same schema written in several operations is one type. */
  answers: Map<string, Json>;
  names: Set<string>;
}

export function createRegistry(document: Json): TypeRegistry {
  return { document, types: new Map(), outputs: new Map(), inputs: new Map(), answers: new Map(), names: new Set(['Query', 'Mutation', 'Subscription', JSON_SCALAR, 'String', 'Int', 'Float', 'Boolean', 'ID']) };
}

export function resolve(registry: TypeRegistry, schema: unknown): Resolved {
  let current = (schema ?? {}) as Json;
  let refName: string | undefined;
  for (let hops = 0; typeof current.$ref === 'string' && hops < 20; hops++) {
    const ref = current.$ref;
    refName = decodeURIComponent(ref.split('/').pop()!.replaceAll('~1', '/').replaceAll('~0', '~'));
    current = (valueAt(registry.document, ref) ?? {}) as Json;
  }
  return { schema: current, refName };
}

const typesOf = (schema: Json): string[] => (Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : []);

/** Whether a schema admits null: `type: [..., "null"]`, `nullable: true`, or a `oneOf`/`anyOf` with a null member. */
export function isNullable(registry: TypeRegistry, schema: Json): boolean {
  if (typesOf(schema).includes('null') || schema.nullable === true || schema['x-nullable'] === true) return true;
  const choices = (schema.oneOf ?? schema.anyOf) as unknown[] | undefined;
  return !!choices?.some((choice) => typesOf(resolve(registry, choice).schema).includes('null'));
}

/** allOf merged into one object schema: properties and required of every member. */
function merged(registry: TypeRegistry, schema: Json): Json {
  if (!Array.isArray(schema.allOf)) return schema;
  const properties: Json = {};
  const required: string[] = [];
  const descriptions: string[] = [];
  for (const part of [{ ...schema, allOf: undefined }, ...(schema.allOf as unknown[])]) {
    const member = merged(registry, resolve(registry, part).schema);
    Object.assign(properties, member.properties as Json | undefined);
    required.push(...((member.required as string[] | undefined) ?? []));
    if (typeof member.description === 'string') descriptions.push(member.description);
  }
  return { ...schema, allOf: undefined, type: 'object', properties, required, description: descriptions[0] ?? schema.description };
}

/** The non-null members of a oneOf/anyOf. */
function choicesOf(registry: TypeRegistry, schema: Json): unknown[] {
  const choices = (schema.oneOf ?? schema.anyOf) as unknown[] | undefined;
  return (choices ?? []).filter((choice) => !(typesOf(resolve(registry, choice).schema).join() === 'null'));
}

/** The one member of a `oneOf`/`anyOf` of a schema and `null` (a nullable reference, in 3.1). */
function singleChoice(registry: TypeRegistry, schema: Json): unknown {
  if (!schema.oneOf && !schema.anyOf) return undefined;
  const choices = choicesOf(registry, schema);
  return choices.length === 1 ? choices[0] : undefined;
}

export type Shape = 'object' | 'array' | 'scalar' | 'enum' | 'union' | 'json';

/** What a (resolved, merged) schema becomes. */
export function shapeOf(registry: TypeRegistry, schema: Json): Shape {
  const types = typesOf(schema).filter((type) => type !== 'null');
  if (schema.oneOf || schema.anyOf) {
    const choices = choicesOf(registry, schema);
    if (choices.length === 1) return shapeOf(registry, merged(registry, resolve(registry, choices[0]).schema));
    return 'union';
  }
  if (schema.allOf) return 'object';
  if (types.length > 1) return 'json';
  const [type] = types;
  if (type === 'array') return 'array';
  if (Array.isArray(schema.enum) && (type === 'string' || (!type && schema.enum.every((value) => typeof value === 'string')))) return 'enum';
  if (type === 'object' || (!type && schema.properties)) return schema.properties && Object.keys(schema.properties).length ? 'object' : 'json';
  if (type === 'string' || type === 'integer' || type === 'number' || type === 'boolean') return 'scalar';
  return 'json';
}

/** A scalar's GraphQL type: `id` and `*_id`/`*Id` properties are `ID`; int64 is `Float` (GraphQL's `Int` is 32 bits). */
export function scalarType(schema: Json, key: string): string {
  const type = typesOf(schema).find((one) => one !== 'null');
  if (/^(ids?|.*[_a-z]Ids?|.*_ids?|.*IDs?)$/.test(key) && (type === 'string' || type === 'integer')) return 'ID';
  if (type === 'integer') return schema.format === 'int64' ? 'Float' : 'Int';
  if (type === 'number') return 'Float';
  if (type === 'boolean') return 'Boolean';
  return 'String';
}

/** The union's member schemas when they are objects told apart by one property; none when not. */
export function discriminated(registry: TypeRegistry, schema: Json): { property: string; members: { schema: unknown; tag: unknown }[] } | undefined {
  const choices = choicesOf(registry, schema);
  const objects = choices.map((choice) => ({ choice, ...resolve(registry, choice) }));
  if (!objects.every(({ schema: member }) => shapeOf(registry, merged(registry, member)) === 'object')) return undefined;
  const discriminator = schema.discriminator as { propertyName?: string; mapping?: Record<string, string> } | undefined;
  if (discriminator?.propertyName) {
    const property = discriminator.propertyName;
    const byRef = new Map(Object.entries(discriminator.mapping ?? {}).map(([tag, ref]) => [ref.split('/').pop(), tag]));
    const members = objects.map(({ choice, refName, schema: member }) => {
      const own = ((merged(registry, member).properties as Json)[property] ?? {}) as Json;
      const single = own.const ?? (Array.isArray(own.enum) && own.enum.length === 1 ? own.enum[0] : undefined);
      return { schema: choice, tag: (refName && byRef.get(refName)) ?? single ?? refName };
    });
    return members.every((member) => member.tag !== undefined) ? { property, members } : undefined;
  }
  // No discriminator: a property every member pins to a single, different value.
  const first = merged(registry, objects[0]?.schema ?? {});
  for (const property of Object.keys((first.properties as Json | undefined) ?? {})) {
    const tags = objects.map(({ schema: member }) => {
      const own = ((merged(registry, member).properties as Json | undefined)?.[property] ?? {}) as Json;
      const single = resolve(registry, own).schema;
      return single.const ?? (Array.isArray(single.enum) && single.enum.length === 1 ? single.enum[0] : undefined);
    });
    if (tags.every((tag) => tag !== undefined) && new Set(tags).size === tags.length) return { property, members: objects.map(({ choice }, index) => ({ schema: choice, tag: tags[index] })) };
  }
  return undefined;
}

export interface OutputType {
  /** The type reference, nullability included: `[Pet!]`, `String!`. */
  type: string;
  /** The named type, and what it is. */
  named: string;
  shape: Shape;
  /** An enum's values, where some differ from the API's. */
  enumMap?: [unknown, string][];
  comments: string[];
}

const wrap = (type: string, nonNull: boolean) => (nonNull ? `${type}!` : type);

/**
 * The output type of `schema`, found as `key` of a type or an operation's
 * answer; `context` names a type made for an inline schema.
 */
export function outputType(registry: TypeRegistry, schema: unknown, context: string, key: string, nonNull: boolean, unionAsObject = false): OutputType {
  const { schema: found, refName } = resolve(registry, schema);
  const twin = nullableTwin(registry, found, refName);
  if (twin) return outputType(registry, twin, context, key, false, unionAsObject);
  const nullable = isNullable(registry, found);
  const single = singleChoice(registry, found);
  if (single) return outputType(registry, single, context, key, nonNull && !nullable, unionAsObject);
  const own = merged(registry, found);
  const required = nonNull && !nullable;
  const shape = shapeOf(registry, own);
  switch (shape) {
    case 'array': {
      const item = outputType(registry, own.items, context, key, true);
      return { ...item, type: wrap(`[${item.type}]`, required) };
    }
    case 'scalar':
      return { type: wrap(scalarType(own, key), required), named: scalarType(own, key), shape, comments: [] };
    case 'enum': {
      const named = enumType(registry, own, refName ?? (own.title as string | undefined) ?? context);
      const values = registry.types.get(named)!.values!;
      const renamed = values.filter((value) => String(value.api) !== value.name).map((value) => [value.api, value.name] as [unknown, string]);
      const enumMap = renamed.length ? renamed : undefined;
      return { type: wrap(named, required), named, shape, enumMap, comments: [] };
    }
    case 'object': {
      const named = objectType(registry, found, own, refName ?? (own.title as string | undefined) ?? context);
      return { type: wrap(named, required), named, shape, comments: [] };
    }
    case 'union': {
      const choices = choicesOf(registry, own);
      if (choices.length === 1) return outputType(registry, choices[0], context, key, nonNull && !nullable);
      const told = discriminated(registry, own);
      if (unionAsObject && (told || choices.every((choice) => shapeOf(registry, merged(registry, resolve(registry, choice).schema)) === 'object'))) {
        // A connector cannot answer a union: its members become one object type, every property of any of them.
        const named = objectType(registry, found, membersMerged(registry, choices, own), refName ?? (own.title as string | undefined) ?? context);
        return { type: wrap(named, required), named, shape: 'object', comments: [`guessed: the API answers one of ${choices.length} object shapes; ${named} has the fields of all of them`] };
      }
      if (told) {
        const named = unionType(registry, found, told, refName ?? (own.title as string | undefined) ?? context);
        return { type: wrap(named, required), named, shape, comments: [] };
      }
      return { type: wrap(JSON_SCALAR, required), named: JSON_SCALAR, shape: 'json', comments: [`JSON: a ${own.oneOf ? 'oneOf' : 'anyOf'} whose members are not objects told apart by a discriminator; the API's value as it is`] };
    }
    default:
      return { type: wrap(JSON_SCALAR, required), named: JSON_SCALAR, shape: 'json', comments: own.type === 'object' || !own.type ? [] : [`JSON: ${JSON.stringify(own.type)} has no GraphQL type`] };
  }
}

/** `nullable-simple-user` when `simple-user` has the same properties: the same type, nullable. */
function nullableTwin(registry: TypeRegistry, schema: Json, refName: string | undefined): Json | undefined {
  const match = refName && /^nullable[-_]?(.+)$/i.exec(refName);
  if (!match) return undefined;
  const schemas = ((registry.document.components as Json | undefined)?.schemas as Json | undefined) ?? {};
  const name = Object.keys(schemas).find((one) => one.toLowerCase() === match[1]!.toLowerCase());
  const twin = name ? (schemas[name] as Json) : undefined;
  const keys = (one: Json | undefined) => JSON.stringify(Object.keys((one?.properties as Json | undefined) ?? {}).sort());
  return twin && keys(twin) === keys(schema) ? { $ref: `#/components/schemas/${name!.replaceAll('~', '~0').replaceAll('/', '~1')}` } : undefined;
}

/** Every property of a union's object members; required where every member requires it. */
function membersMerged(registry: TypeRegistry, choices: unknown[], own: Json): Json {
  const members = choices.map((choice) => merged(registry, resolve(registry, choice).schema));
  const properties = Object.assign({}, ...members.map((member) => member.properties as Json));
  const required = Object.keys(properties).filter((key) => members.every((member) => ((member.required as string[] | undefined) ?? []).includes(key)));
  return { type: 'object', description: own.description, properties, required };
}

function enumType(registry: TypeRegistry, schema: Json, name: string): string {
  const values = JSON.stringify((schema.enum as unknown[]).filter((value) => value !== null));
  // The same values twice (a parameter repeating a property's enum) are one enum.
  const known = registry.outputs.get(schema) ?? [...registry.types.values()].find((type) => type.kind === 'enum' && JSON.stringify(type.values!.map((value) => value.api)) === values)?.name;
  if (known) return known;
  const named = unique(typeName(name), registry.names);
  registry.outputs.set(schema, named);
  const taken = new Set<string>();
  const members = (schema.enum as unknown[]).filter((value) => value !== null).map((api) => ({ name: unique(enumValueName(api), taken), api }));
  registry.types.set(named, { kind: 'enum', name: named, description: schema.description as string | undefined, fields: [], values: members, directives: [], comments: [] });
  return named;
}

function objectType(registry: TypeRegistry, found: Json, schema: Json, name: string): string {
  const known = registry.outputs.get(found);
  if (known) return known;
  const named = unique(typeName(name), registry.names);
  registry.outputs.set(found, named);
  const type: TypeDef = { kind: 'type', name: named, description: schema.description as string | undefined, fields: [], directives: [], comments: [] };
  registry.types.set(named, type);
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const taken = new Set<string>();
  for (const [key, property] of Object.entries((schema.properties as Json | undefined) ?? {})) {
    const output = outputType(registry, property, `${named}_${key}`, key, required.has(key));
    const field: FieldDef = {
      name: unique(fieldName(key), taken),
      type: output.type,
      description: (resolve(registry, property).schema.description ?? (property as Json).description) as string | undefined,
      comments: output.comments,
    };
    field.source =
      output.shape === 'object'
        ? { kind: 'object', key, type: output.named }
        : output.shape === 'union'
          ? { kind: 'union', key, type: output.named }
          : { kind: 'value', key, enumMap: output.enumMap };
    type.fields.push(field);
  }
  return named;
}

function unionType(registry: TypeRegistry, found: Json, told: NonNullable<ReturnType<typeof discriminated>>, name: string): string {
  const known = registry.outputs.get(found);
  if (known) return known;
  const named = unique(typeName(name), registry.names);
  registry.outputs.set(found, named);
  const union: TypeDef = { kind: 'union', name: named, fields: [], directives: [], comments: [], discriminator: told.property, members: [] };
  registry.types.set(named, union);
  union.members = told.members.map(({ schema, tag }, index) => ({ type: outputType(registry, schema, `${named}_${index + 1}`, '', false).named, tag }));
  return named;
}

/** The input type of a request's `schema`: input objects named `<Name>Input`; enums whose values GraphQL renamed are sent as `String`. */
export function inputType(registry: TypeRegistry, schema: unknown, context: string, key: string, nonNull: boolean): string {
  const { schema: found, refName } = resolve(registry, schema);
  const single = singleChoice(registry, found);
  if (single) return inputType(registry, single, context, key, nonNull && !isNullable(registry, found));
  const own = merged(registry, found);
  const required = nonNull && !isNullable(registry, found);
  const shape = shapeOf(registry, own);
  if (shape === 'array') return wrap(`[${inputType(registry, own.items, context, key, true)}]`, required);
  if (shape === 'scalar') return wrap(scalarType(own, key), required);
  if (shape === 'enum') {
    const output = outputType(registry, found, context, key, nonNull);
    return output.enumMap ? wrap('String', required) : output.type;
  }
  if (shape !== 'object') return wrap(JSON_SCALAR, required);
  const known = registry.inputs.get(found);
  if (known) return wrap(known, required);
  const named = unique(`${typeName(refName ?? (own.title as string | undefined) ?? context)}Input`, registry.names);
  registry.inputs.set(found, named);
  const type: TypeDef = { kind: 'input', name: named, description: own.description as string | undefined, fields: [], directives: [], comments: [] };
  registry.types.set(named, type);
  const requiredKeys = new Set((own.required as string[] | undefined) ?? []);
  const taken = new Set<string>();
  for (const [property, value] of Object.entries((own.properties as Json | undefined) ?? {})) {
    if ((resolve(registry, value).schema as Json).readOnly === true) continue;
    type.fields.push({
      name: unique(fieldName(property), taken),
      type: inputType(registry, value, `${named.replace(/Input$/, '')}_${property}`, property, requiredKeys.has(property)),
      description: resolve(registry, value).schema.description as string | undefined,
      source: { kind: 'value', key: property },
    });
  }
  return wrap(named, required);
}

/**
 * Entities: a type fetched by `GET /things/{id}` (or `/repos/{owner}/{repo}`,
 * a composite key) gets `@key` and an entity connector, batched (`$batch`)
 * where the collection takes many ids; fields holding another entity's id
 * become stubs of it; GETs below an entity's path become fields of it
 * (`$this`); writes to an entity's path invalidate it. Keys, batches and
 * stubs match by names, so each says so in a `# guessed:` comment.
 */
import { resolve, shapeOf, type TypeRegistry } from './graphql-types.ts';
import { fieldName, typeName } from './names.ts';
import type { BuiltField, Operation } from './operations.ts';
import type { FieldDef } from './sdl-model.ts';

export interface KeyPart {
  param: string;
  field: string;
}

export interface Entity {
  type: string;
  operation: Operation;
  keys: KeyPart[];
  /** How each key part was chosen from a path parameter: always a guess, marked on the type. */
  guesses: string[];
  /** `envelope`: the key of the answer's list, when the list comes wrapped (`{ items: [...] }`). */
  batch?: { param: string; joined: boolean; envelope?: string; guess: string };
}

const pathParams = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
const segments = (path: string) => path.split('/').filter(Boolean);

/** What identifies an object of `type` in the API's key of a path parameter: `{petId}` → `id`, `{repo}` → `name`, `{owner}` → `ownerLogin: owner.login`. */
function keyFor(registry: TypeRegistry, type: string, param: string): { part: KeyPart; guess: string } | undefined {
  const fields = registry.types.get(type)!.fields;
  const scalar = (name: string) => fields.find((field) => field.name === name && field.source?.kind === 'value');
  const byKey = fields.find((field) => field.source?.kind === 'value' && field.source.key === param);
  if (byKey) return { part: { param, field: byKey.name }, guess: `{${param}} is ${type}.${byKey.name}` };
  const camel = fieldName(param);
  if (scalar(camel)) return { part: { param, field: camel }, guess: `{${param}} is ${type}.${camel}` };
  const lowerType = type.toLowerCase();
  const lowerParam = camel.toLowerCase();
  if (scalar('id') && (lowerParam === 'id' || (lowerParam.endsWith('id') && lowerType.startsWith(lowerParam.slice(0, -2))))) {
    return { part: { param, field: 'id' }, guess: `{${param}} is ${type}.id` };
  }
  if (scalar('login') && /^(username|user|login)$/.test(lowerParam)) return { part: { param, field: 'login' }, guess: `{${param}} is ${type}.login` };
  if (scalar('name') && (lowerType.includes(lowerParam) || lowerParam === `${lowerType}name`)) return { part: { param, field: 'name' }, guess: `{${param}} is ${type}.name` };
  const nested = fields.find((field) => field.name === camel && field.source?.kind === 'object');
  if (nested && nested.source?.kind === 'object') {
    const inner = registry.types.get(nested.source.type)!.fields;
    const id = ['login', 'name', 'slug', 'key', 'username', 'id'].map((name) => inner.find((field) => field.name === name && field.source?.kind === 'value')).find(Boolean);
    if (id && id.source?.kind === 'value') {
      const name = `${camel}${id.name.charAt(0).toUpperCase()}${id.name.slice(1)}`;
      return { part: { param, field: name }, guess: `{${param}} is ${type}.${camel}.${id.name}, kept as the key field ${name}` };
    }
  }
  return undefined;
}

/**
 * The entities: each object type answered by a GET whose path ends in its
 * parameters, keyed by them (the shortest such path wins).
 */
export function findEntities(registry: TypeRegistry, operations: Operation[], built: Map<Operation, BuiltField>): Map<string, Entity> {
  const entities = new Map<string, Entity>();
  const candidates = operations
    .filter((operation) => operation.method === 'get' && /\}$/.test(operation.path) && built.get(operation)?.result?.shape === 'object' && !built.get(operation)!.result!.type.startsWith('['))
    .sort((a, b) => segments(a.path).length - segments(b.path).length);
  for (const operation of candidates) {
    const type = built.get(operation)!.result!.named;
    if (entities.has(type)) continue;
    const params = pathParams(operation.path);
    const found = params.map((param) => keyFor(registry, type, param));
    if (found.some((one) => !one)) continue;
    const keys = found.map((one) => one!.part);
    if (new Set(keys.map((key) => key.field)).size !== keys.length) continue;
    // Even a parameter named as the field is a guess: that the path's GET answers one object by its key.
    entities.set(type, { type, operation, keys, guesses: found.map((one) => one!.guess) });
  }
  for (const entity of entities.values()) entity.batch = batchFor(registry, entity, operations, built);
  return entities;
}

/** Where the answer of `operation` holds a list of `type`: the whole answer (''), or the key of its object's one such list. */
export function listOf(registry: TypeRegistry, type: string, operation: BuiltField | undefined): string | undefined {
  const result = operation?.result;
  if (!result) return undefined;
  if (result.named === type) return result.type.startsWith('[') ? '' : undefined;
  if (result.shape !== 'object' || result.type.startsWith('[')) return undefined;
  const lists = registry.types.get(result.named)!.fields.filter((field) => field.source?.kind === 'object' && field.source.type === type && field.type.startsWith('['));
  return lists.length === 1 ? (lists[0]!.source as { key: string }).key : undefined;
}

/** The collection GET that takes many ids at once (`?ids=1,2` or `?id=1&id=2`) and answers a list of the entity, bare or wrapped. */
function batchFor(registry: TypeRegistry, entity: Entity, operations: Operation[], built: Map<Operation, BuiltField>): Entity['batch'] {
  if (entity.keys.length !== 1) return undefined;
  const [key] = entity.keys as [KeyPart];
  const collection = entity.operation.path.replace(/\/\{[^}]+\}$/, '');
  const list = operations.find((operation) => operation.method === 'get' && operation.path === collection && listOf(registry, entity.type, built.get(operation)) !== undefined);
  if (!list) return undefined;
  const envelope = listOf(registry, entity.type, built.get(list)) || undefined;
  const wanted = new Set(['ids', 'id', `${key.field}s`, `${key.param}s`, key.param]);
  const param = list.params.find((one) => one.in === 'query' && wanted.has(String(one.name)));
  if (!param) return undefined;
  const schema = resolve(registry, param.schema).schema;
  const isList = shapeOf(registry, schema) === 'array';
  const joined = !isList || param.explode === false;
  const many = `GET ${collection}?${String(param.name)}=${joined ? '1,2' : '1&' + String(param.name) + '=2'} answers many of ${entity.type} at once${envelope ? ` (in ${envelope})` : ''}`;
  return { param: String(param.name), joined, envelope, guess: `${many}: batched` };
}

/** Adds each entity's key fields that nest (`ownerLogin: owner.login`), `@key` and its connector. */
export function keyFieldsOf(registry: TypeRegistry, entity: Entity): void {
  const type = registry.types.get(entity.type)!;
  for (const key of entity.keys) {
    if (type.fields.some((field) => field.name === key.field)) continue;
    const nested = type.fields.find((field) => field.name === fieldName(key.param))!;
    const inner = key.field.slice(nested.name.length);
    const innerName = inner.charAt(0).toLowerCase() + inner.slice(1);
    const innerField = registry.types.get((nested.source as { type: string }).type)!.fields.find((field) => field.name === innerName)!;
    const apiKey = (nested.source as { key: string }).key;
    const innerKey = (innerField.source as { key: string }).key;
    type.fields.push({ name: key.field, type: innerField.type.replace(/!$/, ''), description: `The ${apiKey}'s ${innerKey}: part of the key.`, source: { kind: 'path', path: `${apiKey}.${innerKey}` } });
  }
}

/**
 * Fields holding another entity's id (`authorId`, `user_id`) gain a stub of
 * it beside them (`author: User`, selected `{ id: authorId }`), which the
 * entity's connector completes, in one batched call per request where it can.
 */
export function addStubs(registry: TypeRegistry, entities: Map<string, Entity>): void {
  const single = [...entities.values()].filter((entity) => entity.keys.length === 1);
  for (const type of registry.types.values()) {
    if (type.kind !== 'type') continue;
    const added: FieldDef[] = [];
    for (const field of type.fields) {
      if (field.source?.kind !== 'value') continue;
      const match = /^(.+?)(?:_id|Id|ID)$/.exec(field.source.key);
      if (!match) continue;
      const target = single.find((entity) => entity.type === typeName(match[1]!));
      if (!target || target.type === type.name) continue;
      const name = fieldName(match[1]!);
      if (type.fields.some((other) => other.name === name) || added.some((other) => other.name === name)) continue;
      added.push({
        name,
        type: field.type.endsWith('!') ? `${target.type}!` : target.type,
        comments: [`guessed: ${field.source.key} holds a ${target.type}'s ${target.keys[0]!.field}, so ${name} is that ${target.type}, fetched by its key`],
        source: { kind: 'stub', keys: [[target.keys[0]!.field, field.source.key]] },
      });
    }
    type.fields.push(...added);
  }
}

/** The entity whose path `path` extends by static segments only (`/repos/{owner}/{repo}/issues`), and the field name those segments make. */
export function subResourceOf(entities: Map<string, Entity>, path: string): { entity: Entity; name: string } | undefined {
  for (const entity of entities.values()) {
    const prefix = `${entity.operation.path}/`;
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length);
    if (!rest || rest.includes('{')) continue;
    return { entity, name: fieldName(rest.replaceAll('/', ' ')) };
  }
  return undefined;
}

/** The template that names an entity by the arguments of `pathArgs` (path parameter → argument). */
function tagOf(entity: Entity, pathArgs: Map<string, string>): string | undefined {
  const values = entity.keys.map((key) => pathArgs.get(key.param));
  if (values.some((value) => !value)) return undefined;
  return values.length === 1 ? `${entity.type}:{$args.${values[0]}}` : `${entity.type}:[${values.map((value) => `"{$args.${value}}"`).join(',')}]`;
}

/** A list of an entity's tag, which its list fields carry and writes to its collection purge. */
export const listTag = (type: string) => `${type}:list`;

/**
 * What a write to `path` changes: the entity at that path (`PUT /things/{id}`
 * → `Thing:{$args.id}`), or the entity whose path it is under; and the lists
 * of that entity's type when it creates (a POST to the collection) or deletes.
 */
export function invalidationsOf(entities: Map<string, Entity>, operation: Operation, pathArgs: Map<string, string>): string[] {
  const tags: string[] = [];
  for (const entity of entities.values()) {
    const own = entity.operation.path;
    const collection = own.replace(/\/\{[^}]+\}$/, '');
    if (operation.path === own || operation.path.startsWith(`${own}/`)) {
      const tag = tagOf(entity, pathArgs);
      if (tag) tags.push(tag);
      if (operation.path === own && operation.method === 'delete') tags.push(listTag(entity.type));
    } else if (operation.path === collection && entity.keys.length === 1) tags.push(listTag(entity.type));
  }
  return [...new Set(tags)];
}

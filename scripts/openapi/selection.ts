/**
 * The connector selection that reads a generated type from the API's JSON:
 * each field under its camelCase name from the API's key (`apiKey: api_key`),
 * enum values GraphQL renamed mapped back (`->match`), nested objects by
 * their own selection, union members told by their discriminator
 * (`__typename`), and entity stubs (`author: { id: authorId }`). Below
 * MAX_DEPTH, or where a type contains itself, an object is passed through as
 * the API wrote it.
 */
import type { TypeRegistry } from './graphql-types.ts';
import { selectionKey } from './names.ts';
import type { FieldDef } from './sdl-model.ts';

const MAX_DEPTH = 3;

const alias = (name: string, key: string) => (name === key ? name : `${name}: ${selectionKey(key)}`);
const literal = (value: unknown) => JSON.stringify(value);

function fieldSelection(registry: TypeRegistry, field: FieldDef, depth: number, stack: string[]): string | undefined {
  const source = field.source;
  if (!source || source.kind === 'connector') return undefined;
  switch (source.kind) {
    case 'value':
      return source.enumMap ? `${field.name}: ${selectionKey(source.key)}${enumMatch(source.enumMap)}` : alias(field.name, source.key);
    case 'path':
      return `${field.name}: ${source.path}`;
    case 'stub':
      return `${field.name}: { ${source.keys.map(([name, key]) => alias(name, key)).join(' ')} }`;
    case 'object':
      if (depth >= MAX_DEPTH || stack.includes(source.type)) return alias(field.name, source.key);
      return `${alias(field.name, source.key)} {\n${indent(selectionOf(registry, source.type, depth + 1, [...stack, source.type]))}\n}`;
    case 'union': {
      const union = registry.types.get(source.type)!;
      if (depth >= MAX_DEPTH) return alias(field.name, source.key);
      return `${alias(field.name, source.key)} {\n${indent(unionSelection(registry, union.name, depth + 1, stack))}\n}`;
    }
  }
}

/** A union's selection: `__typename` from the discriminator, then every member's fields, each once. */
export function unionSelection(registry: TypeRegistry, name: string, depth = 0, stack: string[] = []): string {
  const union = registry.types.get(name)!;
  const typename = `__typename: ${selectionKey(union.discriminator!)}->match(${union.members!.map((member) => `[${literal(member.tag)}, ${literal(member.type)}]`).join(', ')})`;
  const seen = new Set<string>();
  const parts = [typename];
  for (const member of union.members!) {
    for (const field of registry.types.get(member.type)!.fields) {
      if (seen.has(field.name)) continue;
      seen.add(field.name);
      const part = fieldSelection(registry, field, depth, [...stack, member.type]);
      if (part) parts.push(part);
    }
  }
  return parts.join('\n');
}

/** The selection of every field of an object type `name`, one per line. */
export function selectionOf(registry: TypeRegistry, name: string, depth = 0, stack: string[] = [name]): string {
  const type = registry.types.get(name)!;
  return type.fields
    .map((field) => fieldSelection(registry, field, depth, stack))
    .filter((part): part is string => part !== undefined)
    .join('\n');
}

/** The API's enum values GraphQL renamed, mapped to their names; the others pass as they are. */
export function enumMatch(renamed: [unknown, string][]): string {
  return `->match(${renamed.map(([api, name]) => `[${literal(api)}, ${literal(name)}]`).join(', ')}, [@, @])`;
}

/** Every line of `text` two spaces further in: a selection nested in another. */
export function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}

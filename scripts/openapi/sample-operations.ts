/** `operations/<type>.graphql`: one sample query per type a root field answers, so that codegen and GraphiQL have something to open. */
import type { TypeRegistry } from './graphql-types.ts';
import { kebab } from './names.ts';
import { namedType, type FieldDef } from './sdl-model.ts';

/** The fields worth asking for: scalars and enums, and one level into objects (their scalars). */
function fieldsOf(registry: TypeRegistry, name: string, depth: number): string[] {
  const type = registry.types.get(name);
  if (!type) return [];
  if (type.kind === 'union') return ['__typename'];
  return type.fields.flatMap((field) => {
    if (field.args?.some((arg) => arg.type.endsWith('!') && arg.defaultValue === undefined)) return [];
    const inner = registry.types.get(namedType(field.type));
    if (!inner || inner.kind === 'enum' || inner.kind === 'scalar') return [field.name];
    if (depth > 0) return [];
    const nested = fieldsOf(registry, inner.name, depth + 1);
    return nested.length ? [`${field.name} { ${nested.join(' ')} }`] : [];
  });
}

export function sampleOperations(registry: TypeRegistry, queries: FieldDef[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const field of queries) {
    const type = namedType(field.type);
    const path = `operations/${kebab(type)}.graphql`;
    if (!registry.types.has(type) || files.has(path)) continue;
    const required = (field.args ?? []).filter((arg) => arg.type.endsWith('!') && arg.defaultValue === undefined);
    const variables = required.length ? `(${required.map((arg) => `$${arg.name}: ${arg.type}`).join(', ')})` : '';
    const args = required.length ? `(${required.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : '';
    const selection = fieldsOf(registry, type, 0);
    if (!selection.length) continue;
    const name = `${field.name.charAt(0).toUpperCase()}${field.name.slice(1)}`;
    files.set(path, `query ${name}${variables} {\n  ${field.name}${args} {\n    ${selection.join('\n    ')}\n  }\n}\n`);
  }
  return files;
}

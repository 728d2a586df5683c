/**
 * Summaries of an entity: an object that repeats an entity's key and nearly
 * only its fields (GitHub's `simple-user` in an issue, beside the user that
 * `GET /users/{username}` answers) gains a stub of that entity (`{ login }`),
 * so what only the entity holds (a user's name, followers) is one call away.
 * The match is by fields only, so each stub says so in a `# guessed:` comment.
 */
import type { Entity } from './entities.ts';
import type { TypeRegistry } from './graphql-types.ts';
import { fieldName } from './names.ts';
import type { FieldDef } from './sdl-model.ts';

/** How much of a type must be the entity's own fields (GitHub's simple-user: 21 of its 22). */
const SHARE = 0.9;
/** Fewer fields than this say too little to tell a summary (`{ id, url }` is in everything). */
const MIN_FIELDS = 3;

const valueKeys = (fields: FieldDef[]) => fields.flatMap((field) => (field.source?.kind === 'value' ? [field.source.key] : []));

export function addSummaryStubs(registry: TypeRegistry, entities: Map<string, Entity>): void {
  for (const entity of entities.values()) {
    const whole = registry.types.get(entity.type)!;
    const key = entity.keys.length === 1 ? whole.fields.find((field) => field.name === entity.keys[0]!.field) : undefined;
    if (key?.source?.kind !== 'value') continue;
    const apiKey = key.source.key;
    const known = new Set(valueKeys(whole.fields));
    const name = fieldName(entity.type);
    // A type the entity holds is a part of it (a GPG key's subkeys), not a reference to it.
    const parts = new Set(whole.fields.flatMap((field) => (field.source?.kind === 'object' ? [field.source.type] : [])));
    for (const type of registry.types.values()) {
      if (type.kind !== 'type' || entities.has(type.name) || parts.has(type.name) || type.fields.some((field) => field.name === name)) continue;
      const own = valueKeys(type.fields);
      if (!own.includes(apiKey) || own.length < MIN_FIELDS || own.filter((each) => known.has(each)).length < own.length * SHARE) continue;
      type.fields.push({
        name,
        type: entity.type,
        comments: [`guessed: ${type.name} has ${entity.type}'s key ${apiKey} and nearly only its fields, so ${name} is that ${entity.type}, fetched by its key`],
        source: { kind: 'stub', keys: [[key.name, apiKey]] },
      });
    }
  }
}

/**
 * An entity's identity, from its `@key`: one field (`"id"`), whose value is
 * the identity as written (`Product:7`), or several (`"owner name"`, Apollo's
 * composite keys), whose values together are, as a JSON list
 * (`Repo:["apollographql","router"]`). The same text keys the batching, the
 * field cache's records and the `Type:identity` tags that purges name.
 */

/** The fields of a `@key(fields:)`: `"owner name"` → `['owner', 'name']`. */
export function keyFields(key: string): string[] {
  return key.trim().split(/\s+/);
}

/** The identity of an object with the key's fields; none when one of them is missing or null. */
export function identityOf(object: unknown, key: string): string | undefined {
  if (object === null || typeof object !== 'object') return undefined;
  const values = keyFields(key).map((field) => (object as Record<string, unknown>)[field]);
  if (values.some((value) => value === null || value === undefined)) return undefined;
  return values.length === 1 ? String(values[0]) : JSON.stringify(values);
}

/** The key's fields of an identity, as a connector reads them (`$this`, `$batch`, `$args`). */
export function keyObject(identity: string, key: string): Record<string, unknown> {
  const fields = keyFields(key);
  if (fields.length === 1) return { [fields[0]!]: identity };
  const values = JSON.parse(identity) as unknown[];
  return Object.fromEntries(fields.map((field, index) => [field, values[index]]));
}

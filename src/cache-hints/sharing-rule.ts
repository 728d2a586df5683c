/**
 * The sharing rule on top of the hints (docs/caching/private-data.md): a client
 * header a field's connectors may forward upstream makes the answer vary by it,
 * and one that identifies a caller makes the answer that caller's alone.
 */
import { isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import type { AnyField } from './schema-hints.ts';

/** The client headers resolving `type.field` may forward upstream. */
export type ForwardedBy = (typeName: string, fieldName: string) => readonly string[];

/** The client headers each field may forward, read once per schema. */
export function forwardedByField(schema: GraphQLSchema, forwardedBy: ForwardedBy | undefined): Map<AnyField, readonly string[]> {
  const forwarded = new Map<AnyField, readonly string[]>();
  if (!forwardedBy) return forwarded;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const headers = forwardedBy(type.name, field.name);
      if (headers.length) forwarded.set(field, headers);
    }
  }
  return forwarded;
}

/** An answer built with a caller's identity (`vary` names an identity header) is PRIVATE, whatever its hints say. */
export function isCallersOwn(vary: readonly string[], identity: ReadonlySet<string>): boolean {
  return vary.some((name) => identity.has(name));
}

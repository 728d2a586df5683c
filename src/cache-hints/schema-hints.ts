/** The schema's `@cacheControl` hints, read once: each composite type's own, and each field's merged with its type's. */
import { getDirectiveValues, getNamedType, isCompositeType, isUnionType, type DirectiveNode, type GraphQLCompositeType, type GraphQLDirective, type GraphQLField, type GraphQLSchema } from 'graphql';
import { mergeHints, type CacheHint } from './cache-hint.ts';

export type AnyField = GraphQLField<unknown, unknown>;

/** The schema's `@cacheControl` hints, as read once. */
export interface SchemaHints {
  /** Each composite type's own hint. */
  readonly types: ReadonlyMap<GraphQLCompositeType, CacheHint>;
  /** Each field's effective hint (`mergeHints`), merged once. */
  readonly fields: ReadonlyMap<AnyField, CacheHint>;
}

interface HintedNode {
  readonly directives?: ReadonlyArray<DirectiveNode> | undefined;
}

/** Every `@cacheControl` of the schema: each composite type's own hint, and each field's merged with its return type's (`mergeHints`). */
export function readSchemaHints(schema: GraphQLSchema): SchemaHints {
  const types = new Map<GraphQLCompositeType, CacheHint>();
  const fields = new Map<AnyField, CacheHint>();
  const directive = schema.getDirective('cacheControl');
  if (!directive) return { types, fields };

  const composites = Object.values(schema.getTypeMap()).filter(isCompositeType);
  for (const type of composites) {
    const hint = hintOfType(directive, type);
    if (hint) types.set(type, hint);
  }
  for (const type of composites) {
    if (isUnionType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const returnType = getNamedType(field.type);
      const typeHint = isCompositeType(returnType) ? types.get(returnType) : undefined;
      const merged = mergeHints(typeHint, readHint(directive, [field.astNode], `${type.name}.${field.name}`));
      if (merged) fields.set(field, merged);
    }
  }
  return { types, fields };
}

function hintOfType(directive: GraphQLDirective, type: GraphQLCompositeType): CacheHint | undefined {
  return readHint(directive, [type.astNode, ...type.extensionASTNodes], type.name);
}

function readHint(
  directive: GraphQLDirective,
  nodes: ReadonlyArray<HintedNode | null | undefined>,
  coordinate: string,
): CacheHint | undefined {
  for (const node of nodes) {
    const values = node ? getDirectiveValues(directive, node) : undefined;
    if (values) return toHint(values, coordinate);
  }
  return undefined;
}

function toHint(values: Readonly<Record<string, unknown>>, coordinate: string): CacheHint {
  const hint: CacheHint = {};
  const maxAge = seconds(values, 'maxAge', coordinate);
  const staleWhileRevalidate = seconds(values, 'staleWhileRevalidate', coordinate);
  const staleIfError = seconds(values, 'staleIfError', coordinate);
  if (maxAge !== undefined) hint.maxAge = maxAge;
  if (values.scope === 'PUBLIC' || values.scope === 'PRIVATE') hint.scope = values.scope;
  if (values.inheritMaxAge === true) hint.inheritMaxAge = true;
  if (staleWhileRevalidate !== undefined) hint.staleWhileRevalidate = staleWhileRevalidate;
  if (staleIfError !== undefined) hint.staleIfError = staleIfError;
  return hint;
}

/** A negative hint is a schema bug: fail when the schema is read, not with a nonsensical header. */
function seconds(values: Readonly<Record<string, unknown>>, argument: string, coordinate: string): number | undefined {
  const value = values[argument];
  if (typeof value !== 'number') return undefined;
  if (value < 0) {
    throw new Error(`[cache] @cacheControl(${argument}) on ${coordinate} must not be negative, got ${value}`);
  }
  return value;
}

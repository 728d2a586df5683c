/** One operation's walk: the tightest bounds the hints of every field it selects set, fragments and interfaces included. */
import {
  getNamedType,
  getOperationAST,
  isCompositeType,
  isObjectType,
  isUnionType,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type NamedTypeNode,
  type SelectionSetNode,
} from 'graphql';
import type { AnyField, SchemaHints } from './schema-hints.ts';

/**
 * The tightest bounds met so far, as absolute deadlines in seconds from now.
 *
 * Stale windows are kept as deadlines (maxAge + window) rather than as the
 * smallest window: a field whose hint has no stale window must never be served
 * older than its own maxAge, even when another field sets the response's
 * maxAge lower. So Product (300, no swr) with Inventory (5, swr 60) gives
 * maxAge 5 and swr 60, which Product's 300 still bounds, while Product alone
 * gives swr 0.
 */
export interface Bounds {
  maxAge: number;
  swrDeadline: number;
  sieDeadline: number;
  isPrivate: boolean;
  vary: Set<string>;
}

interface Walk extends WalkInputs {
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly visitedFragments: Set<string>;
  readonly bounds: Bounds;
}

/** What one operation's bounds are computed from: the schema's hints and what `createPolicyReader` read from its options. */
export interface WalkInputs {
  readonly schema: GraphQLSchema;
  readonly hints: SchemaHints;
  readonly forwarded: ReadonlyMap<AnyField, readonly string[]>;
  readonly defaultMaxAge: number;
}

/** The tightest bounds of every field the document's operation selects; null when it is no query. */
export function operationBounds(inputs: WalkInputs, document: DocumentNode, operationName: string | null): Bounds | null {
  const operation = getOperationAST(document, operationName);
  const queryType = inputs.schema.getQueryType();
  if (operation?.operation !== OperationTypeNode.QUERY || !queryType) return null;

  const bounds: Bounds = { maxAge: Infinity, swrDeadline: Infinity, sieDeadline: Infinity, isPrivate: false, vary: new Set() };
  const walk: Walk = { ...inputs, fragments: fragmentsOf(document), visitedFragments: new Set(), bounds };
  walkSelections(walk, operation.selectionSet, queryType, true);
  return bounds;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/** @skip and @include are ignored on purpose: the policy must hold for whatever the variables select. */
function walkSelections(walk: Walk, selectionSet: SelectionSetNode, parentType: GraphQLCompositeType, isRoot: boolean): void {
  for (const selection of selectionSet.selections) {
    switch (selection.kind) {
      case Kind.FIELD:
        walkField(walk, selection, parentType, isRoot);
        break;
      case Kind.INLINE_FRAGMENT:
        walkFragment(walk, selection.selectionSet, selection.typeCondition, parentType, isRoot);
        break;
      case Kind.FRAGMENT_SPREAD: {
        // A fragment adds the same bounds wherever it is spread (root or not), so one
        // visit of each is enough; this also stops fragment cycles in invalid documents.
        const name = selection.name.value;
        const visit = `${isRoot}:${name}`;
        if (walk.visitedFragments.has(visit)) break;
        walk.visitedFragments.add(visit);
        const fragment = walk.fragments.get(name);
        if (fragment) walkFragment(walk, fragment.selectionSet, fragment.typeCondition, parentType, isRoot);
        else forbid(walk.bounds);
        break;
      }
    }
  }
}

function walkFragment(
  walk: Walk,
  selectionSet: SelectionSetNode,
  typeCondition: NamedTypeNode | undefined,
  parentType: GraphQLCompositeType,
  isRoot: boolean,
): void {
  const type = typeCondition ? walk.schema.getType(typeCondition.name.value) : parentType;
  if (isCompositeType(type)) walkSelections(walk, selectionSet, type, isRoot);
  else forbid(walk.bounds);
}

function walkField(walk: Walk, node: FieldNode, parentType: GraphQLCompositeType, isRoot: boolean): void {
  if (node.name.value === '__typename') return;
  const definitions = fieldDefinitions(walk.schema, parentType, node.name.value);
  const [declared] = definitions;
  // Not in the schema: an invalid document, or introspection (`__schema`, `__type`), which must not be cached.
  if (!declared) {
    forbid(walk.bounds);
    return;
  }
  for (const field of definitions) restrictByField(walk, field, isRoot);
  const returnType = getNamedType(declared.type);
  if (node.selectionSet && isCompositeType(returnType)) walkSelections(walk, node.selectionSet, returnType, false);
}

/**
 * The field as the parent type declares it and, on an interface, as every
 * implementation does: at run time the concrete type's definition supplies the
 * hint (as in Apollo), and statically we do not know which one answers.
 */
function fieldDefinitions(schema: GraphQLSchema, parentType: GraphQLCompositeType, name: string): AnyField[] {
  if (isUnionType(parentType)) return [];
  const declared = parentType.getFields()[name];
  if (!declared) return [];
  if (isObjectType(parentType)) return [declared];
  return [declared, ...schema.getPossibleTypes(parentType).flatMap((type) => type.getFields()[name] ?? [])];
}

function restrictByField(walk: Walk, field: AnyField, isRoot: boolean): void {
  const hint = walk.hints.fields.get(field);
  const returnsComposite = isCompositeType(getNamedType(field.type));
  for (const header of walk.forwarded.get(field) ?? []) walk.bounds.vary.add(header);
  if (hint?.scope === 'PRIVATE') walk.bounds.isPrivate = true;
  if (hint?.maxAge !== undefined) {
    restrict(walk.bounds, hint.maxAge, hint.staleWhileRevalidate ?? 0, hint.staleIfError ?? 0);
  } else if (isRoot || (returnsComposite && !hint?.inheritMaxAge)) {
    // A root field has no parent to inherit from, so inheritMaxAge there still takes the default (as in Apollo).
    restrict(walk.bounds, walk.defaultMaxAge, 0, 0);
  }
}

function restrict(bounds: Bounds, maxAge: number, staleWhileRevalidate: number, staleIfError: number): void {
  bounds.maxAge = Math.min(bounds.maxAge, maxAge);
  bounds.swrDeadline = Math.min(bounds.swrDeadline, maxAge + staleWhileRevalidate);
  bounds.sieDeadline = Math.min(bounds.sieDeadline, maxAge + staleIfError);
}

/** Bounds that no later field can loosen: the response is not cached. */
function forbid(bounds: Bounds): void {
  restrict(bounds, 0, 0, 0);
}

import {
  getDirectiveValues,
  getNamedType,
  getOperationAST,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  Kind,
  OperationTypeNode,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLDirective,
  type GraphQLField,
  type GraphQLSchema,
  type NamedTypeNode,
  type SelectionSetNode,
} from 'graphql';

export type CacheScope = 'PUBLIC' | 'PRIVATE';

/** All in seconds. */
export interface CachePolicy {
  maxAge: number;
  staleWhileRevalidate: number;
  staleIfError: number;
  scope: CacheScope;
  /**
   * The client headers (lower-case, sorted) that a connector of the operation
   * may forward upstream: the answer differs by their values, so the key does
   * too, and a shared answer says so in `Vary`. Absent when there are none.
   */
  vary?: readonly string[];
}

export interface CacheHint {
  maxAge?: number;
  scope?: CacheScope;
  inheritMaxAge?: boolean;
  staleWhileRevalidate?: number;
  staleIfError?: number;
}

/**
 * The schema's `@cacheControl` hints, read once per isolate: the response
 * cache's policies and the connectors' per-field policies both come from here,
 * with one merge rule.
 */
export interface CacheHints {
  readonly schema: GraphQLSchema;
  /** Each composite type's own hint. */
  readonly types: ReadonlyMap<GraphQLCompositeType, CacheHint>;
  /** Each field's effective hint (`mergeHints`), merged once. */
  readonly fields: ReadonlyMap<AnyField, CacheHint>;
  /** A type's own hint (e.g. Product → maxAge 300), or undefined. */
  ofType(typeName: string): CacheHint | undefined;
  /** A field's effective hint: see `mergeHints`. */
  ofField(typeName: string, fieldName: string): CacheHint | undefined;
}

export interface PolicyOptions {
  /** maxAge, in seconds, for root fields and object-typed fields with no hint (Apollo's defaultMaxAge). Default 0: such a response is not cached. */
  defaultMaxAge?: number;
  /** The client headers resolving a field may forward upstream (its connector's, its return type's entity connector's). Default none. */
  forwardedBy?: (typeName: string, fieldName: string) => readonly string[];
  /** Client headers that identify a caller (lower-case): a response that may forward one is PRIVATE whatever its hints say. */
  identityHeaders?: readonly string[];
}

type PolicyReader = (document: DocumentNode, operationName?: string | null) => CachePolicy | null;
type PoliciesByOperation = Map<string | null, CachePolicy | null>;
type AnyField = GraphQLField<unknown, unknown>;

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
interface Bounds {
  maxAge: number;
  swrDeadline: number;
  sieDeadline: number;
  isPrivate: boolean;
  vary: Set<string>;
}

interface Walk {
  readonly schema: GraphQLSchema;
  readonly hints: CacheHints;
  readonly forwarded: ReadonlyMap<AnyField, readonly string[]>;
  readonly defaultMaxAge: number;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly visitedFragments: Set<string>;
  readonly bounds: Bounds;
}

interface HintedNode {
  readonly directives?: ReadonlyArray<DirectiveNode> | undefined;
}

/** Reads every `@cacheControl` hint of the schema once; throws on a negative one. */
export function readCacheHints(schema: GraphQLSchema): CacheHints {
  const { types, fields } = readSchemaHints(schema);
  return {
    schema,
    types,
    fields,
    ofType(typeName) {
      const type = schema.getType(typeName);
      return isCompositeType(type) ? types.get(type) : undefined;
    },
    ofField(typeName, fieldName) {
      const parent = schema.getType(typeName);
      const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[fieldName] : undefined;
      return field && fields.get(field);
    },
  };
}

/**
 * Reads a document's policy with the schema's hints; memoized per DocumentNode
 * in a WeakMap, keyed also by operationName.
 */
export function createPolicyReader(hints: CacheHints, options: PolicyOptions = {}): PolicyReader {
  const { schema } = hints;
  const defaultMaxAge = readDefaultMaxAge(options.defaultMaxAge);
  const forwarded = forwardedByField(schema, options.forwardedBy);
  const identity = new Set(options.identityHeaders ?? []);
  const memo = new WeakMap<DocumentNode, PoliciesByOperation>();

  return (document, operationName) => {
    let byOperation = memo.get(document);
    if (!byOperation) {
      byOperation = new Map();
      memo.set(document, byOperation);
    }
    const key = operationName ?? null;
    const cached = byOperation.get(key);
    if (cached !== undefined) return cached;
    const policy = computePolicy({ hints, forwarded, defaultMaxAge, identity }, document, key);
    byOperation.set(key, policy);
    return policy;
  };
}

/**
 * A field's effective hint, Apollo's rule: its return type's hint, with each
 * argument the field's own hint sets replacing the type's. The stale windows
 * travel with the maxAge they extend. A field that only says `inheritMaxAge`
 * still takes its type's maxAge.
 */
export function mergeHints(typeHint: CacheHint | undefined, fieldHint: CacheHint | undefined): CacheHint | undefined {
  if (!typeHint && !fieldHint) return undefined;
  const timing = fieldHint?.maxAge !== undefined ? fieldHint : typeHint?.maxAge !== undefined ? typeHint : undefined;
  const merged: CacheHint = {};
  if (timing?.maxAge !== undefined) merged.maxAge = timing.maxAge;
  if (timing?.staleWhileRevalidate !== undefined) merged.staleWhileRevalidate = timing.staleWhileRevalidate;
  if (timing?.staleIfError !== undefined) merged.staleIfError = timing.staleIfError;
  const scope = fieldHint?.scope ?? typeHint?.scope;
  if (scope) merged.scope = scope;
  if (fieldHint?.inheritMaxAge || typeHint?.inheritMaxAge) merged.inheritMaxAge = true;
  return merged;
}

function forwardedByField(schema: GraphQLSchema, forwardedBy: PolicyOptions['forwardedBy']): Map<AnyField, readonly string[]> {
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

function readDefaultMaxAge(value: number | undefined): number {
  if (value === undefined) return 0;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`[cache] defaultMaxAge must be a non-negative integer, got ${String(value)}`);
  }
  return value;
}

function readSchemaHints(schema: GraphQLSchema): Pick<CacheHints, 'types' | 'fields'> {
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

interface PolicyInputs {
  readonly hints: CacheHints;
  readonly forwarded: ReadonlyMap<AnyField, readonly string[]>;
  readonly defaultMaxAge: number;
  readonly identity: ReadonlySet<string>;
}

function computePolicy({ hints, forwarded, defaultMaxAge, identity }: PolicyInputs, document: DocumentNode, operationName: string | null): CachePolicy | null {
  const { schema } = hints;
  const operation = getOperationAST(document, operationName);
  const queryType = schema.getQueryType();
  if (operation?.operation !== OperationTypeNode.QUERY || !queryType) return null;

  const bounds: Bounds = { maxAge: Infinity, swrDeadline: Infinity, sieDeadline: Infinity, isPrivate: false, vary: new Set() };
  const walk: Walk = {
    schema,
    hints,
    forwarded,
    defaultMaxAge,
    fragments: fragmentsOf(document),
    visitedFragments: new Set(),
    bounds,
  };
  walkSelections(walk, operation.selectionSet, queryType, true);

  if (bounds.maxAge === 0 || bounds.maxAge === Infinity) return null;
  const vary = [...bounds.vary].sort();
  // The sharing rule on top of the hints: an answer built with a caller's identity is that caller's alone.
  const isPrivate = bounds.isPrivate || vary.some((name) => identity.has(name));
  return Object.freeze({
    maxAge: bounds.maxAge,
    staleWhileRevalidate: bounds.swrDeadline - bounds.maxAge,
    staleIfError: bounds.sieDeadline - bounds.maxAge,
    scope: isPrivate ? 'PRIVATE' : 'PUBLIC',
    ...(vary.length ? { vary: Object.freeze(vary) } : {}),
  });
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

/**
 * The one reader of `@cacheControl` (docs/caching/policy.md): the hints are
 * read once per isolate (schema-hints.ts, by cache-hint.ts's merge rule), and
 * both the response cache's per-operation policy (operation-policy.ts, then
 * the sharing rule of sharing-rule.ts) and the connectors' per-field policies
 * (`ofField`, `ofType`) come from them.
 */
import { isCompositeType, isInterfaceType, isObjectType, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { CacheHint, CacheScope } from './cache-hint.ts';
import { operationBounds, type Bounds } from './operation-policy.ts';
import { readSchemaHints, type SchemaHints } from './schema-hints.ts';
import { forwardedByField, isCallersOwn, type ForwardedBy } from './sharing-rule.ts';

/** A hint as `ofType` and `ofField` answer it: the connectors read it from here. */
export type { CacheHint };

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

/**
 * The schema's `@cacheControl` hints, read once per isolate: the response
 * cache's policies and the connectors' per-field policies both come from here,
 * with one merge rule.
 */
export interface CacheHints extends SchemaHints {
  readonly schema: GraphQLSchema;
  /** A type's own hint (e.g. Product → maxAge 300), or undefined. */
  ofType(typeName: string): CacheHint | undefined;
  /** A field's effective hint: see `mergeHints`. */
  ofField(typeName: string, fieldName: string): CacheHint | undefined;
}

export interface PolicyOptions {
  /** maxAge, in seconds, for root fields and object-typed fields with no hint (Apollo's defaultMaxAge). Default 0: such a response is not cached. */
  defaultMaxAge?: number;
  /** The client headers resolving a field may forward upstream (its connector's, its return type's entity connector's). Default none. */
  forwardedBy?: ForwardedBy;
  /** Client headers that identify a caller (lower-case): a response that may forward one is PRIVATE whatever its hints say. */
  identityHeaders?: readonly string[];
}

type PolicyReader = (document: DocumentNode, operationName?: string | null) => CachePolicy | null;
type PoliciesByOperation = Map<string | null, CachePolicy | null>;

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
    const policy = policyOf(operationBounds({ schema, hints, forwarded, defaultMaxAge }, document, key), identity);
    byOperation.set(key, policy);
    return policy;
  };
}

function readDefaultMaxAge(value: number | undefined): number {
  if (value === undefined) return 0;
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`[cache] defaultMaxAge must be a non-negative integer, got ${String(value)}`);
  }
  return value;
}

/** The policy the bounds allow, with the sharing rule on top; null when the response is not cached. */
function policyOf(bounds: Bounds | null, identity: ReadonlySet<string>): CachePolicy | null {
  if (!bounds || bounds.maxAge === 0 || bounds.maxAge === Infinity) return null;
  const vary = [...bounds.vary].sort();
  const isPrivate = bounds.isPrivate || isCallersOwn(vary, identity);
  return Object.freeze({
    maxAge: bounds.maxAge,
    staleWhileRevalidate: bounds.swrDeadline - bounds.maxAge,
    staleIfError: bounds.sieDeadline - bounds.maxAge,
    scope: isPrivate ? 'PRIVATE' : 'PUBLIC',
    ...(vary.length ? { vary: Object.freeze(vary) } : {}),
  });
}

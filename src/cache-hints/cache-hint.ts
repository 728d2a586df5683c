/** One `@cacheControl` hint, and Apollo's rule for a field's hint over its return type's. */
export type CacheScope = 'PUBLIC' | 'PRIVATE';

export interface CacheHint {
  maxAge?: number;
  scope?: CacheScope;
  inheritMaxAge?: boolean;
  staleWhileRevalidate?: number;
  staleIfError?: number;
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

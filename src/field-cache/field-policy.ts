/** A cached call's lifetime, from its field's `@cacheControl` hint; in seconds. */
export interface FieldPolicy {
  maxAge: number;
  staleWhileRevalidate: number;
  staleIfError: number;
}

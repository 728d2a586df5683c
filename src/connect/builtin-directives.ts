/**
 * Directives a schema folder uses without declaring them. `@cacheControl`
 * stays in the served schema (the cache policy reads it); the connector
 * directives are read at startup and removed, so that clients, introspection
 * and codegen see only the API.
 */
export const SERVED_DIRECTIVES = /* GraphQL */ `
enum CacheControlScope {
  PUBLIC
  PRIVATE
}

directive @cacheControl(
  maxAge: Int
  scope: CacheControlScope
  inheritMaxAge: Boolean
  staleWhileRevalidate: Int
  staleIfError: Int
) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
`;

/** Read from the SDL, then removed from the served schema. */
export const CONNECTOR_DIRECTIVES = new Set(['link', 'source', 'connect', 'key', 'cacheTag', 'invalidates']);

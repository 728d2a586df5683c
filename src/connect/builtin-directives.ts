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

/**
 * Federation's other directives, which a subgraph file may use: accepted and
 * removed from the served schema. `@inaccessible` hides what it marks
 * (inaccessible.ts); the rest tell a router how to compose or plan across
 * subgraphs, which one graph has no use for (docs/connectors/directives.md).
 */
export const FEDERATION_DIRECTIVES = new Set([
  'inaccessible',
  'shareable',
  'external',
  'provides',
  'requires',
  'tag',
  'override',
  'composeDirective',
  'interfaceObject',
  'authenticated',
  'requiresScopes',
  'policy',
  'context',
  'fromContext',
  'listSize',
  'cost',
]);

/**
 * What a schema folder's `resolvers/*.ts` import from the gateway, as
 * `gateway:resolvers`: the one path they use, wherever the folder is and
 * wherever these live inside src/, so that moving a file here never breaks
 * a user's folder. wrangler ([alias]), the build's node
 * (scripts/resolver-imports.ts) and tsc (tsconfig.json `paths`) map it to
 * this file.
 */
export type { ResolverMap } from './connect/resolvers.ts';
export type { GatewayContext } from './connect/resolvers.ts';
// The gateway's own copy: a folder outside the project has no node_modules
// to find graphql in, and an error of another copy fails `instanceof` and
// reaches the client as an internal error, its code lost.
export { GraphQLError } from 'graphql';

/**
 * The node module hook (`module.register`) of the build's child process that
 * imports a schema folder's resolvers (scripts/build-schema.ts): there too,
 * from a folder anywhere on disk, `gateway:resolvers` is
 * src/schema-folder-api.ts, as wrangler's [alias] and tsconfig's `paths`
 * make it for the bundle and for tsc.
 */
import type { ResolveHook } from 'node:module';

const ENTRY = new URL('../src/schema-folder-api.ts', import.meta.url).href;

export const resolve: ResolveHook = (specifier, context, next) => (specifier === 'gateway:resolvers' ? { url: ENTRY, shortCircuit: true } : next(specifier, context));

import { buildASTSchema, type DocumentNode, type GraphQLSchema } from 'graphql';
import { createSchema } from 'graphql-yoga';
import type { GatewayPlan, SchemaFile } from './connector-plan.ts';
import { readSchemaFiles } from './read-schema.ts';
import { useEmittedSelections, type EmittedSelection } from './mapping/index.ts';
import { connectResolvers, type ResolverMap } from './resolvers.ts';

export interface GatewaySchema {
  schema: GraphQLSchema;
  /** The served SDL and the resolvers, for servers that take them apart (the benchmark's Apollo peer). */
  typeDefs: DocumentNode;
  resolvers: ResolverMap;
  plan: GatewayPlan;
  /** The served SDL, for the schema version in cache keys. */
  sdl: string;
}

/** A schema folder, as `scripts/build-schema.ts` bundles it: its SDL files, its escape-hatch resolvers, its selections written as JavaScript, by their text, and its trusted documents. */
export interface SchemaFolder {
  files: SchemaFile[];
  resolvers: ResolverMap[];
  selections?: Readonly<Record<string, EmittedSelection>>;
  /** The trusted documents codegen wrote from the folder's operations (`sha256:<hash>` → text), all that PERSISTED_ONLY runs; none when absent. */
  persistedDocuments?: Readonly<Record<string, string>>;
}

/** The executable schema: connectors' resolvers, with the folder's TypeScript ones where it has them. */
export function createGatewaySchema({ files, resolvers, selections = {} }: SchemaFolder): GatewaySchema {
  useEmittedSelections(selections);
  const { typeDefs, plan } = readSchemaFiles(files);
  const resolverMap = connectResolvers(buildASTSchema(typeDefs), plan, resolvers);
  return { schema: createSchema({ typeDefs, resolvers: resolverMap }), typeDefs, resolvers: resolverMap, plan, sdl: files.map((file) => file.sdl).join('\n') };
}

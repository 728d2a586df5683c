import { print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readSchemaFolder } from '../../../scripts/build-schema.ts';
import { connectorChecks } from '../../../src/connect/connector-checks.ts';
import { ConnectError, type ReadSchema } from '../../../src/connect/connector-plan.ts';
import { readSchemaFiles } from '../../../src/connect/read-schema.ts';

/** What an isolate serves by: the served SDL, and where each connector is, with its entity's key and batching. */
function served({ typeDefs, plan }: ReadSchema) {
  return {
    sdl: print(typeDefs),
    sources: plan.sources.map((source) => source.name),
    fields: [...plan.fields.keys()],
    entities: [...plan.entities.values()].map(({ type, key, batch, byField }) => ({ type, key, batch, byField })),
    keys: [...plan.keys],
    tags: [...plan.typeTags.keys(), ...plan.fieldTags.keys(), ...plan.invalidations.keys()],
  };
}

describe("the build's connector checks, which the Worker goes without", () => {
  it.each(['schema', 'examples/blog', 'examples/galaxy'])('never change the plan an isolate serves by (%s)', (dir) => {
    const files = readSchemaFolder(dir);
    expect(served(readSchemaFiles(files))).toEqual(served(readSchemaFiles(files, { checks: connectorChecks })));
  });

  it('find what only they look for: an isolate reads such a folder, the build refuses it', () => {
    const files = [
      {
        name: 'api.graphql',
        sdl: `extend schema @source(name: "api", http: { baseURL: "https://api.example.com" })
type Query { post(id: ID!): Post @connect(source: "api", http: { GET: "/posts/{$args.postId}" }, selection: "id title") }
type Post { id: ID! }`,
      },
    ];
    expect(readSchemaFiles(files).plan.fields.has('Query.post')).toBe(true);
    expect(() => readSchemaFiles(files, { checks: connectorChecks })).toThrow(ConnectError);
  });
});

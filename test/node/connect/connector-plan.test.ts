import { print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { readSchemaFolder } from '../../../scripts/build-schema.ts';
import { readSchemaFiles } from '../../../src/connect/read-schema.ts';
import { problemsOf } from './problems.ts';

const SOURCE = `extend schema @source(name: "api", http: { baseURL: "https://api.example.com/v1/" })\n`;

describe('reading connectors from the SDL', () => {
  it('reads the shop: sources, field and entity connectors, keys, invalidations', () => {
    const { plan, typeDefs } = readSchemaFiles(readSchemaFolder('schema'));
    expect(plan.sources).toEqual([{ name: 'shop', baseURL: 'http://127.0.0.1:4010', headers: [] }]);
    expect([...plan.entities.keys()].sort()).toEqual(['Inventory', 'Product']);
    expect(plan.entities.get('Product')).toMatchObject({ key: 'id', batch: true });
    expect(plan.entities.get('Inventory')).toMatchObject({ key: 'sku', batch: true });
    expect([...plan.invalidations.keys()].sort()).toEqual(['Mutation.placeOrder', 'Mutation.setInventory']);
    // Clients, introspection and codegen see the API only.
    const served = print(typeDefs);
    for (const directive of ['@connect', '@source', '@key', '@link', '@invalidates']) expect(served).not.toContain(directive);
    expect(served).toContain('@cacheControl(maxAge: 300');
  });

  it('trims the base URL and reads headers', () => {
    const { plan } = readSchemaFiles([
      {
        name: 'a.graphql',
        sdl: `extend schema @source(name: "api", http: { baseURL: "https://api.example.com/v1/", headers: [{ name: "X-Key", value: "k" }, { name: "Authorization", from: "Authorization" }] })
              type Query { ping: String @connect(source: "api", http: { GET: "/ping" }, selection: "$.text") }`,
      },
    ]);
    expect(plan.sources[0]).toEqual({ name: 'api', baseURL: 'https://api.example.com/v1', headers: [{ name: 'x-key', value: 'k' }, { name: 'authorization', from: 'authorization' }] });
  });

  it('fails on an unknown source, naming the file and line', () => {
    expect(problemsOf(`${SOURCE}type Query {\n  a: String\n  b: String @connect(source: "nope", http: { GET: "/b" }, selection: "$")\n}`)).toEqual([
      '[connect] schema/catalog.graphql:4: @connect on Query.b names source "nope", which no @source declares (declared: "api")',
    ]);
  });

  it('runs the first @connect of a field and warns of the others, which never run', () => {
    const connect = (path: string, selection: string) => `@connect(source: "api", http: { GET: "${path}" }, selection: "${selection}")`;
    const { plan, warnings } = readSchemaFiles([
      { name: 'schema/catalog.graphql', sdl: `${SOURCE}type Query {\n  post(id: ID!): Post\n    ${connect('/posts/{$args.id}', 'id title')}\n    ${connect('/posts/{$args.id}/body', 'body')}\n}\ntype Post { id: ID! title: String body: String }` },
    ]);
    expect(plan.fields.get('Query.post')?.selection.source).toBe('id title');
    expect(warnings).toEqual([
      '[connect] schema/catalog.graphql:5: warning: Query.post has more than one @connect: this one never runs (a field has one connector here, the first); what only it selects is null. Move it to a connector on Post (by its @key) or to a field of its own',
    ]);
  });

  it('fails on $args the field does not have', () => {
    expect(problemsOf(`${SOURCE}type Query { post(id: ID!): Post @connect(source: "api", http: { GET: "/posts/{$args.postId}" }, selection: "id") }\ntype Post { id: ID! }`)).toEqual([
      '[connect] schema/catalog.graphql:2: $args.postId: Query.post has no argument "postId" (it has: id)',
    ]);
  });

  it('fails on a selection naming a field the type lacks, nested ones included', () => {
    const problems = problemsOf(
      `${SOURCE}type Query { post(id: ID!): Post @connect(source: "api", http: { GET: "/posts/{$args.id}" }, selection: "id title author: { id: userId name }") }\ntype Post { id: ID! author: User }\ntype User { id: ID! }`,
    );
    expect(problems).toEqual([
      '[connect] schema/catalog.graphql:2: selection names "title", which Post does not have (it has: id, author)',
      '[connect] schema/catalog.graphql:2: selection names "name", which User does not have (it has: id)',
    ]);
  });

  it('fails on a batch connector that does not select its key, and on an entity connector without @key', () => {
    const problems = problemsOf(
      `${SOURCE}type Query { a: String }
type User @key(fields: "id") @connect(source: "api", http: { GET: "/users", queryParams: "id: $batch.id" }, selection: "$ { name }") { id: ID! name: String }
type Post @connect(source: "api", http: { GET: "/posts/{$this.id}" }, selection: "id") { id: ID! }`,
    );
    expect(problems).toEqual([
      '[connect] schema/catalog.graphql:3: a batch connector must select its key "id", or its results cannot be matched to the keys asked',
      '[connect] schema/catalog.graphql:4: @connect on type Post needs @key(fields: "...") on the type',
    ]);
  });

  it('fails on composite keys, $batch by another field, @invalidates on a query and bad syntax', () => {
    const problems = problemsOf(
      `${SOURCE}type Query { a: String @invalidates(tags: ["x"]) }
type A @key(fields: "id kind { name }") { id: ID! kind: String }
type B @key(fields: "id") @connect(source: "api", http: { GET: "/b", queryParams: "slug: $batch.slug" }, selection: "$ { id }") { id: ID! slug: String }
type C @key(fields: "id") @connect(source: "api", http: { GET: "/c" }, selection: "id {") { id: ID! }`,
    );
    expect(problems).toEqual([
      '[connect] schema/catalog.graphql:2: @invalidates on Query.a: only mutation fields change data',
      '[connect] schema/catalog.graphql:3: @key(fields: "id kind { name }") on A: a key is one or more fields of the type itself, e.g. "id" or "owner name"',
      '[connect] schema/catalog.graphql:5: selection: expected "}" at the end',
      '[connect] schema/catalog.graphql:4: $batch.slug: B is fetched by its key "id" only',
    ]);
  });

  it('reports GraphQL syntax errors with their line', () => {
    expect(problemsOf('type Query {\n  a: String\n  b String\n}')[0]).toMatch(/^\[schema\] schema\/catalog\.graphql:3: syntax error: /);
  });
});

import { print, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { FEDERATION_DIRECTIVES } from '../../../src/connect/builtin-directives.ts';
import { ConnectError } from '../../../src/connect/connector-plan.ts';
import { readSchemaFiles } from '../../../src/connect/read-schema.ts';
import { createGatewaySchema } from '../../../src/connect/gateway-schema.ts';

const FEDERATION = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.10", import: ["@key", "@shareable", "@external", "@requires", "@inaccessible"])
  @link(url: "https://specs.apollo.dev/connect/v0.1", import: ["@connect", "@source"])
  @source(name: "zoo", http: { baseURL: "https://zoo.example.com" })
`;

function read(sdl: string) {
  return readSchemaFiles([{ name: 'schema/zoo.graphql', sdl }]);
}

function problemsOf(sdl: string): string[] {
  try {
    read(sdl);
  } catch (error) {
    if (error instanceof ConnectError) return error.problems;
    throw error;
  }
  return [];
}

/** What clients, introspection and codegen see: the executable schema the gateway serves. */
function served(sdl: string) {
  return createGatewaySchema({ files: [{ name: 'schema/zoo.graphql', sdl }], resolvers: [] }).schema;
}

/** A type's field names, or its enum values' or input fields' names. */
function namesIn(schema: GraphQLSchema, type: string): string[] {
  const found = schema.getType(type);
  if (!found) return [];
  if ('getValues' in found) return found.getValues().map((value) => value.name);
  return 'getFields' in found ? Object.keys(found.getFields()) : [];
}

describe('federation directives in one graph', () => {
  it('accepts every directive a subgraph may use, and serves none of them', () => {
    const sdl = `${FEDERATION}
type Query {
  keeper(id: ID!): Keeper @connect(source: "zoo", http: { GET: "/keepers/{$args.id}" }, selection: "id name shift { start }") @tag(name: "public") @authenticated @requiresScopes(scopes: [["zoo:read"]]) @policy(policies: [["staff"]]) @cost(weight: 2)
  keepers: [Keeper] @connect(source: "zoo", http: { GET: "/keepers" }, selection: "id name") @listSize(assumedSize: 20)
}
type Keeper @key(fields: "id") @shareable @tag(name: "staff") @context(name: "keeper") {
  id: ID!
  name: String @override(from: "legacy")
  shift: Shift @provides(fields: "start")
  badge: String @external
  greeting(name: String @fromContext(field: "$keeper { name }")): String @requires(fields: "name")
}
type Shift @shareable { start: String }
type Animal @interfaceObject @key(fields: "id") { id: ID! }
`;
    const printed = print(read(sdl).typeDefs);
    for (const name of FEDERATION_DIRECTIVES) expect(printed).not.toContain(`@${name}`);
    expect(printed).toContain('greeting(name: String): String');
    expect(namesIn(served(sdl), 'Keeper')).toEqual(['id', 'name', 'shift', 'badge', 'greeting']);
  });

  it('@inaccessible hides types, fields, arguments, input fields and enum values from the served schema', () => {
    const sdl = `${FEDERATION}
type Query {
  animals(kind: Kind, secret: String @inaccessible, filter: AnimalFilter): [Animal] @connect(source: "zoo", http: { GET: "/animals" }, selection: "id name vetNotes")
  ledger: Ledger @inaccessible @connect(source: "zoo", http: { GET: "/ledger" }, selection: "total")
}
type Animal @key(fields: "id") {
  id: ID!
  name: String
  vetNotes: String @inaccessible
}
type Ledger @inaccessible { total: Int }
enum Kind { MAMMAL BIRD CRYPTID @inaccessible }
input AnimalFilter { name: String, internalId: ID @inaccessible }
`;
    const { typeDefs, plan } = read(sdl);
    const printed = print(typeDefs);
    for (const word of ['@inaccessible', 'vetNotes', 'Ledger', 'ledger', 'CRYPTID', 'secret', 'internalId']) expect(printed).not.toContain(word);
    // Connectors are still planned on the whole schema: a hidden field may be selected.
    expect([...plan.fields.keys()]).toEqual(['Query.animals', 'Query.ledger']);

    const schema = served(sdl);
    expect(schema.getType('Ledger')).toBeUndefined();
    expect(namesIn(schema, 'Query')).toEqual(['animals']);
    expect(schema.getQueryType()!.getFields().animals!.args.map((arg) => arg.name)).toEqual(['kind', 'filter']);
    expect(namesIn(schema, 'Animal')).toEqual(['id', 'name']);
    expect(namesIn(schema, 'Kind')).toEqual(['MAMMAL', 'BIRD']);
    expect(namesIn(schema, 'AnimalFilter')).toEqual(['name']);
  });

  it('refuses to hide a type that a visible field, argument or input field still names', () => {
    const problems = problemsOf(`${FEDERATION}
type Query {
  enclosure: Enclosure
  byZone(zone: Zone): String
}
type Enclosure @inaccessible { id: ID! }
input Zone @inaccessible { code: String }
input Move { to: Zone }
`);
    expect(problems).toEqual([
      '[connect] schema/zoo.graphql:7: Query.enclosure is visible but its type Enclosure is @inaccessible: mark it @inaccessible too',
      '[connect] schema/zoo.graphql:8: Query.byZone(zone:) is visible but its type Zone is @inaccessible: mark it @inaccessible too',
      '[connect] schema/zoo.graphql:12: Move.to is visible but its type Zone is @inaccessible: mark it @inaccessible too',
    ]);
  });

  it('@key(resolvable: false) needs no entity connector, and cannot have one', () => {
    const { plan } = read(`${FEDERATION}
type Query { feeding: Feeding @connect(source: "zoo", http: { GET: "/feeding" }, selection: "time animal { id }") }
type Feeding { time: String animal: Animal }
type Animal @key(fields: "id", resolvable: false) { id: ID! }
`);
    expect(plan.entities.size).toBe(0);
    // Still the entity's identity, for the records a call is indexed under.
    expect(plan.keys.get('Animal')).toBe('id');

    expect(
      problemsOf(`${FEDERATION}
type Query { animal(id: ID!): Animal @connect(selection: "id: $args.id") }
type Animal @key(fields: "id", resolvable: false) @connect(source: "zoo", http: { GET: "/animals/{$this.id}" }, selection: "id name") { id: ID! name: String }
`),
    ).toEqual(['[connect] schema/zoo.graphql:7: @connect on type Animal resolves it, but its @key says resolvable: false']);
  });

  it('reads directives under the names a file imports them as, or by the spec prefix', () => {
    const { typeDefs, plan } = read(`extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.10", import: [{ name: "@key", as: "@id" }, { name: "@inaccessible", as: "@hidden" }])
  @link(url: "https://specs.apollo.dev/connect/v0.1", as: "http", import: [{ name: "@connect", as: "@fetch" }])
  @http__source(name: "zoo", http: { baseURL: "https://zoo.example.com" })
type Query {
  animals: [Animal] @fetch(source: "zoo", http: { GET: "/animals" }, selection: "id") @federation__shareable
  keepers: [String] @http(source: "zoo", http: { GET: "/keepers" }, selection: "$.names")
}
type Animal @id(fields: "id") { id: ID! tag: String @hidden }
`);
    expect(plan.sources.map((source) => source.name)).toEqual(['zoo']);
    expect([...plan.fields.keys()]).toEqual(['Query.animals', 'Query.keepers']);
    expect(plan.keys.get('Animal')).toBe('id');
    const printed = print(typeDefs);
    for (const word of ['@id', '@hidden', '@fetch', '@http', '@federation__shareable', 'tag']) expect(printed).not.toContain(word);
  });

  it('extend type Query works in a folder with no type Query', () => {
    const { typeDefs, plan } = read(`${FEDERATION}
extend type Query { animals: [Animal] @connect(source: "zoo", http: { GET: "/animals" }, selection: "id") }
type Animal { id: ID! }
`);
    expect(print(typeDefs)).toContain('type Query {');
    expect([...plan.fields.keys()]).toEqual(['Query.animals']);
  });
});

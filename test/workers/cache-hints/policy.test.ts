import { buildSchema, parse } from 'graphql';
import schemaFolder from 'gateway:schema';
import { describe, expect, it } from 'vitest';
import { createPolicyReader, readCacheHints, type CachePolicy, type PolicyOptions } from '../../../src/cache-hints/policy.ts';
import { createConnectorRuntime } from '../../../src/connect/connectors.ts';
import { createGatewaySchema } from '../../../src/connect/gateway-schema.ts';
import type { FieldCache } from '../../../src/field-cache/field-cache.ts';
import type { FieldPolicy } from '../../../src/field-cache/field-policy.ts';
import { createTrace } from '../../../src/shared/trace.ts';
import type { OriginClient } from '../../../src/upstream/client.ts';

const { schema } = createGatewaySchema(schemaFolder);
const readPolicy = createPolicyReader(readCacheHints(schema));

function policyOf(query: string, operationName?: string | null): CachePolicy | null {
  return readPolicy(parse(query), operationName);
}

function policy(maxAge: number, staleWhileRevalidate = 0, staleIfError = 0, scope: CachePolicy['scope'] = 'PUBLIC'): CachePolicy {
  return { maxAge, staleWhileRevalidate, staleIfError, scope };
}

/** Hints the real schema lacks: field over type, interfaces, unions, unhinted roots, inheritMaxAge chains. */
const edgeSchema = buildSchema(`
  enum CacheControlScope { PUBLIC PRIVATE }
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean, staleWhileRevalidate: Int, staleIfError: Int) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION

  type Query {
    ping: String
    pinned: String @cacheControl(maxAge: 45)
    thing: Thing
    shortThing: Thing @cacheControl(maxAge: 10)
    secretThing: Thing @cacheControl(maxAge: 20, scope: PRIVATE)
    vague: Vague
    inherited: Vague @cacheControl(inheritMaxAge: true)
    inheritedThing: Thing @cacheControl(inheritMaxAge: true)
    node: Node
    search: [Result!]!
    chain: Outer @cacheControl(maxAge: 100, staleIfError: 1000)
    fresh: Fresh
    stale: Stale
    again: Query @cacheControl(maxAge: 25)
    secret: Secret
    openSecret: Secret @cacheControl(scope: PUBLIC)
    tenant: Thing
  }
  type Mutation { touch: Thing }

  type Thing @cacheControl(maxAge: 120, staleWhileRevalidate: 30) {
    id: ID!
    self: Thing
    label: String
  }
  type Vague { name: String }
  type Secret @cacheControl(maxAge: 30, scope: PRIVATE) { id: ID! }

  interface Node @cacheControl(maxAge: 60) { id: ID! }
  type Article implements Node @cacheControl(maxAge: 600) { id: ID! @cacheControl(maxAge: 15) title: String }
  type Author implements Node { id: ID! name: String }

  union Result @cacheControl(maxAge: 40) = Article | Author

  type Outer { middle: Middle @cacheControl(inheritMaxAge: true) }
  type Middle @cacheControl(inheritMaxAge: true) { inner: Inner count: Int }
  type Inner @cacheControl(inheritMaxAge: true) { text: String loose: Vague }

  type Fresh @cacheControl(maxAge: 10, staleWhileRevalidate: 100, staleIfError: 100) { id: ID! }
  type Stale @cacheControl(maxAge: 50, staleWhileRevalidate: 20) { id: ID! }
`);

function edgePolicyOf(query: string, options?: PolicyOptions): CachePolicy | null {
  return createPolicyReader(readCacheHints(edgeSchema), options)(parse(query));
}

describe('createPolicyReader over the gateway schema', () => {
  it('caches a product for its type hint, PUBLIC, with its stale-if-error window', () => {
    expect(policyOf('{ product(id: "1") { id name price { amount } } }')).toEqual(policy(300, 0, 86400));
  });

  it('lets inventory shorten maxAge while keeping its own stale windows, bounded by the product', () => {
    expect(policyOf('{ product(id: "1") { id name price { amount } inventory { available } } }')).toEqual(
      policy(5, 60, 86400),
    );
  });

  it('caches a products page for the field hint, through inheritMaxAge connection and page info', () => {
    expect(policyOf('{ products { nodes { id } pageInfo { hasNextPage } totalCount } }')).toEqual(policy(300, 0, 86400));
  });

  it('caches a list of products by ids for the Product hint', () => {
    expect(policyOf('{ productsByIds(ids: ["1", "2"]) { id sku } }')).toEqual(policy(300, 0, 86400));
  });

  it('makes a viewer query PRIVATE for 30 s, with no stale window the user and order hints do not give', () => {
    expect(
      policyOf('{ viewer { id orders { id items { quantity product { id } } total { amount } } } }'),
    ).toEqual(policy(30, 0, 0, 'PRIVATE'));
  });

  it('makes a query PRIVATE when one of its fields is, however public the rest', () => {
    expect(policyOf('{ product(id: "1") { id } order(id: "o1") { id } }')).toEqual(policy(30, 0, 0, 'PRIVATE'));
  });

  it('counts fields under @skip and @include: the policy must hold for any variables', () => {
    expect(
      policyOf('query($full: Boolean!) { product(id: "1") { id inventory @include(if: $full) { available } } }'),
    ).toEqual(policy(5, 60, 86400));
  });

  it('does not cache mutations or subscriptions', () => {
    expect(policyOf('mutation { setInventory(sku: "S1", available: 3) { available } }')).toBeNull();
    expect(policyOf('subscription { product(id: "1") { id } }')).toBeNull();
  });

  it('does not cache a query that selects nothing but __typename', () => {
    expect(policyOf('{ __typename }')).toBeNull();
  });

  it('ignores __typename next to cacheable fields', () => {
    expect(policyOf('{ __typename product(id: "1") { __typename id } }')).toEqual(policy(300, 0, 86400));
  });

  it('does not cache introspection, alone or next to cacheable fields', () => {
    expect(policyOf('{ __schema { types { name } } }')).toBeNull();
    expect(policyOf('{ __type(name: "Product") { name } }')).toBeNull();
    expect(policyOf('{ product(id: "1") { id } __type(name: "Product") { name } }')).toBeNull();
  });

  it('does not cache a document that selects a field the schema lacks', () => {
    expect(policyOf('{ product(id: "1") { id colour } }')).toBeNull();
  });

  it('gives named and inline fragments the same policy as the inlined query', () => {
    const inlined = policyOf('{ product(id: "1") { id name inventory { available } price { amount } } }');
    const withFragments = policyOf(`
      query Product { product(id: "1") { ...ProductFields ... on Product { price { amount } } } }
      fragment ProductFields on Product { id ...Name inventory { ...Stock } }
      fragment Name on Product { name }
      fragment Stock on Inventory { available }
    `);
    expect(withFragments).toEqual(inlined);
    expect(withFragments).toEqual(policy(5, 60, 86400));
  });

  it('picks the operation by name and refuses an unknown or missing one', () => {
    const document = `
      query Stock { product(id: "1") { inventory { available } } }
      query Catalog { products { totalCount } }
    `;
    expect(policyOf(document, 'Stock')).toEqual(policy(5, 60, 86400));
    expect(policyOf(document, 'Catalog')).toEqual(policy(300, 0, 86400));
    expect(policyOf(document, 'Missing')).toBeNull();
    expect(policyOf(document)).toBeNull();
    expect(policyOf('{ product(id: "1") { id } }', 'Missing')).toBeNull();
  });

  it('memoizes per document and operation name, returning the identical frozen policy', () => {
    const document = parse('query A { product(id: "1") { id } } query B { viewer { id } }');
    const first = readPolicy(document, 'A');
    expect(readPolicy(document, 'A')).toBe(first);
    expect(readPolicy(document, 'B')).toEqual(policy(30, 0, 0, 'PRIVATE'));
    expect(readPolicy(document, 'A')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);

    const twin = parse('query A { product(id: "1") { id } } query B { viewer { id } }');
    expect(readPolicy(twin, 'A')).toEqual(first);
    expect(readPolicy(twin, 'A')).not.toBe(first);
  });

  it('memoizes a null policy too', () => {
    const document = parse('{ __typename }');
    expect(readPolicy(document)).toBeNull();
    expect(readPolicy(document, null)).toBeNull();
  });
});

describe('createPolicyReader on hints the gateway schema lacks', () => {
  it('does not cache an unhinted root field by default, and uses defaultMaxAge when given', () => {
    expect(edgePolicyOf('{ ping }')).toBeNull();
    expect(edgePolicyOf('{ ping }', { defaultMaxAge: 60 })).toEqual(policy(60));
    expect(edgePolicyOf('{ ping pinned }', { defaultMaxAge: 60 })).toEqual(policy(45));
  });

  it('uses defaultMaxAge for a non-root object field with no hint, not for a scalar one', () => {
    expect(edgePolicyOf('{ pinned vague { name } }')).toBeNull();
    expect(edgePolicyOf('{ pinned vague { name } }', { defaultMaxAge: 30 })).toEqual(policy(30));
    expect(edgePolicyOf('{ thing { id label } }')).toEqual(policy(120, 30));
  });

  it('lets a field hint override its return type\'s hint wholesale', () => {
    expect(edgePolicyOf('{ shortThing { id } }')).toEqual(policy(10));
    expect(edgePolicyOf('{ shortThing { id self { id } } }')).toEqual(policy(10));
  });

  it('makes a field PRIVATE when its own hint says so, over a PUBLIC type', () => {
    expect(edgePolicyOf('{ secretThing { id } }')).toEqual(policy(20, 0, 0, 'PRIVATE'));
  });

  it('gives a root field with inheritMaxAge the default: there is no parent to inherit from', () => {
    expect(edgePolicyOf('{ inherited { name } }')).toBeNull();
    expect(edgePolicyOf('{ inherited { name } }', { defaultMaxAge: 90 })).toEqual(policy(90));
  });

  it('takes the return type\'s maxAge over a field hint that only says inheritMaxAge, as Apollo merges hints', () => {
    expect(edgePolicyOf('{ inheritedThing { id } }')).toEqual(policy(120, 30));
  });

  it('follows a chain of inheritMaxAge fields and types to the ancestor\'s hint', () => {
    expect(edgePolicyOf('{ chain { middle { count inner { text } } } }')).toEqual(policy(100, 0, 1000));
  });

  it('stops inheriting at an unhinted object type in the chain', () => {
    expect(edgePolicyOf('{ chain { middle { inner { loose { name } } } } }')).toBeNull();
    expect(edgePolicyOf('{ chain { middle { inner { loose { name } } } } }', { defaultMaxAge: 50 })).toEqual(policy(50));
  });

  it('takes the interface hint for the field and every implementation\'s field hints', () => {
    expect(edgePolicyOf('{ node { __typename } }')).toEqual(policy(60));
    expect(edgePolicyOf('{ node { id } }')).toEqual(policy(15));
    expect(edgePolicyOf('{ node { ... on Author { name } } }')).toEqual(policy(60));
  });

  it('takes the union hint for the field, and the hints of the fields selected on its members', () => {
    expect(edgePolicyOf('{ search { __typename ... on Author { name } } }')).toEqual(policy(40));
    expect(edgePolicyOf('{ search { ... on Article { id title } } }')).toEqual(policy(15));
  });

  it('keeps each stale window as a deadline: the response never outlives a field\'s own window', () => {
    // Fresh may be served stale until 110 s, Stale until 70 s (revalidating) or 50 s (on error).
    expect(edgePolicyOf('{ fresh { id } stale { id } }')).toEqual(policy(10, 60, 40));
    expect(edgePolicyOf('{ fresh { id } }')).toEqual(policy(10, 100, 100));
  });

  it('does not cache a mutation even when its fields are hinted', () => {
    expect(edgePolicyOf('mutation { touch { id } }')).toBeNull();
  });

  it('tolerates fragment cycles in an invalid document', () => {
    const query = `
      { thing { ...Loop } }
      fragment Loop on Thing { id self { ...Loop ...Other } }
      fragment Other on Thing { label self { ...Loop } }
    `;
    expect(edgePolicyOf(query)).toEqual(policy(120, 30));
  });

  it('walks a fragment spread below the root again at the root, where its fields take the default', () => {
    const query = '{ again { ...Ping } ...Ping } fragment Ping on Query { ping }';
    expect(edgePolicyOf(query)).toBeNull();
    expect(edgePolicyOf(query, { defaultMaxAge: 70 })).toEqual(policy(25));
  });

  it('does not cache a spread of a fragment the document lacks', () => {
    expect(edgePolicyOf('{ thing { ...Missing } }')).toBeNull();
  });
});

describe('one merge rule for the response cache and the field cache', () => {
  const hints = readCacheHints(edgeSchema);

  it('a field\'s scope replaces its type\'s, as in Apollo, and the field cache reads the same hint', () => {
    expect(edgePolicyOf('{ secret { id } }')).toEqual(policy(30, 0, 0, 'PRIVATE'));
    expect(edgePolicyOf('{ openSecret { id } }')).toEqual(policy(30));
    expect(hints.ofField('Query', 'openSecret')).toEqual({ maxAge: 30, scope: 'PUBLIC' });
    expect(hints.ofField('Query', 'secret')).toEqual({ maxAge: 30, scope: 'PRIVATE' });
    expect(hints.ofField('Query', 'shortThing')).toEqual({ maxAge: 10 });
    expect(hints.ofField('Query', 'inheritedThing')).toEqual({ maxAge: 120, staleWhileRevalidate: 30, inheritMaxAge: true });
  });
});

describe('the sharing rule: what connectors forward', () => {
  const forwardedBy = (type: string, field: string): string[] => (type === 'Query' && field === 'tenant' ? ['x-tenant'] : type === 'Query' && field === 'shortThing' ? ['authorization'] : []);
  const options: PolicyOptions = { forwardedBy, identityHeaders: ['authorization', 'cookie'] };

  it('varies a shared answer on a forwarded header', () => {
    expect(edgePolicyOf('{ tenant { id } }', options)).toEqual({ ...policy(120, 30), vary: ['x-tenant'] });
    expect(edgePolicyOf('{ thing { id } }', options)).toEqual(policy(120, 30));
  });

  it('makes an answer that forwards an identity header PRIVATE, whatever its hints say', () => {
    expect(edgePolicyOf('{ shortThing { id } }', options)).toEqual({ ...policy(10, 0, 0, 'PRIVATE'), vary: ['authorization'] });
    expect(edgePolicyOf('{ shortThing { id } tenant { id } }', options)).toEqual({ ...policy(10, 0, 0, 'PRIVATE'), vary: ['authorization', 'x-tenant'] });
  });

  it('counts a header only as identity when the var lists it', () => {
    expect(edgePolicyOf('{ shortThing { id } }', { forwardedBy, identityHeaders: ['cookie'] })).toEqual({ ...policy(10), vary: ['authorization'] });
  });
});

describe('createPolicyReader options', () => {
  it.each([-1, 1.5, Number.NaN, Infinity])('throws on defaultMaxAge %s', (defaultMaxAge) => {
    expect(() => createPolicyReader(readCacheHints(schema), { defaultMaxAge })).toThrow(
      /^\[cache\] defaultMaxAge must be a non-negative integer, got /,
    );
  });

  it('accepts defaultMaxAge 0 and none', () => {
    expect(() => createPolicyReader(readCacheHints(schema), { defaultMaxAge: 0 })).not.toThrow();
    expect(() => createPolicyReader(readCacheHints(schema), {})).not.toThrow();
  });

  it('refuses a schema with a negative hint when reading it', () => {
    const bad = buildSchema(`
      directive @cacheControl(maxAge: Int) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
      type Query { a: String @cacheControl(maxAge: -5) }
    `);
    expect(() => createPolicyReader(readCacheHints(bad))).toThrow('[cache] @cacheControl(maxAge) on Query.a must not be negative, got -5');
  });

  it('caches nothing in a schema without the @cacheControl directive but what defaultMaxAge allows', () => {
    const plain = buildSchema('type Query { a: String }');
    expect(createPolicyReader(readCacheHints(plain))(parse('{ a }'))).toBeNull();
    expect(createPolicyReader(readCacheHints(plain), { defaultMaxAge: 5 })(parse('{ a }'))).toEqual(policy(5));
  });
});

describe('readCacheHints', () => {
  it('reads the hints of the entity types', () => {
    expect(readCacheHints(schema).ofType('Inventory')).toEqual({ maxAge: 5, staleWhileRevalidate: 60, staleIfError: 86400 });
    expect(readCacheHints(schema).ofType('Product')).toEqual({ maxAge: 300, staleIfError: 86400 });
    expect(readCacheHints(schema).ofType('User')).toEqual({ maxAge: 30, scope: 'PRIVATE' });
    expect(readCacheHints(schema).ofType('Money')).toEqual({ inheritMaxAge: true });
  });

  it('answers undefined for a type without a hint, a non-composite type or an unknown name', () => {
    expect(readCacheHints(schema).ofType('Query')).toBeUndefined();
    expect(readCacheHints(schema).ofType('OrderStatus')).toBeUndefined();
    expect(readCacheHints(schema).ofType('Nope')).toBeUndefined();
  });

  it('reads hints on interfaces and unions', () => {
    expect(readCacheHints(edgeSchema).ofType('Node')).toEqual({ maxAge: 60 });
    expect(readCacheHints(edgeSchema).ofType('Result')).toEqual({ maxAge: 40 });
  });
});

describe('the sharing rule over a schema with @inaccessible', () => {
  it('a connector on a hidden field is planned but serves no client, and the runtime builds around it', () => {
    const sdl = `extend schema @source(name: "zoo", http: { baseURL: "https://zoo.example.com" })
      directive @inaccessible on FIELD_DEFINITION
      type Query {
        animals: [String] @connect(source: "zoo", http: { GET: "/animals" }, selection: "$")
        keeperNotes: String @inaccessible @connect(source: "zoo", http: { GET: "/notes", headers: [{ name: "x-keeper", from: "x-keeper" }] }, selection: "$")
      }
    `;
    const { schema: zoo, plan } = createGatewaySchema({ files: [{ name: 'schema/zoo.graphql', sdl }], resolvers: [] });
    expect([...plan.fields.keys()]).toEqual(['Query.animals', 'Query.keeperNotes']);
    expect(Object.keys(zoo.getQueryType()!.getFields())).toEqual(['animals']);
    const runtime = createConnectorRuntime({ hints: readCacheHints(zoo), plan, identityHeaders: ['authorization'], baseUrls: new Map([['zoo', 'https://zoo.example.com']]), maxBatchSize: 10 });
    expect(runtime.forwardedBy('Query', 'animals')).toEqual([]);
    expect(runtime.forwardedBy('Query', 'keeperNotes')).toEqual(['x-keeper']);
  });
});

describe('a PRIVATE type under a PUBLIC field: the response and the connector call read one policy', () => {
  // Apollo's rule: the field's hint replaces its type's argument by argument, scope too (docs/caching/policy.md). The sharing rule applies on top.
  const sdl = `extend schema @source(name: "shop", http: { baseURL: "https://shop.example.com" })
    type Query {
      product(id: ID!): Product @cacheControl(maxAge: 10, scope: PUBLIC) @connect(source: "shop", http: { GET: "/products/{$args.id}" }, selection: "id name")
      privateProduct(id: ID!): Product @cacheControl(maxAge: 10) @connect(source: "shop", http: { GET: "/products/{$args.id}" }, selection: "id name")
      myProduct(id: ID!): Product
        @cacheControl(maxAge: 10, scope: PUBLIC)
        @connect(source: "shop", http: { GET: "/products/{$args.id}", headers: [{ name: "authorization", from: "authorization" }] }, selection: "id name")
    }
    type Product @cacheControl(scope: PRIVATE) { id: ID! name: String }
  `;
  const { schema: shop, plan } = createGatewaySchema({ files: [{ name: 'schema/shop.graphql', sdl }], resolvers: [] });
  const hints = readCacheHints(shop);
  const identityHeaders = ['authorization'];
  const runtime = createConnectorRuntime({ hints, plan, identityHeaders, baseUrls: new Map([['shop', 'https://shop.example.com']]), maxBatchSize: 10 });
  const responsePolicyOf = createPolicyReader(hints, { forwardedBy: runtime.forwardedBy, identityHeaders });

  /** The policy the connector's call is kept under in the field cache; undefined when the call goes to the origin uncached. */
  async function fieldPolicyOf(field: string): Promise<FieldPolicy | undefined> {
    const kept: FieldPolicy[] = [];
    const fieldCache: FieldCache = {
      async load(items) {
        kept.push(...items.map((item) => item.policy));
        return new Map(items.map((item) => [item.key, { value: { id: '1', name: 'Kept' }, readAt: Date.now(), state: 'fresh' as const }]));
      },
      async purge() {},
    };
    const origin: OriginClient = {
      async request<T>() {
        return { body: { id: '1', name: 'Fresh' } as T, sharing: 'shared' as const, status: 200, headers: {} };
      },
    };
    const connectors = runtime.forRequest({ origin, headers: new Headers({ authorization: 'Bearer a' }), trace: createTrace(), fieldCache, background: () => {} });
    await connectors.call(`Query.${field}`, { args: { id: '1' } });
    expect(kept.length).toBeLessThanOrEqual(1);
    return kept[0];
  }

  it('the field says PUBLIC over its PRIVATE type: the response is shared for 10 s, and the call is kept for 10 s', async () => {
    expect(responsePolicyOf(parse('{ product(id: "1") { id name } }'))).toEqual(policy(10));
    expect(await fieldPolicyOf('product')).toEqual({ maxAge: 10, staleWhileRevalidate: 0, staleIfError: 0 });
  });

  it('the field says no scope: its PRIVATE type decides, so the response is PRIVATE and the call is not kept', async () => {
    expect(responsePolicyOf(parse('{ privateProduct(id: "1") { id name } }'))).toEqual(policy(10, 0, 0, 'PRIVATE'));
    expect(await fieldPolicyOf('privateProduct')).toBeUndefined();
  });

  it('the field says PUBLIC but its connector forwards an identity header: the sharing rule makes both PRIVATE', async () => {
    expect(responsePolicyOf(parse('{ myProduct(id: "1") { id name } }'))).toEqual({ ...policy(10, 0, 0, 'PRIVATE'), vary: ['authorization'] });
    expect(await fieldPolicyOf('myProduct')).toBeUndefined();
  });
});

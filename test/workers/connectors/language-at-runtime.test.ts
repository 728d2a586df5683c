import { graphql } from 'graphql';
import { beforeEach, describe, expect, it } from 'vitest';
import { readCacheHints } from '../../../src/cache-hints/policy.ts';
import { createConnectorRuntime } from '../../../src/connect/connectors.ts';
import { createGatewaySchema } from '../../../src/connect/gateway-schema.ts';
import { createOriginClient } from '../../../src/upstream/client.ts';
import { createTrace } from '../../../src/shared/trace.ts';
import { scriptedOrigin } from '../upstream/scripted-origin.ts';

/**
 * Apollo's Connectors language where it meets HTTP: templated headers,
 * `$config`, `$env`, `$request`, `$status`, `$response`, relations given as
 * whole URLs, `errors` and `isSuccess`, `entity: true` and `batch.maxSize`,
 * each against a scripted origin over real HTTP, through the schema as
 * clients query it.
 */
const main = scriptedOrigin('main');
const elsewhere = scriptedOrigin('elsewhere');

const SDL = /* GraphQL */ `
  extend schema
    @link(url: "https://specs.apollo.dev/connect/v0.2", import: ["@source", "@connect"])
    @source(
      name: "api"
      http: { baseURL: "https://api.example.com/v1", headers: [{ name: "authorization", value: "Bearer {$config.token}" }] }
      errors: { message: "error.message", extensions: "code: error.kind" }
    )
    @source(name: "other", http: { baseURL: "https://other.example.com" })
    @source(name: "versioned", http: { baseURL: "https://api.example.com", path: "$(['v2', $config.tenant])", queryParams: "lang: $('en')" })

  type Person @key(fields: "id") {
    id: ID!
    "Read by name: a stub without one is completed first, as @requires would ask."
    bio: String @connect(source: "api", http: { GET: "/bios/{$this.name}" }, selection: "$.text")
    name: String
    height: Int
    homeworld: Planet
  }
  type Planet {
    name: String
    url: String
  }
  type Summary {
    id: ID
    name: String
  }
  type Page {
    items: [Summary]
    next: String
    total: Int
    status: Int
  }

  type Repo @key(fields: "owner name") @connect(source: "api", http: { GET: "/repos/{$this.owner}/{$this.name}" }, selection: "owner: owner.login name stars: stargazers_count") {
    owner: String!
    name: String!
    stars: Int
  }
  type Tag @key(fields: "id") @connect(source: "api", http: { GET: "/tags", queryParams: "ids: $batch.id->joinNotNull(',')" }, selection: "$.tags { id label }", batch: { maxSize: 2 }) {
    id: ID!
    label: String
  }

  type Message {
    sid: ID
  }
  type Note {
    id: ID
  }
  type Mutation {
    send(to: String!, text: String!): Message
      @connect(
        source: "api"
        http: { POST: "messages", headers: [{ name: "content-type", value: "application/x-www-form-urlencoded" }], body: "To: $args.to Body: $args.text Tags: $(['a', 'b c']) Meta: { n: $(1) }" }
        selection: "sid"
      )
  }

  type Query {
    note(tenant: String!): Note @connect(source: "api", http: { GET: "/notes", headers: [{ name: "x-tenant", value: "{$args.tenant}" }] }, selection: "id")
    document(id: ID!): String @connect(source: "versioned", http: { GET: "/docs", path: "$([$args.id, 'raw'])", queryParams: "full: $(true)" }, selection: "$.text")
    starred: [Repo] @connect(source: "api", http: { GET: "/starred" }, selection: "owner: repo_owner name: repo_name")
    tagged: [Tag] @connect(source: "api", http: { GET: "/tagged" }, selection: "id: $")
    author: Person @connect(source: "api", http: { GET: "/author" }, selection: "id: person_id")
    person(id: ID!): Person
      @connect(
        source: "api"
        http: { GET: "/people/{$args.id}", headers: [{ name: "x-region", value: "{$env.REGION}" }, { name: "x-tenant", value: "{$request.headers.'x-tenant'->first}" }] }
        selection: "id: $args.id name height: height->parseInt homeworld: { url: homeworld }"
        entity: true
      )
    planet(url: String!): Planet @connect(source: "api", http: { GET: "{$args.url}" }, selection: "name url: $args.url")
    people: Page
      @connect(
        source: "api"
        http: { GET: "/people" }
        selection: "items: results { id name } next: $response.headers.link->first total: count->add(0) status: $status"
      )
    teapot: String @connect(source: "api", http: { GET: "/teapot" }, selection: "$.value", isSuccess: "ok->eq(true)")
    labels: [String] @connect(source: "api", http: { GET: "/labels" }, selection: "$(items->slice(0, 2))->map(@->jsonStringify)")
  }
`;

function gateway(vars: { token?: string; region?: string } = {}) {
  const { schema, plan } = createGatewaySchema({ files: [{ name: 'people.graphql', sdl: SDL }], resolvers: [] });
  const runtime = createConnectorRuntime({
    hints: readCacheHints(schema),
    plan,
    identityHeaders: ['authorization'],
    baseUrls: new Map([
      ['api', `${main.url}/v1`],
      ['versioned', main.url],
      ['other', elsewhere.url],
    ]),
    sourceConfig: new Map<string, Record<string, string>>([
      ['api', vars.token ? { token: vars.token } : {}],
      ['versioned', { tenant: 'acme corp' }],
    ]),
    env: vars.region ? { REGION: vars.region } : {},
    maxBatchSize: 100,
  });
  return async (source: string, headers: Record<string, string> = {}) => {
    const request = new Request('https://gateway.test/graphql', { headers });
    const trace = createTrace();
    const connectors = runtime.forRequest({ origin: createOriginClient({ timeoutMs: 1000 }), headers: request.headers, trace, fieldCache: undefined, background: () => {} });
    const result = await graphql({ schema, source, contextValue: { connectors, request, trace } });
    return { result: JSON.parse(JSON.stringify(result)) as { data?: Record<string, unknown>; errors?: { message: string; extensions?: Record<string, unknown> }[] }, trace };
  };
}

describe('the Connectors language over HTTP', () => {
  beforeEach(() => elsewhere.script({ 'GET /planets/1': { body: '{"name":"Stolen"}' } }));

  it('fills header templates from $config, $env and the caller’s headers, and maps numeric strings', async () => {
    await main.script({ 'GET /v1/people/1': { body: '{"name":"Luke","height":"172","homeworld":"http://x/planets/1/"}' } });
    const query = gateway({ token: 'secret-1', region: 'eu' });

    const { result, trace } = await query('{ person(id: "1") { id name height homeworld { url } } }', { 'x-tenant': 'acme' });

    expect(result).toEqual({ data: { person: { id: '1', name: 'Luke', height: 172, homeworld: { url: 'http://x/planets/1/' } } } });
    const [sent] = await main.requests();
    expect(sent!.headers).toMatchObject({ authorization: 'Bearer secret-1', 'x-region': 'eu', 'x-tenant': 'acme' });
    // A client header read by an expression is forwarded: the response cache must vary on it.
    expect([...trace.forwarded]).toEqual(['x-tenant']);
  });

  it('a non-numeric string parses to nothing, which the field answers as null', async () => {
    await main.script({ 'GET /v1/people/2': { body: '{"name":"R2","height":"unknown"}' } });
    const { result } = await gateway()('{ person(id: "2") { name height } }');
    expect(result).toEqual({ data: { person: { name: 'R2', height: null } } });
  });

  it('follows a relation given as a whole URL on a declared source’s origin', async () => {
    await main.script({ 'GET /v1/planets/1/': { body: '{"name":"Tatooine"}' } });
    const url = `${main.url}/v1/planets/1/`;
    const { result } = await gateway()(`{ planet(url: ${JSON.stringify(url)}) { name url } }`);
    expect(result).toEqual({ data: { planet: { name: 'Tatooine', url } } });
  });

  it('refuses a whole URL off the connector’s own source, even to another declared source, and sends nothing there', async () => {
    const { result } = await gateway()(`{ planet(url: ${JSON.stringify(`${elsewhere.url}/planets/1`)}) { name } }`);
    expect(result.data).toEqual({ planet: null });
    expect(result.errors?.[0]?.extensions?.code).toBe('CONNECTOR_URL_REFUSED');
    expect(JSON.stringify(result.errors)).not.toContain(elsewhere.url);
    expect(await elsewhere.requests()).toEqual([]);
  });

  it('reads the answer’s status and headers as $status and $response', async () => {
    await main.script({ 'GET /v1/people': { headers: { link: '<https://api/people?page=2>; rel="next"' }, body: '{"count":2,"results":[{"id":1,"name":"Luke"},{"id":2,"name":"Leia"}]}' } });
    const { result } = await gateway()('{ people { items { id name } next total status } }');
    expect(result).toEqual({ data: { people: { items: [{ id: '1', name: 'Luke' }, { id: '2', name: 'Leia' }], next: '<https://api/people?page=2>; rel="next"', total: 2, status: 200 } } });
  });

  it('maps a 4xx answer through the source’s errors: message and extensions from the body', async () => {
    await main.script({ 'GET /v1/people/9': { status: 404, body: '{"error":{"message":"No such person","kind":"NOT_FOUND"}}' } });
    const { result } = await gateway()('{ person(id: "9") { name } }');
    expect(result.data).toEqual({ person: null });
    expect(result.errors).toEqual([expect.objectContaining({ message: 'No such person', extensions: { code: 'NOT_FOUND', status: 404, connector: 'Query.person' } })]);
  });

  it('isSuccess decides on a 200: a body that says it failed is an error', async () => {
    await main.script({ 'GET /v1/teapot': { body: '{"ok":false,"value":"tea","error":{"message":"short and stout"}}' } });
    const { result } = await gateway()('{ teapot }');
    expect(result.data).toEqual({ teapot: null });
    expect(result.errors?.[0]).toMatchObject({ message: 'short and stout', extensions: { code: 'CONNECTOR_FETCH', status: 200 } });
  });

  it('literal expressions and methods in a selection: $(...), ->slice, ->map, ->jsonStringify', async () => {
    await main.script({ 'GET /v1/labels': { body: '{"items":[{"a":1},"b",3]}' } });
    const { result } = await gateway()('{ labels }');
    expect(result).toEqual({ data: { labels: ['{"a":1}', '"b"'] } });
  });

  it('a composite key (@key(fields: "owner name")) fetches each entity by all its fields', async () => {
    await main.script({
      'GET /v1/starred': { body: '[{"repo_owner":"apollographql","repo_name":"router"},{"repo_owner":"graphql","repo_name":"graphql-js"}]' },
      'GET /v1/repos/apollographql/router': { body: '{"owner":{"login":"apollographql"},"name":"router","stargazers_count":900}' },
      'GET /v1/repos/graphql/graphql-js': { body: '{"owner":{"login":"graphql"},"name":"graphql-js","stargazers_count":2000}' },
    });
    const { result } = await gateway()('{ starred { owner name stars } }');
    expect(result).toEqual({
      data: { starred: [{ owner: 'apollographql', name: 'router', stars: 900 }, { owner: 'graphql', name: 'graphql-js', stars: 2000 }] },
    });
    expect((await main.requests()).map((request) => request.url).sort()).toEqual(['/v1/repos/apollographql/router', '/v1/repos/graphql/graphql-js', '/v1/starred']);
  });

  it('batch: { maxSize: 2 } splits five keys into calls of at most two', async () => {
    await main.script({
      'GET /v1/tagged': { body: '["a","b","c","d","e"]' },
      'GET /v1/tags': { body: '{"tags":[{"id":"a","label":"A"},{"id":"b","label":"B"},{"id":"c","label":"C"},{"id":"d","label":"D"},{"id":"e","label":"E"}]}' },
    });
    const { result } = await gateway()('{ tagged { id label } }');
    expect(result).toEqual({ data: { tagged: ['A', 'B', 'C', 'D', 'E'].map((label) => ({ id: label.toLowerCase(), label })) } });
    const calls = (await main.requests()).filter((request) => request.url.startsWith('/v1/tags'));
    expect(calls.map((request) => decodeURIComponent(request.url))).toEqual(['/v1/tags?ids=a,b', '/v1/tags?ids=c,d', '/v1/tags?ids=e']);
  });

  it('entity: true makes a root field the way its type is fetched by key', async () => {
    await main.script({ 'GET /v1/author': { body: '{"person_id":"7"}' }, 'GET /v1/people/7': { body: '{"name":"Obi-Wan","height":"182"}' } });
    const { result } = await gateway()('{ author { id name height } }');
    expect(result).toEqual({ data: { author: { id: '7', name: 'Obi-Wan', height: 182 } } });
  });

  it('a source’s and a connector’s http.path add encoded segments, and their queryParams add parameters', async () => {
    await main.script({ 'GET /v2/acme%20corp/docs/a%2Fb/raw': { body: '{"text":"hello"}' } });
    const { result } = await gateway()('{ document(id: "a/b") }');
    expect(result).toEqual({ data: { document: 'hello' } });
    expect((await main.requests()).map((request) => request.url)).toEqual(['/v2/acme%20corp/docs/a%2Fb/raw?lang=en&full=true']);
  });

  it('a path without a leading / is joined with one, and a form content-type sends the body form-encoded in bracket notation', async () => {
    await main.script({ 'POST /v1/messages': { body: '{"sid":"SM1"}' } });
    const { result } = await gateway()('mutation { send(to: "+15550100", text: "hi & bye") { sid } }');
    expect(result).toEqual({ data: { send: { sid: 'SM1' } } });
    const [sent] = await main.requests();
    expect(sent!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(sent!.body)).toEqual(new URLSearchParams({ To: '+15550100', Body: 'hi & bye', 'Tags[0]': 'a', 'Tags[1]': 'b c', 'Meta[n]': '1' }));
  });

  it('a stub is completed by key only when the client asks for a field it lacks', async () => {
    await main.script({ 'GET /v1/author': { body: '{"person_id":"7"}' }, 'GET /v1/people/7': { body: '{"name":"Obi-Wan","height":"182"}' } });
    const { result } = await gateway()('{ author { id } }');
    expect(result).toEqual({ data: { author: { id: '7' } } });
    expect((await main.requests()).map((request) => request.url)).toEqual(['/v1/author']);
  });

  it('a field whose connector reads $this.name on a stub without one gets the stub completed first', async () => {
    await main.script({
      'GET /v1/author': { body: '{"person_id":"7"}' },
      'GET /v1/people/7': { body: '{"name":"Obi-Wan","height":"182"}' },
      'GET /v1/bios/Obi-Wan': { body: '{"text":"A Jedi."}' },
    });
    const { result } = await gateway()('{ author { bio } }');
    expect(result).toEqual({ data: { author: { bio: 'A Jedi.' } } });
    expect((await main.requests()).map((request) => request.url)).toEqual(['/v1/author', '/v1/people/7', '/v1/bios/Obi-Wan']);
  });

  it('a header value holding a line break is refused before anything is sent; a path value of .. too', async () => {
    await main.script({ 'GET /v1/notes': { body: '{"id":"n1"}' } });
    const query = gateway();
    const header = await query('{ note(tenant: "acme\\r\\nx-admin: true") { id } }');
    expect(header.result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const path = await query('{ person(id: "..") { name } }');
    expect(path.result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(await main.requests()).toEqual([]);
    expect((await query('{ note(tenant: "acme") { id } }')).result).toEqual({ data: { note: { id: 'n1' } } });
  });
});

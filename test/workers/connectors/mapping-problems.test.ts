import { graphql, type GraphQLError } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCacheHints } from '../../../src/cache-hints/policy.ts';
import { connectorFieldError } from '../../../src/connect/connector-field-error.ts';
import { createConnectorRuntime } from '../../../src/connect/connectors.ts';
import { createGatewaySchema } from '../../../src/connect/gateway-schema.ts';
import { createOriginClient } from '../../../src/upstream/client.ts';
import { createTrace } from '../../../src/shared/trace.ts';

/**
 * What a connector's mapping could not find, on the way from the executor's
 * errors to the client's and to the log: connectors without `http`, which
 * map `$args`, so that no origin is needed. The production build's answers
 * are test/contract/mapping-failures.test.ts's.
 */
const SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/connect/v0.2", import: ["@connect"])

  type Query {
    person(age: String!, contact: String): Person @connect(selection: "age: $args.age->parseInt phone: $args.contact.phone")
    strictPerson(age: String!, contact: String): StrictPerson @connect(selection: "age: $args.age->parseInt phone: $args.contact.phone")
    strictPeople(ages: [String!]!): [StrictPerson] @connect(selection: "$args.ages { age: $->parseInt }")
  }

  type Person {
    age: Int
    phone: String
    "A TypeScript resolver's."
    badge: Badge
  }

  type Badge {
    level: Int!
  }

  type StrictPerson {
    age: Int!
    phone: String
  }
`;

/** An isolate's connectors (one runtime); each query a request of its own. */
function isolate() {
  const { schema, plan } = createGatewaySchema({ files: [{ name: 'people.graphql', sdl: SDL }], resolvers: [{ Person: { badge: () => ({ level: null }) } }] });
  const runtime = createConnectorRuntime({ hints: readCacheHints(schema), plan, identityHeaders: [], baseUrls: new Map(), maxBatchSize: 10 });
  return async (source: string) => {
    const request = new Request('https://gateway.test/graphql');
    const trace = createTrace();
    const connectors = runtime.forRequest({ origin: createOriginClient({ timeoutMs: 1000 }), headers: request.headers, trace, fieldCache: undefined, background: () => {} });
    const result = await graphql({ schema, source, contextValue: { connectors, request, trace } });
    return { result, named: (result.errors ?? []).map((error: GraphQLError) => connectorFieldError(error, connectors.provenance)) };
  };
}

const PARSE_UNKNOWN = "Method ->parseInt failed to parse 'unknown' as integer with base 10";

describe('mapping problems', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a nullable field is null with no error; each place in a selection is logged once per isolate, however often it fails', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const query = isolate();
    for (const age of ['unknown', 'unknown either', 'none']) {
      const { result } = await query(`{ person(age: "${age}") { age phone } }`);
      expect(result).toEqual({ data: { person: { age: null, phone: null } } });
    }
    expect(warn.mock.calls.map(([line]) => JSON.parse(String(line)))).toEqual([
      { event: 'connector-mapping-problem', connector: 'Query.person', where: 'people.graphql:5', field: 'age', message: PARSE_UNKNOWN },
      { event: 'connector-mapping-problem', connector: 'Query.person', where: 'people.graphql:5', field: 'phone', message: 'Property .contact not found in object' },
    ]);
    await isolate()('{ person(age: "unknown") { age } }');
    expect(warn, 'another isolate logs it again').toHaveBeenCalledTimes(4);
  });

  it('a non-null field: CONNECTOR_MAPPING_FAILED with the problems of that field only', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { result, named } = await isolate()('{ strictPerson(age: "unknown") { age phone } }');
    expect(result.data).toEqual({ strictPerson: null });
    expect(named.map((error) => error && { message: error.message, path: error.path, extensions: error.extensions })).toEqual([
      {
        message: `Query.strictPerson gave no value for strictPerson.age, which cannot be null: ${PARSE_UNKNOWN}.`,
        path: ['strictPerson', 'age'],
        extensions: { code: 'CONNECTOR_MAPPING_FAILED', connector: 'Query.strictPerson' },
      },
    ]);
  });

  it('three of the mapping\'s messages at most', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { result, named } = await isolate()('{ strictPeople(ages: ["a", "b", "c", "d"]) { age } }');
    expect(result.data).toEqual({ strictPeople: [null, null, null, null] });
    const failed = (value: string) => `Method ->parseInt failed to parse '${value}' as integer with base 10`;
    expect(named.map((error) => error?.message)).toEqual(
      [0, 1, 2, 3].map((item) => `Query.strictPeople gave no value for strictPeople.${item}.age, which cannot be null: ${['a', 'b', 'c'].map(failed).join('; ')}.`),
    );
  });

  it('a null in a value a TypeScript resolver made, below a connector\'s, is the resolver\'s own: left to the masking', async () => {
    const { result, named } = await isolate()('{ person(age: "1") { badge { level } } }');
    expect(result.errors?.map((error) => error.message)).toEqual(['Cannot return null for non-nullable field Badge.level.']);
    expect(named).toEqual([undefined]);
  });
});

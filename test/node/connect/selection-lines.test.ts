import { describe, expect, it } from 'vitest';
import { connectorChecks } from '../../../src/connect/connector-checks.ts';
import { readSchemaFiles } from '../../../src/connect/read-schema.ts';
import { problemsOf as problemsIn } from './problems.ts';

const SOURCE = 'extend schema @source(name: "api", http: { baseURL: "https://api.example.com" })\n';
const problemsOf = (sdl: string) => problemsIn(sdl, 'api.graphql');

describe('a mistake inside a selection is named on its own line', () => {
  it('in a block string, past GraphQL’s dedent: the line of the mistake, not the line of @connect(', () => {
    const sdl = `${SOURCE}type Query {
  item: Item
    @connect(
      source: "api"
      http: { GET: "/item" }
      selection: """
        id
        name: full_name
        price: $(1 ?? 2 ?! 3)
      """
    )
}
type Item { id: ID name: String price: Int }`;
    expect(problemsOf(sdl)).toEqual(['[connect] api.graphql:10: selection: "??" and "?!" cannot be mixed in one chain: wrap one side in $(...)']);
  });

  it('in a one-line string, and in http.GET: the line it is on', () => {
    const sdl = `${SOURCE}type Query {
  item(id: ID!): String
    @connect(
      source: "api"
      http: {
        GET: "/items/{$args.id->}"
      }
      selection: "$.name"
    )
}`;
    expect(problemsOf(sdl)).toEqual([expect.stringMatching(/^\[connect\] api\.graphql:7: http\.GET: expected a method name after "->"/)]);
  });

  it('a warning too: an unknown method on the second line of a selection', () => {
    const { warnings } = readSchemaFiles(
      [
        {
          name: 'api.graphql',
          sdl: `${SOURCE}type Query {
  items: [String]
    @connect(source: "api", http: { GET: "/items" }, selection: """
      $.data
        ->frist
    """)
}`,
        },
      ],
      { checks: connectorChecks },
    );
    expect(warnings).toEqual(['[connect] api.graphql:6: warning: selection: unknown method ->frist (did you mean ->first?): it gives no value']);
  });
});

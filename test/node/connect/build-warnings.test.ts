import { describe, expect, it } from 'vitest';
import { resolveBaseUrls } from '../../../src/connect/base-urls.ts';
import { readSchemaFiles } from '../../../src/connect/read-schema.ts';

const read = (sdl: string) => readSchemaFiles([{ name: 'api.graphql', sdl }]);

describe('what loads, as in Apollo, but is warned of at build time', () => {
  it('an unknown method: a warning naming the method meant, and no value where it is applied', () => {
    const { warnings } = read(`extend schema @source(name: "api", http: { baseURL: "https://api.example.com" })
type Query {
  first: String @connect(source: "api", http: { GET: "/items" }, selection: "$.data->frist.id")
}`);
    expect(warnings).toEqual(['[connect] api.graphql:3: warning: selection: unknown method ->frist (did you mean ->first?): it gives no value']);
  });

  it('an unknown method in a header value template is warned of too', () => {
    const { warnings } = read(`extend schema @source(name: "api", http: { baseURL: "https://api.example.com", headers: [{ name: "x-tenant", value: "{$config.tenant->lower}" }] })
type Query { ping: String @connect(source: "api", http: { GET: "/ping" }, selection: "$.ok") }`);
    expect(warnings).toEqual(['[connect] api.graphql:1: warning: header "x-tenant": unknown method ->lower: it gives no value']);
  });

  it('an errors.message that selects a field by name makes an object, not text: warned of, with the path meant', () => {
    const { warnings } = read(`extend schema @source(name: "api", http: { baseURL: "https://api.example.com" }, errors: { message: "detail" })
type Query { ping: String @connect(source: "api", http: { GET: "/ping" }, selection: "$.ok") }`);
    expect(warnings).toEqual(['[connect] api.graphql:1: warning: errors.message "detail" makes an object, not text: every failure will read "Request failed" (a path such as "$.detail" gives the text)']);
  });

  it('a placeholder baseURL: a warning naming the var to set, and an isolate that will not start without it', () => {
    const { plan, warnings } = read(`extend schema @source(name: "supa-base", http: { baseURL: "<YOUR_SUPABASE_URL>/rest/v1" })
type Query { rows: [String] @connect(source: "supa-base", http: { GET: "/rows" }, selection: "$.name") }`);
    expect(warnings).toEqual(['[connect] api.graphql:1: warning: @source "supa-base" has no http(s) baseURL ("<YOUR_SUPABASE_URL>/rest/v1"): set ORIGIN_URL_SUPA_BASE']);
    expect(() => resolveBaseUrls(plan.sources, { originUrl: undefined, sourceUrls: {} })).toThrow('[config] @source "supa-base" has no http(s) base URL ("<YOUR_SUPABASE_URL>/rest/v1"): set ORIGIN_URL_SUPA_BASE');
    expect(resolveBaseUrls(plan.sources, { originUrl: undefined, sourceUrls: { SUPA_BASE: 'https://db.example.com/rest/v1' } }).get('supa-base')).toBe('https://db.example.com/rest/v1');
  });

  it('entity: true on a type whose @key says resolvable: false: the field answers, the type is fetched by nothing', () => {
    const { plan, warnings } = read(`extend schema @source(name: "api", http: { baseURL: "https://api.example.com" })
type Price @key(fields: "id", resolvable: false) { id: ID! amount: Int }
type Query { price(id: ID!): Price @connect(source: "api", http: { GET: "/prices/{$args.id}" }, selection: "id amount", entity: true) }`);
    expect(plan.fields.has('Query.price')).toBe(true);
    expect(plan.entities.has('Price')).toBe(false);
    expect(warnings).toHaveLength(1);
  });

  it('entity: true on a type without @key keys it by the field’s arguments, as Apollo does', () => {
    const { plan, warnings } = read(`extend schema @source(name: "api", http: { baseURL: "https://api.example.com" })
type Color { name: String! hex: String }
type Query { color(name: String!): Color @connect(source: "api", http: { GET: "/colors/{$args.name}" }, selection: "name hex", entity: true) }`);
    expect(plan.keys.get('Color')).toBe('name');
    expect(plan.entities.get('Color')).toMatchObject({ byField: true, key: 'name' });
    expect(warnings).toEqual([]);
  });
});

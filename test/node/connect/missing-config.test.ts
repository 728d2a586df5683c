import { describe, expect, it } from 'vitest';
import { readSchemaFolder } from '../../../scripts/build-schema.ts';
import { readConfig } from '../../../src/config.ts';
import { readSchemaFiles } from '../../../src/connect/read-schema.ts';
import { missingConfig, resolveSourceConfig } from '../../../src/connect/source-config.ts';

/** Two sources: "stripe" reads $config.apiKey in a source header, and one of its connectors $config.region in its query; "legacy-billing" reads $config.apiKey in a URL. */
const SDL = `extend schema
  @source(name: "stripe", http: { baseURL: "https://api.stripe.com", headers: [{ name: "authorization", value: "Bearer {$config.apiKey}" }] })
  @source(name: "legacy-billing", http: { baseURL: "https://billing.example.com" })

type Query {
  products: [String] @connect(source: "stripe", http: { GET: "/v1/products", queryParams: "region: $config.region" }, selection: "$.data")
  prices: [String] @connect(source: "stripe", http: { GET: "/v1/prices" }, selection: "$.data")
  invoices: [String] @connect(source: "legacy-billing", http: { GET: "/invoices?key={$config.apiKey}" }, selection: "$")
  echo(text: String): String @connect(selection: "$args.text")
}
`;
const { plan } = readSchemaFiles([{ name: 'billing/schema.graphql', sdl: SDL }]);

/** The messages for these vars, as an isolate reads them. */
const missing = (vars: Record<string, string>) => missingConfig(plan, resolveSourceConfig(plan.sources, readConfig(vars)));

describe('$config values that connectors read and no var gives', () => {
  it('names each source and key once, the connectors that read it, and the vars that would give it', () => {
    expect(missing({})).toEqual([
      '[config] @source "stripe": $config.region, read by Query.products (billing/schema.graphql:6), has no value: set CONFIG_region or CONFIG_STRIPE_region',
      '[config] @source "stripe": $config.apiKey, read by Query.products (billing/schema.graphql:6), Query.prices (billing/schema.graphql:7), has no value: set CONFIG_apiKey or CONFIG_STRIPE_apiKey',
      '[config] @source "legacy-billing": $config.apiKey, read by Query.invoices (billing/schema.graphql:8), has no value: set CONFIG_apiKey or CONFIG_LEGACY_BILLING_apiKey',
    ]);
  });

  it('is satisfied by a shared CONFIG_<key> or the source’s own CONFIG_<SOURCE>_<key>, never by another source’s', () => {
    expect(missing({ CONFIG_apiKey: 'shared', CONFIG_region: 'eu' })).toEqual([]);
    expect(missing({ CONFIG_STRIPE_apiKey: 'sk_test', CONFIG_STRIPE_region: 'eu' })).toEqual([
      '[config] @source "legacy-billing": $config.apiKey, read by Query.invoices (billing/schema.graphql:8), has no value: set CONFIG_apiKey or CONFIG_LEGACY_BILLING_apiKey',
    ]);
  });

  it('counts an empty value as none: the request would carry an empty key', () => {
    expect(missing({ CONFIG_apiKey: '', CONFIG_region: 'eu' })).toHaveLength(2);
  });

  it('asks nothing of a schema that reads no $config (the shop)', () => {
    const shop = readSchemaFiles(readSchemaFolder('schema')).plan;
    expect(missingConfig(shop, resolveSourceConfig(shop.sources, readConfig({})))).toEqual([]);
  });
});

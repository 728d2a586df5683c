import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from '../../../scripts/openapi/run-import.ts';

/**
 * The shop's own document (simulator/openapi.yaml): what it says beyond
 * Petstore's shapes. Its batch endpoints answer an envelope (`{ items }`),
 * and a link ties a product to its stock. Served over the shop in
 * test/contract/openapi-shop.test.ts.
 */
describe('import:openapi, the shop document', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-openapi-shop-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, 'out');
  const run = await runImport({ input: 'simulator/openapi.yaml', out, update: false, maxAge: 60, command: 'test', source: 'shop' });
  const read = (file: string) => readFileSync(join(out, file), 'utf8');

  it('builds, every operation imported', () => {
    expect(run.problems).toEqual([]);
    expect(run.imported).toBe(9);
    expect(run.unexpressible).toEqual([]);
  });

  it('batches an entity through a list answered in an envelope, mapped from the envelope key', () => {
    expect(read('types.graphql')).toMatch(
      /# guessed: GET \/api\/products\?ids=1,2 answers many of Product at once \(in items\): batched\ntype Product\n {2}@key\(fields: "id"\)\n {2}@connect\(\n {4}source: "shop"\n {4}http: \{ GET: "\/api\/products", queryParams: "ids: \$batch\.id->joinNotNull\(','\)" \}\n {4}selection: """\n {4}\$\.items \{\n {6}id\n/,
    );
    expect(read('types.graphql')).toContain(`http: { GET: "/api/inventory", queryParams: "skus: $batch.sku->joinNotNull(',')" }`);
  });

  it("makes a stub of the entity a response's link names, keyed by the answer's property", () => {
    expect(read('types.graphql')).toMatch(/ {2}# the document's link inventory: getInventory by sku\n {2}inventory: Inventory!\n/);
    // In every selection of a Product: the entity's own, getProduct's and listProducts' items.
    expect(`${read('types.graphql')}${read('catalog.graphql')}`.match(/inventory: \{ sku \}/g)).toHaveLength(3);
  });

  it('tags a list in an envelope with its entity, so that a write to the collection purges it', () => {
    expect(read('account.graphql')).toMatch(/listMyOrders[\s\S]*?@cacheTag\(format: "Order:list"\)/);
    expect(read('orders.graphql')).toMatch(/placeOrder[\s\S]*?@invalidates\(tags: \["Order:list"\]\)/);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/project-root.ts';
import { startOrigin } from '../../simulator/server.ts';
import type { OriginStats } from '../../simulator/types.ts';
import { originAdmin } from '../support/simulator-admin.ts';
import { gateway, gatewayAt, type Gateway } from './gateway.ts';
import { removeServedFolder } from './serve.ts';
import { useServedExample } from './served-example.ts';

/**
 * The shop's own OpenAPI document (simulator/openapi.yaml), imported by
 * `npm run import:openapi`, its guesses corrected by openapi-shop.patch (each
 * hunk something the document cannot say), and served as the production
 * build over a shop simulator of its own. Each question is asked of the
 * shop's hand-written schema/ (the suite's production server) and of the
 * import, each on a cold cache: the origin calls must be the same.
 */

const DOCUMENT = 'simulator/openapi.yaml';
const PATCH = join(ROOT, 'test/contract/openapi-shop.patch');
const ADMIN = { authorization: 'Bearer token-admin' };

/** Imports the document into a new folder as a user would, then applies the patch; what the closing note reports. */
function importShop(): { dir: string; guessed: number; patchLines: number } {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-openapi-shop-'));
  const imported = spawnSync(process.execPath, ['--experimental-strip-types', 'scripts/import-openapi.ts', DOCUMENT, '--out', dir, '--source', 'shop'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (imported.status !== 0) throw new Error(`import:openapi exited with ${imported.status}:\n${imported.stdout}${imported.stderr}`);
  const sdl = readdirSync(dir).filter((name) => name.endsWith('.graphql'));
  const guessed = sdl.reduce((count, name) => count + (readFileSync(join(dir, name), 'utf8').match(/# guessed:/g)?.length ?? 0), 0);
  // git apply works outside a repository too; the patch's paths are the folder's own files.
  const patched = spawnSync('git', ['apply', PATCH], { cwd: dir, encoding: 'utf8' });
  if (patched.status !== 0) throw new Error(`${PATCH} does not apply to the import:\n${patched.stderr}`);
  const patchLines = readFileSync(PATCH, 'utf8')
    .split('\n')
    .filter((line) => /^[+-]/.test(line) && !/^(\+\+\+|---) /.test(line)).length;
  return { dir, guessed, patchLines };
}

const { dir, guessed, patchLines } = importShop();
console.log(`[openapi-shop] ${guessed} "# guessed:" markers in the import; the patch changes ${patchLines} lines`);

/** Two names for one question: the hand-written schema's, the import's. */
interface Question {
  shop: string;
  imported: string;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
}

describe(`the shop imported from its OpenAPI document (${guessed} # guessed: markers, a patch of ${patchLines} lines)`, () => {
  // Registered first, so that it runs after the server is stopped.
  afterAll(() => removeServedFolder(dir));

  const handWritten = gateway('production');
  const served = useServedExample<OriginStats>({
    name: 'origin',
    startSimulator: () => startOrigin({ port: 0, latencyMs: 5 }),
    serveArgs: (url) => [
      ...['--port', '0', '--env', 'production', '--schema', dir, '--origin-url', url],
      ...['CACHE_SCOPE_SECRET:openapi-shop-scope', 'ORIGIN_BREAKER_FAILURES:1000000'].flatMap((pair) => ['--var', pair]),
    ],
  });
  const imported = (): Gateway => gatewayAt(served.gatewayUrl(), served.originUrl());

  // Both origins back to the seed, both caches empty (useServedExample purged the import's).
  beforeEach(async () => {
    await handWritten.reset();
    await originAdmin(served.originUrl()).reset();
  });

  /** Asks `text` of `target` and answers its data and the origin calls it cost. */
  async function ask(target: Gateway, text: string, { variables, headers }: Omit<Question, 'shop' | 'imported'>) {
    const before = (await target.origin.stats()).total;
    const answered = await target.query(text, variables, headers);
    expect(answered.body?.errors, answered.text).toBeUndefined();
    return { data: answered.body?.data as Record<string, unknown>, calls: (await target.origin.stats()).total - before, cache: answered.headers.get('x-cache') };
  }

  /** The question asked of both schemas, in turn. */
  async function both(question: Question) {
    return { shop: await ask(handWritten, question.shop, question), imported: await ask(imported(), question.imported, question) };
  }

  it('50 products with their inventory: one products call and one inventory call, as schema/ makes', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => String(i + 1));
    const { shop, imported: fromImport } = await both({
      shop: 'query($ids: [ID!]!) { productsByIds(ids: $ids) { id sku inventory { sku available } } }',
      imported: 'query($ids: [ID!]!) { listProducts(ids: $ids) { items { id sku inventory { sku available } } } }',
      variables: { ids },
    });

    expect((fromImport.data.listProducts as { items: unknown[] }).items).toEqual(shop.data.productsByIds);
    expect(shop.calls).toBe(2);
    expect(fromImport.calls).toBe(shop.calls);
    expect((await imported().origin.stats()).routes).toEqual({ 'GET /api/products': 1, 'GET /api/inventory': 1 });
  });

  it('a product by id with its price and stock: two calls, as schema/ makes', async () => {
    const fields = '{ id name price { amount currency } inventory { sku available } }';
    const { shop, imported: fromImport } = await both({ shop: `{ product(id: "7") ${fields} }`, imported: `{ getProduct(id: "7") ${fields} }` });

    expect(fromImport.data.getProduct).toEqual(shop.data.product);
    expect(shop.calls).toBe(2);
    expect(fromImport.calls).toBe(shop.calls);
  });

  it('setting a stock purges what showed it: the next read costs one inventory call, as in schema/', async () => {
    const read = { shop: '{ product(id: "9") { name inventory { available } } }', imported: '{ getProduct(id: "9") { name inventory { available } } }' };
    const write = {
      shop: 'mutation { setInventory(sku: "SKU-00009", available: 0) { available } }',
      imported: 'mutation { putInventory(sku: "SKU-00009", input: { available: 0 }) { available } }',
      headers: ADMIN,
    };
    const steps = [await both(read), await both(read), await both(write), await both(read)];

    const calls = (side: 'shop' | 'imported') => steps.map((step) => step[side].calls);
    expect(calls('shop')).toEqual([2, 0, 1, 1]);
    expect(calls('imported')).toEqual(calls('shop'));
    expect(steps.map((step) => step.imported.cache)).toEqual(steps.map((step) => step.shop.cache));
    expect(steps[3]!.imported.data).toEqual({ getProduct: { name: (steps[3]!.shop.data.product as { name: string }).name, inventory: { available: 0 } } });
  });

  it("placing an order purges the stock it took (the patch's hunk): the next read shows it, as in schema/", async () => {
    const read = { shop: '{ product(id: "9") { inventory { available } } }', imported: '{ getProduct(id: "9") { inventory { available } } }' };
    const order = {
      shop: 'mutation($items: [OrderItemInput!]!) { placeOrder(input: { items: $items }) { status } }',
      imported: 'mutation($items: [OrderRequestItemInput!]!) { placeOrder(input: { items: $items }) { status } }',
      variables: { items: [{ productId: '9', quantity: 2 }] },
      headers: { authorization: 'Bearer token-u1' },
    };
    const steps = [await both(read), await both(order), await both(read)];

    const available = (data: Record<string, unknown>) => Object.values(data as Record<string, { inventory: { available: number } }>)[0]!.inventory.available;
    for (const side of ['shop', 'imported'] as const) expect(available(steps[2]![side].data)).toBe(available(steps[0]![side].data) - 2);
    // The write is two calls: the order, and the product its tag reads the sku of.
    expect(steps.map((step) => step.shop.calls)).toEqual([2, 2, 1]);
    expect(steps.map((step) => step.imported.calls)).toEqual(steps.map((step) => step.shop.calls));
  });
});

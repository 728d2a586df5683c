import { exports } from 'cloudflare:workers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { admin, concurrently, gql, origin, resetAll, until } from '../helpers.ts';

const STOCK = '{ product(id: "23") { sku inventory { available } } }';
type Stock = { product: { sku: string; inventory: { available: number } } };

describe('faults: slow origins, broken bodies and vanished clients cost no good entry and no wrong answer', () => {
  beforeEach(() => resetAll());
  afterEach(() => origin.fault({ mode: 'none' }));

  it('a slow origin (inside the timeout): one call, every waiter gets its answer, and it is stored', async () => {
    await origin.fault({ mode: 'slow', latencyMs: 600 });
    const answers = await concurrently(30, () => gql<Stock>(STOCK));
    expect(answers.every((answer) => answer.status === 200 && answer.body.data?.product.sku === answers[0]?.body.data?.product.sku)).toBe(true);
    expect((await origin.stats()).total).toBe(2);
    await origin.fault({ mode: 'none' });
    expect((await gql(STOCK)).headers.get('x-cache')).toBe('HIT');
  });

  it('a connection reset mid-body while refreshing: the good entry is served STALE and kept', async () => {
    const good = await gql<Stock>(STOCK);
    await admin('purge', { entities: ['Product:23'], soft: true });
    await origin.fault({ mode: 'reset' });

    const during = await concurrently(10, () => gql<Stock>(STOCK));
    expect(during.every((answer) => answer.headers.get('x-cache') === 'STALE' && JSON.stringify(answer.body) === JSON.stringify(good.body))).toBe(true);
    await until(async () => (await origin.stats()).total >= 3);
    const still = await gql<Stock>(STOCK);
    expect(still.status).toBe(200);
    expect(still.body).toEqual(good.body);
  });

  it('a client that disconnects right after its STALE answer: the refresh goes on and the entry is renewed', async () => {
    const first = await gql<Stock>(STOCK);
    const { sku, inventory } = first.body.data!.product;
    await origin.setInventory(sku, inventory.available + 5);
    await admin('purge', { entities: [`Inventory:${sku}`], soft: true });

    const gone = new AbortController();
    const request = exports.default.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: STOCK }),
      signal: gone.signal,
    });
    gone.abort();
    await request.then(
      (response) => response.body?.cancel(),
      () => undefined,
    );

    await until(async () => (await gql(STOCK)).headers.get('x-cache') === 'HIT');
    expect((await gql<Stock>(STOCK)).body.data?.product.inventory.available).toBe(inventory.available + 5);
  });
});

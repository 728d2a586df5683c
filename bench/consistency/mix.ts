import { seeded } from '../seeded-random.ts';
import type { PurgeBody } from './observation.ts';

export interface MixOptions {
  isolates: number;
  /** Products 1..products; product N holds sku SKU-0000N. */
  products: number;
  /** Users u1..users, each with its token (`token-uN`). */
  users: number;
}

export type Step =
  | { kind: 'read'; isolate: number; query: string; variables: Record<string, unknown> }
  /** A read with one user's token: `viewer` (PRIVATE by its type) or `me` (PUBLIC by its own hint, but forwarding the token). */
  | { kind: 'private'; isolate: number; user: string; field: 'viewer' | 'me' }
  | { kind: 'write'; isolate: number; sku: string; available: number }
  | { kind: 'purge'; isolate: number; body: PurgeBody };

const STOCK = 'query Stock($id: ID!) { product(id: $id) { id inventory { sku available } } }';
const BATCH = 'query Stocks($ids: [ID!]!) { productsByIds(ids: $ids) { id inventory { sku available } } }';
const PAGE = 'query Page($first: Int!) { products(first: $first) { nodes { id inventory { sku available } } } }';
/** Products in one batch read: batches overlap, so one write reaches several cached lists. */
const BATCH_SIZE = 4;
/** Above the seed's stock (at most 500), so every written value is later than any seeded one. */
const FIRST_WRITTEN_VALUE = 1_000_000;

const skuOf = (product: number) => `SKU-${String(product).padStart(5, '0')}`;

/**
 * The seeded mix: public reads of stock (65%: one product 35%, a batch of 4
 * by ids 20%, the page of every product 10%), reads with a user's token (15%:
 * the viewer and their orders 10%, `me` 5%), `setInventory` (13%, each value
 * larger than any before), and purges (7%, half of them soft: a sku's
 * inventory 40%, a product 20%, every Inventory 15%, every Product 15%,
 * everything 10%).
 */
export function createMix({ isolates, products, users }: MixOptions): () => Step {
  const random = seeded(20261125);
  const pick = (n: number) => Math.floor(random() * n);
  let nextValue = FIRST_WRITTEN_VALUE;

  function purgeBody(product: number): PurgeBody {
    const soft = random() < 0.5;
    const form = random();
    if (form < 0.4) return { entities: [`Inventory:${skuOf(product)}`], soft };
    if (form < 0.6) return { entities: [`Product:${product}`], soft };
    if (form < 0.75) return { types: ['Inventory'], soft };
    if (form < 0.9) return { types: ['Product'], soft };
    return { all: true, soft };
  }

  return () => {
    const isolate = pick(isolates);
    const product = 1 + pick(products);
    const roll = random();
    if (roll < 0.35) return { kind: 'read', isolate, query: STOCK, variables: { id: String(product) } };
    if (roll < 0.55) {
      const first = 1 + pick(products - BATCH_SIZE + 1);
      return { kind: 'read', isolate, query: BATCH, variables: { ids: Array.from({ length: BATCH_SIZE }, (_, i) => String(first + i)) } };
    }
    if (roll < 0.65) return { kind: 'read', isolate, query: PAGE, variables: { first: products } };
    if (roll < 0.75) return { kind: 'private', isolate, user: `u${1 + pick(users)}`, field: 'viewer' };
    if (roll < 0.8) return { kind: 'private', isolate, user: `u${1 + pick(users)}`, field: 'me' };
    if (roll < 0.93) return { kind: 'write', isolate, sku: skuOf(product), available: nextValue++ };
    return { kind: 'purge', isolate, body: purgeBody(product) };
  };
}

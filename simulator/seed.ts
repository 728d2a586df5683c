import type {
  OriginInventory,
  OriginOrder,
  OriginOrderStatus,
  OriginProduct,
  OriginUser,
} from './types.ts';
import { priceLines, usd, type OrderLine } from './money.ts';
import { createRandom, type Random } from './random.ts';

export interface SeedData {
  products: OriginProduct[];
  /** One record per product, in product order. */
  inventory: OriginInventory[];
  users: OriginUser[];
  /** Oldest id first: user uK owns o(3K-2)..o(3K). */
  orders: OriginOrder[];
}

/** `updatedAt` of every seeded inventory record. */
const SEED_TIME = '2026-01-01T00:00:00.000Z';
const ORDERS_PER_USER = 3;

const PRODUCT_SEED = 0x5eed0001;
const USER_SEED = 0x5eed0002;
const ORDER_SEED = 0x5eed0003;

const CATALOG: readonly { category: string; nouns: readonly string[] }[] = [
  { category: 'books', nouns: ['Novel', 'Cookbook', 'Atlas', 'Anthology', 'Field Guide'] },
  { category: 'electronics', nouns: ['Headphones', 'Charger', 'Speaker', 'Keyboard', 'Monitor'] },
  { category: 'home', nouns: ['Lamp', 'Rug', 'Kettle', 'Throw Pillow', 'Clock'] },
  { category: 'garden', nouns: ['Trowel', 'Planter', 'Hose', 'Seed Kit', 'Pruner'] },
  { category: 'toys', nouns: ['Puzzle', 'Kite', 'Building Set', 'Plush Bear', 'Yo-yo'] },
  { category: 'sports', nouns: ['Yoga Mat', 'Water Bottle', 'Football', 'Racket', 'Jump Rope'] },
  { category: 'clothing', nouns: ['Scarf', 'Jacket', 'T-shirt', 'Beanie', 'Socks'] },
  { category: 'beauty', nouns: ['Face Cream', 'Shampoo', 'Lip Balm', 'Perfume', 'Hand Soap'] },
  { category: 'grocery', nouns: ['Coffee Beans', 'Olive Oil', 'Honey', 'Green Tea', 'Pasta'] },
  { category: 'automotive', nouns: ['Floor Mats', 'Wiper Blades', 'Tire Gauge', 'Car Wax', 'Phone Mount'] },
];

const ADJECTIVES = ['Classic', 'Deluxe', 'Compact', 'Rustic', 'Modern', 'Handmade', 'Vintage', 'Essential', 'Premium', 'Everyday'];
const FIRST_NAMES = [
  'Ada', 'Alan', 'Grace', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances', 'Edsger',
  'Radia', 'Donald', 'Hedy', 'Tim', 'Katherine', 'John', 'Sophie', 'Guido', 'Annie', 'Brian',
];
const LAST_NAMES = ['Lovelace', 'Turing', 'Hopper', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson', 'Allen', 'Dijkstra'];
const STATUSES: readonly OriginOrderStatus[] = ['PENDING', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED'];

/** Share of products seeded out of stock, so "sold out" paths have data. */
const OUT_OF_STOCK_RATE = 0.05;
const MAX_SEEDED_STOCK = 500;
/** Seeded orders are spread over the 90 days before SEED_TIME. */
const ORDER_WINDOW_MINUTES = 90 * 24 * 60;

/**
 * Builds fresh, mutable seed data. Product n is the same for every count >= n,
 * because each product consumes a fixed number of draws from the product stream.
 */
export function createSeed(productCount: number): SeedData {
  const products: OriginProduct[] = [];
  const inventory: OriginInventory[] = [];
  const random = createRandom(PRODUCT_SEED);
  const categories = endlessly(CATALOG);
  for (let n = 1; n <= productCount; n++) {
    const { category, nouns } = categories.next().value;
    const adjective = random.pick(ADJECTIVES);
    const noun = random.pick(nouns);
    const sku = `SKU-${String(n).padStart(5, '0')}`;
    products.push({
      id: String(n),
      sku,
      name: `${adjective} ${noun}`,
      description: `${adjective} ${noun.toLowerCase()} from our ${category} range.`,
      category,
      price: usd(random.int(199, 49_999)),
    });
    const outOfStock = random.next() < OUT_OF_STOCK_RATE;
    const stock = random.int(1, MAX_SEEDED_STOCK);
    inventory.push({ sku, available: outOfStock ? 0 : stock, updatedAt: SEED_TIME });
  }
  const users = seedUsers();
  return { products, inventory, users, orders: seedOrders(users, products) };
}

/** Round-robin over the catalog, so categories are evenly filled. */
function* endlessly<T>(items: readonly T[]): Generator<T, never> {
  for (;;) yield* items;
}

function seedUsers(): OriginUser[] {
  const random = createRandom(USER_SEED);
  return FIRST_NAMES.map((first, index) => {
    const last = random.pick(LAST_NAMES);
    return {
      id: `u${index + 1}`,
      name: `${first} ${last}`,
      email: `${first}.${last}@example.com`.toLowerCase(),
    };
  });
}

function seedOrders(users: readonly OriginUser[], products: readonly OriginProduct[]): OriginOrder[] {
  const random = createRandom(ORDER_SEED);
  const seedTime = Date.parse(SEED_TIME);
  const orders: OriginOrder[] = [];
  for (const user of users) {
    for (let n = 0; n < ORDERS_PER_USER; n++) {
      const minutesBefore = random.int(1, ORDER_WINDOW_MINUTES);
      orders.push({
        id: `o${orders.length + 1}`,
        userId: user.id,
        status: random.pick(STATUSES),
        createdAt: new Date(seedTime - minutesBefore * 60_000).toISOString(),
        ...priceLines(pickLines(random, products)),
      });
    }
  }
  return orders;
}

function pickLines(random: Random, products: readonly OriginProduct[]): OrderLine[] {
  const count = Math.min(random.int(1, 3), products.length);
  const picked = new Set<OriginProduct>();
  while (picked.size < count) picked.add(random.pick(products));
  return [...picked].map((product) => ({ product, quantity: random.int(1, 4) }));
}

import type {
  OriginInventory,
  OriginOrder,
  OriginProduct,
  OriginUser,
  ProductPage,
} from './types.ts';
import { priceLines, type OrderLine } from './money.ts';
import { createSeed } from './seed.ts';

export interface OrderRequestItem {
  productId: string;
  quantity: number;
}

export type PlaceOrderResult =
  | { ok: true; order: OriginOrder }
  | { ok: false; reason: 'unknown-product' | 'insufficient-stock'; productId: string };

interface StoreState {
  products: OriginProduct[];
  productsById: Map<string, OriginProduct>;
  productsByCategory: Map<string, OriginProduct[]>;
  inventoryBySku: Map<string, OriginInventory>;
  usersById: Map<string, OriginUser>;
  ordersById: Map<string, OriginOrder>;
  nextOrderNumber: number;
}

/** The origin's in-memory data: seeded products, mutable inventory and orders. */
export class OriginStore {
  private readonly productCount: number;
  private state: StoreState;

  constructor(productCount: number) {
    this.productCount = productCount;
    this.state = loadSeed(productCount);
  }

  /** Restores inventory and orders (and the order id counter) to the seed. */
  reseed(): void {
    this.state = loadSeed(this.productCount);
  }

  productPage(options: { category: string | undefined; offset: number; limit: number }): ProductPage {
    const { products, productsByCategory } = this.state;
    const matching = options.category === undefined ? products : (productsByCategory.get(options.category) ?? []);
    return { items: matching.slice(options.offset, options.offset + options.limit), total: matching.length };
  }

  product(id: string): OriginProduct | undefined {
    return this.state.productsById.get(id);
  }

  inventory(sku: string): OriginInventory | undefined {
    return this.state.inventoryBySku.get(sku);
  }

  setAvailable(sku: string, available: number, at: string): OriginInventory | undefined {
    const record = this.state.inventoryBySku.get(sku);
    if (record === undefined) return undefined;
    record.available = available;
    record.updatedAt = at;
    return record;
  }

  user(id: string): OriginUser | undefined {
    return this.state.usersById.get(id);
  }

  order(id: string): OriginOrder | undefined {
    return this.state.ordersById.get(id);
  }

  /** The user's orders, newest first (by createdAt, then id). */
  ordersOf(userId: string, limit: number): OriginOrder[] {
    return [...this.state.ordersById.values()]
      .filter((order) => order.userId === userId)
      .sort(newestFirst)
      .slice(0, limit);
  }

  /** All-or-nothing: either every item's stock is decremented and the order exists, or nothing changed. */
  placeOrder(userId: string, requested: readonly OrderRequestItem[], at: string): PlaceOrderResult {
    const lines: OrderLine[] = [];
    const wanted = new Map<OriginProduct, number>();
    for (const { productId, quantity } of requested) {
      const product = this.state.productsById.get(productId);
      if (product === undefined) return { ok: false, reason: 'unknown-product', productId };
      lines.push({ product, quantity });
      wanted.set(product, (wanted.get(product) ?? 0) + quantity);
    }
    for (const [product, quantity] of wanted) {
      if (this.stockOf(product).available < quantity) {
        return { ok: false, reason: 'insufficient-stock', productId: product.id };
      }
    }
    for (const [product, quantity] of wanted) {
      const stock = this.stockOf(product);
      stock.available -= quantity;
      stock.updatedAt = at;
    }
    const order: OriginOrder = {
      id: `o${this.state.nextOrderNumber++}`,
      userId,
      status: 'PENDING',
      createdAt: at,
      ...priceLines(lines),
    };
    this.state.ordersById.set(order.id, order);
    return { ok: true, order };
  }

  private stockOf(product: OriginProduct): OriginInventory {
    const stock = this.state.inventoryBySku.get(product.sku);
    if (stock === undefined) throw new Error(`seed invariant broken: no inventory for ${product.sku}`);
    return stock;
  }
}

function loadSeed(productCount: number): StoreState {
  const seed = createSeed(productCount);
  const productsByCategory = new Map<string, OriginProduct[]>();
  for (const product of seed.products) {
    const group = productsByCategory.get(product.category);
    if (group === undefined) productsByCategory.set(product.category, [product]);
    else group.push(product);
  }
  return {
    products: seed.products,
    productsById: new Map(seed.products.map((product) => [product.id, product])),
    productsByCategory,
    inventoryBySku: new Map(seed.inventory.map((record) => [record.sku, record])),
    usersById: new Map(seed.users.map((user) => [user.id, user])),
    ordersById: new Map(seed.orders.map((order) => [order.id, order])),
    nextOrderNumber: seed.orders.length + 1,
  };
}

function newestFirst(a: OriginOrder, b: OriginOrder): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return orderNumber(b) - orderNumber(a);
}

function orderNumber(order: OriginOrder): number {
  return Number(order.id.slice(1));
}

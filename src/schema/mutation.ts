import type { MutationResolvers } from '../generated/resolvers.ts';
import type { OriginInventory, OriginOrder } from '../origin/types.ts';

/**
 * Business rules (stock, quantities, who may write) are the origin's; its 400s
 * and 409s reach the caller. Each write names what it changed, so that cached
 * responses containing it are purged before the mutation answers.
 */
export const Mutation: MutationResolvers = {
  async placeOrder(_, { input }, { origin, loaders, invalidate }) {
    const order = await origin.send<OriginOrder>('POST', '/api/orders', { items: input.items }, { auth: true });
    invalidate(`User:${order.userId}`);
    const products = await Promise.all(order.items.map((item) => loaders.product.load(item.productId)));
    for (const product of products) if (product) invalidate(`Inventory:${product.sku}`);
    return order;
  },

  async setInventory(_, { sku, available }, { origin, invalidate }) {
    const inventory = await origin.send<OriginInventory>('PUT', `/api/inventory/${encodeURIComponent(sku)}`, { available }, { auth: true });
    invalidate(`Inventory:${inventory.sku}`);
    return inventory;
  },
};

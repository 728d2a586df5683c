import type { MutationResolvers } from '../generated/resolvers.ts';
import type { OriginInventory, OriginOrder } from '../origin/types.ts';

/** Business rules (stock, quantities, who may write) are the origin's; its 400s and 409s reach the caller. */
export const Mutation: MutationResolvers = {
  placeOrder: (_, { input }, { origin }) =>
    origin.send<OriginOrder>('POST', '/api/orders', { items: input.items }, { auth: true }),

  setInventory: (_, { sku, available }, { origin }) =>
    origin.send<OriginInventory>('PUT', `/api/inventory/${encodeURIComponent(sku)}`, { available }, { auth: true }),
};

import type { InventoryResolvers } from '../generated/resolvers.ts';

export const Inventory: InventoryResolvers = {
  inStock: ({ available }) => available > 0,
};

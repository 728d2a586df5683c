import type { ProductResolvers } from '../generated/resolvers.ts';
import { required } from './required.ts';

export const Product: ProductResolvers = {
  inventory: async ({ sku }, _, { loaders }) => required(await loaders.inventory.load(sku), 'Inventory', sku),
};

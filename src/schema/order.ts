import type { OrderItemResolvers } from '../generated/resolvers.ts';
import { required } from './required.ts';

export const OrderItem: OrderItemResolvers = {
  product: async ({ productId }, _, { loaders }) => required(await loaders.product.load(productId), 'Product', productId),
};

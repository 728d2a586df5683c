import type { UserResolvers } from '../generated/resolvers.ts';
import type { OrderList } from '../origin/types.ts';
import { checkPageSize } from './user-input.ts';

/** A `User` is always the viewer: the origin only answers for the token's owner. */
export const User: UserResolvers = {
  async orders(_, { first }, { origin }) {
    const limit = checkPageSize('first', first ?? 10, 1);
    const { items } = await origin.get<OrderList>(`/api/users/me/orders?limit=${limit}`, { auth: true });
    return items;
  },
};

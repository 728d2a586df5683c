import type { QueryResolvers } from '../generated/resolvers.ts';
import type { OriginOrder, OriginUser, ProductPage } from '../origin/types.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { badUserInput, checkPageSize, MAX_PAGE_SIZE } from './user-input.ts';

export const Query: QueryResolvers = {
  product: (_, { id }, { loaders }) => loaders.product.load(id),

  async products(_, { first, after, category }, { origin, loaders }) {
    const size = checkPageSize('first', first ?? 20, 0);
    const offset = after ? decodeCursor(after) : 0;
    const params = new URLSearchParams({ limit: String(Math.max(size, 1)), offset: String(offset) });
    if (category) params.set('category', category);
    const page = await origin.get<ProductPage>(`/api/products?${params}`);
    const nodes = page.items.slice(0, size);
    for (const product of nodes) loaders.product.prime(product.id, product);
    const next = offset + nodes.length;
    return {
      nodes,
      totalCount: page.total,
      pageInfo: { hasNextPage: next < page.total, endCursor: nodes.length ? encodeCursor(next) : null },
    };
  },

  productsByIds(_, { ids }, { loaders }) {
    if (ids.length > MAX_PAGE_SIZE) throw badUserInput(`ids takes at most ${MAX_PAGE_SIZE} ids, got ${ids.length}`);
    return Promise.all(ids.map((id) => loaders.product.load(id)));
  },

  viewer: (_, __, { origin }) => (origin.authenticated ? origin.get<OriginUser>('/api/users/me', { auth: true }) : null),

  order: (_, { id }, { origin }) => origin.find<OriginOrder>(`/api/orders/${encodeURIComponent(id)}`, { auth: true }),
};

import type { ResolverMap } from 'gateway:resolvers';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { badUserInput, checkPageSize, MAX_PAGE_SIZE } from './user-input.ts';

/**
 * What the directives cannot say: opaque cursors over the origin's offsets,
 * page-size limits refused rather than cut, and a computed field.
 */
export const resolvers: ResolverMap = {
  Query: {
    async products(_, { first, after, category }, { connectors }) {
      const size = checkPageSize('first', first ?? 20, 0);
      const offset = after ? decodeCursor(after) : 0;
      // The origin's smallest page is 1; `first: 0` still learns totalCount.
      const page = (await connectors.run('Query.products', { args: { first: Math.max(size, 1), after: offset, category } })) as { nodes: unknown[]; totalCount: number };
      const nodes = page.nodes.slice(0, size);
      const next = offset + nodes.length;
      return { nodes, totalCount: page.totalCount, pageInfo: { hasNextPage: next < page.totalCount, endCursor: nodes.length ? encodeCursor(next) : null } };
    },

    productsByIds(_, args: { ids: string[] }, { connectors }) {
      if (args.ids.length > MAX_PAGE_SIZE) throw badUserInput(`ids takes at most ${MAX_PAGE_SIZE} ids, got ${args.ids.length}`);
      return connectors.run('Query.productsByIds', { args });
    },
  },

  Inventory: {
    inStock: ({ available }: { available: number }) => available > 0,
  },
};

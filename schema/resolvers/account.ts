import type { ResolverMap } from 'gateway:resolvers';
import { checkPageSize } from './user-input.ts';

/** What the directives cannot say: no origin call without credentials, and a page-size limit refused rather than cut. */
export const resolvers: ResolverMap = {
  Query: {
    viewer: (_, args, { connectors, request }) => (request.headers.has('authorization') ? connectors.run('Query.viewer', { args }) : null),
  },

  User: {
    orders(user, { first }: { first?: number }, { connectors }) {
      return connectors.run('User.orders', { args: { first: checkPageSize('first', first ?? 10, 1) }, parent: user });
    },
  },
};

import { createSchema } from 'graphql-yoga';
import { resolvers } from './resolvers.ts';
import account from '../../schema/account.graphql';
import catalog from '../../schema/catalog.graphql';
import inventory from '../../schema/inventory.graphql';
import orders from '../../schema/orders.graphql';
import roots from '../../schema/schema.graphql';

export const typeDefs = [roots, catalog, inventory, account, orders];

export { resolvers };

export const schema = createSchema({ typeDefs, resolvers });

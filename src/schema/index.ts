import { createSchema } from 'graphql-yoga';
import type { Resolvers } from '../generated/resolvers.ts';
import { Inventory } from './inventory.ts';
import { Mutation } from './mutation.ts';
import { OrderItem } from './order.ts';
import { Product } from './product.ts';
import { Query } from './query.ts';
import { User } from './user.ts';
import account from '../../schema/account.graphql';
import catalog from '../../schema/catalog.graphql';
import inventory from '../../schema/inventory.graphql';
import orders from '../../schema/orders.graphql';
import roots from '../../schema/schema.graphql';

export const typeDefs = [roots, catalog, inventory, account, orders];

export const resolvers: Resolvers = { Query, Mutation, Product, Inventory, User, OrderItem };

export const schema = createSchema({ typeDefs, resolvers });

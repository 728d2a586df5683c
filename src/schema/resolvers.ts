import type { Resolvers } from '../generated/resolvers.ts';
import { Inventory } from './inventory.ts';
import { Mutation } from './mutation.ts';
import { OrderItem } from './order.ts';
import { Product } from './product.ts';
import { Query } from './query.ts';
import { User } from './user.ts';

/** Every resolver, runtime-agnostic: the Worker uses them, and so do the benchmark's peers on Node. */
export const resolvers: Resolvers = { Query, Mutation, Product, Inventory, User, OrderItem };

import { getProduct, listProducts } from './catalog.ts';
import { getInventory, listInventory, putInventory } from './inventory.ts';
import { getMe, getOrder, listMyOrders, placeOrder } from './orders.ts';
import type { Route } from './router.ts';
import type { OriginStore } from './store.ts';

/** What an `/api` handler sees of a request. */
export interface ApiContext {
  store: OriginStore;
  query: URLSearchParams;
  authorization: string | undefined;
  body: string;
}

export const API_ROUTES: readonly Route<ApiContext>[] = [
  { method: 'GET', pattern: '/api/products', handle: listProducts },
  { method: 'GET', pattern: '/api/products/:id', handle: getProduct },
  { method: 'GET', pattern: '/api/inventory', handle: listInventory },
  { method: 'GET', pattern: '/api/inventory/:sku', handle: getInventory },
  { method: 'PUT', pattern: '/api/inventory/:sku', handle: putInventory },
  { method: 'GET', pattern: '/api/users/me', handle: getMe },
  { method: 'GET', pattern: '/api/users/me/orders', handle: listMyOrders },
  { method: 'GET', pattern: '/api/orders/:id', handle: getOrder },
  { method: 'POST', pattern: '/api/orders', handle: placeOrder },
];

import { getProduct, listProducts } from './catalog.ts';
import { getInventory, listInventory, putInventory } from './inventory.ts';
import { getMe, getOrder, listMyOrders, placeOrder } from './orders.ts';
import { routesByPath, type Route } from './router.ts';
import type { OriginStore } from './store.ts';

/** What an API handler sees of a request; the shop's handlers see an OriginStore. */
export interface ApiContext<Store = OriginStore> {
  store: Store;
  query: URLSearchParams;
  authorization: string | undefined;
  body: string;
}

export const API_ROUTES: readonly Route<ApiContext>[] = routesByPath({
  '/api/products': { GET: listProducts },
  '/api/products/:id': { GET: getProduct },
  '/api/inventory': { GET: listInventory },
  '/api/inventory/:sku': { GET: getInventory, PUT: putInventory },
  '/api/users/me': { GET: getMe },
  '/api/users/me/orders': { GET: listMyOrders },
  '/api/orders/:id': { GET: getOrder },
  '/api/orders': { POST: placeOrder },
});

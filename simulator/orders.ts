import { ORIGIN_MAX_PAGE, type OrderList } from './types.ts';
import type { ApiContext } from './api-routes.ts';
import { requireUser } from './auth.ts';
import { OriginError, orNotFound } from './errors.ts';
import { isRecord, ok, parseJson, type Reply } from './http.ts';
import { integerParam, isIntegerAtLeast } from './params.ts';
import type { RouteParams } from './router.ts';
import type { OrderRequestItem } from './store.ts';

const DEFAULT_ORDER_PAGE = 10;
const MAX_ORDER_ITEMS = 50;

export function getMe({ store, authorization }: ApiContext): Reply {
  return ok(requireUser(store, authorization));
}

export function listMyOrders({ store, authorization, query }: ApiContext): Reply {
  const user = requireUser(store, authorization);
  const limit = integerParam(query, 'limit', { fallback: DEFAULT_ORDER_PAGE, min: 1, max: ORIGIN_MAX_PAGE });
  const list: OrderList = { items: store.ordersOf(user.id, limit) };
  return ok(list);
}

/** Another user's order is a 404, not a 403, so order ids cannot be probed. */
export function getOrder({ store, authorization }: ApiContext, params: RouteParams): Reply {
  const user = requireUser(store, authorization);
  const id = params.get('id');
  const order = store.order(id);
  return ok(orNotFound(order?.userId === user.id ? order : undefined, `order ${id}`));
}

export function placeOrder({ store, authorization, body }: ApiContext): Reply {
  const user = requireUser(store, authorization);
  const result = store.placeOrder(user.id, parseOrderRequest(body), new Date().toISOString());
  if (result.ok) return ok(result.order, 201);
  if (result.reason === 'unknown-product') {
    throw new OriginError('BAD_REQUEST', `unknown productId "${result.productId}"`);
  }
  throw new OriginError('CONFLICT', `not enough stock for product "${result.productId}"`);
}

function parseOrderRequest(body: string): OrderRequestItem[] {
  const input = parseJson(body);
  if (!isRecord(input)) throw new OriginError('BAD_REQUEST', 'body must be a JSON object');
  const { items } = input;
  if (!Array.isArray(items) || items.length === 0 || items.length > MAX_ORDER_ITEMS) {
    throw new OriginError('BAD_REQUEST', `items must be an array of 1 to ${MAX_ORDER_ITEMS} entries`);
  }
  return items.map((item: unknown, index) => {
    if (!isRecord(item)) throw new OriginError('BAD_REQUEST', `items[${index}] must be an object`);
    const { productId, quantity } = item;
    if (typeof productId !== 'string') {
      throw new OriginError('BAD_REQUEST', `items[${index}].productId must be a string`);
    }
    if (!isIntegerAtLeast(quantity, 1)) {
      throw new OriginError('BAD_REQUEST', `items[${index}].quantity must be an integer of at least 1`);
    }
    return { productId, quantity };
  });
}

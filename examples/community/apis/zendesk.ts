/**
 * Zendesk Sell's orders and line items (https://developer.zendesk.com/api-reference/sales-crm/resources/orders/),
 * under `/zendesk/v2/...`: one resource as `{ data, meta: { type } }`, a
 * collection as `{ items: [{ data, meta }], meta: { type: "collection",
 * count, links } }`; money as decimal strings (`"1599.99"`). A bearer token
 * is required.
 */
import { API_KEY, bearer, json, matchPath, type Api } from '../simulator.ts';

const ORDERS = [
  { id: 1, deal_id: 301, discount: 10, updated_at: '2026-11-27T16:32:56Z', created_at: '2026-11-27T16:30:00Z' },
  { id: 2, deal_id: 302, discount: 0, updated_at: '2026-11-29T09:12:04Z', created_at: '2026-11-29T09:12:04Z' },
];

const LINE_ITEMS = [
  { order_id: 1, id: 11, product_id: 5, name: 'Standing desk', sku: 'DESK-STAND-01', description: 'Oak top, electric lift', value: '1079.99', variation: '-10.00', price: '599.99', currency: 'USD', quantity: 2, updated_at: '2026-11-27T16:32:56Z', created_at: '2026-11-27T16:31:10Z' },
  { order_id: 1, id: 12, product_id: 9, name: 'Monitor arm', sku: 'ARM-DUAL-02', description: null, value: '134.99', variation: '-10.00', price: '149.99', currency: 'USD', quantity: 1, updated_at: '2026-11-27T16:32:56Z', created_at: '2026-11-27T16:31:40Z' },
  { order_id: 2, id: 13, product_id: 5, name: 'Standing desk', sku: 'DESK-STAND-01', description: 'Oak top, electric lift', value: '599.99', variation: '0.00', price: '599.99', currency: 'USD', quantity: 1, updated_at: '2026-11-29T09:12:04Z', created_at: '2026-11-29T09:12:04Z' },
];

function notFound(resource: string) {
  return json({ errors: [{ error: { code: 'not_found', message: `${resource} not found`, details: 'The requested resource could not be found.' }, meta: { type: 'error' } }], meta: { type: 'errors', http_status: '404 Not Found', logref: '1b2c3d4e' } }, 404);
}

export const zendesk: Api = {
  prefix: 'zendesk',
  create() {
    return (request) => {
      if (bearer(request.headers) !== API_KEY) {
        return json({ errors: [{ error: { code: 'unauthorized', message: 'Unauthorized', details: 'The access token provided is invalid.' }, meta: { type: 'error' } }], meta: { type: 'errors', http_status: '401 Unauthorized', logref: '0a1b2c3d' } }, 401);
      }
      if (request.method !== 'GET') return notFound('Resource');
      const items = matchPath('/v2/orders/:id/line_items', request.path);
      if (items) {
        if (!ORDERS.some((order) => String(order.id) === items.id)) return notFound('Order');
        const found = LINE_ITEMS.filter((item) => String(item.order_id) === items.id).map(({ order_id: _, ...item }) => ({ data: item, meta: { type: 'line_item' } }));
        return json({ items: found, meta: { type: 'collection', count: found.length, links: { self: `${request.base}${request.path}?page=1&per_page=25` } } });
      }
      const one = matchPath('/v2/orders/:id', request.path);
      const order = one && ORDERS.find((each) => String(each.id) === one.id);
      return order ? json({ data: order, meta: { type: 'order' } }) : notFound('Order');
    };
  },
};

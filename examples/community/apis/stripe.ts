/**
 * Stripe's products and prices (https://docs.stripe.com/api/products), under
 * `/stripe/v1/...`: lists `{ object: "list", url, has_more, data }` (newest
 * first; `limit`, `starting_after`, `ids[]`), one object by id, and
 * `POST /v1/products` with a form body in bracket notation
 * (`metadata[is_featured]=true`, `default_price_data[unit_amount]=1500`).
 * A bearer secret key is required; errors are `{ error: { type, code,
 * message, param } }`.
 */
import { API_KEY, bearer, copy, json, matchPath, type Api, type Reply } from '../simulator.ts';

interface Product {
  id: string;
  object: 'product';
  active: boolean;
  created: number;
  default_price: string | null;
  description: string | null;
  images: string[];
  livemode: false;
  metadata: Record<string, string>;
  name: string;
  updated: number;
  url: string | null;
}

interface Price {
  id: string;
  object: 'price';
  active: boolean;
  billing_scheme: 'per_unit';
  created: number;
  currency: string;
  livemode: false;
  metadata: Record<string, string>;
  nickname: string | null;
  product: string;
  recurring: { interval: string; interval_count: number } | null;
  type: 'one_time' | 'recurring';
  unit_amount: number;
  unit_amount_decimal: string;
}

const NOW = 1764849600;

function product(id: string, name: string, created: number, price: string | null, description: string | null, active = true): Product {
  return { id, object: 'product', active, created, default_price: price, description, images: [], livemode: false, metadata: {}, name, updated: created, url: null };
}

function price(id: string, productId: string, currency: string, amount: number, created: number, recurring: Price['recurring']): Price {
  return {
    id,
    object: 'price',
    active: true,
    billing_scheme: 'per_unit',
    created,
    currency,
    livemode: false,
    metadata: {},
    nickname: null,
    product: productId,
    recurring,
    type: recurring ? 'recurring' : 'one_time',
    unit_amount: amount,
    unit_amount_decimal: String(amount),
  };
}

const PRODUCTS: Product[] = [
  product('prod_Tq3Gold', 'Gold Plan', NOW - 100, 'price_1TqGoldMonthly', 'Everything, every month'),
  product('prod_Tq2Silver', 'Silver Plan', NOW - 200, 'price_1TqSilverMonthly', null),
  product('prod_Tq1Mug', 'Coffee Mug', NOW - 300, 'price_1TqMugOnce', 'Stoneware, 350 ml', false),
];
const PRICES: Price[] = [
  price('price_1TqGoldMonthly', 'prod_Tq3Gold', 'usd', 2000, NOW - 100, { interval: 'month', interval_count: 1 }),
  price('price_1TqSilverMonthly', 'prod_Tq2Silver', 'usd', 1000, NOW - 200, { interval: 'month', interval_count: 1 }),
  price('price_1TqMugOnce', 'prod_Tq1Mug', 'eur', 1250, NOW - 300, null),
];

function error(status: number, message: string, param?: string, code?: string): Reply {
  return json({ error: { ...(code ? { code, doc_url: `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}` } : {}), message, ...(param ? { param } : {}), type: 'invalid_request_error' } }, status);
}

/** Form or query pairs in Stripe's bracket notation, as nested objects and arrays: `a[b]=1&c[]=2` → `{ a: { b: "1" }, c: ["2"] }`. */
export function readBrackets(pairs: Iterable<[string, string]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of pairs) {
    const [head = '', ...keys] = name.replace(/\]/g, '').split('[');
    let holder: Record<string, unknown> | unknown[] = root;
    let key: string | number = head;
    for (const next of keys) {
      const child: unknown = (holder as Record<string, unknown>)[key] ?? (next === '' || /^\d+$/.test(next) ? [] : {});
      (holder as Record<string, unknown>)[key] = child;
      holder = child as Record<string, unknown> | unknown[];
      key = next === '' ? (holder as unknown[]).length : next;
    }
    (holder as Record<string, unknown>)[key] = value;
  }
  return root;
}

const LIST_PARAMS = ['limit', 'starting_after', 'ending_before', 'ids', 'active', 'expand'];
const CREATE_PARAMS = ['id', 'name', 'active', 'description', 'metadata', 'default_price_data', 'images', 'url'];

export const stripe: Api = {
  prefix: 'stripe',
  create() {
    const products = copy(PRODUCTS);
    const prices = copy(PRICES);
    return (request) => {
      const key = bearer(request.headers);
      if (key !== API_KEY) return error(401, key ? `Invalid API Key provided: ${key.slice(0, 4)}${'*'.repeat(Math.max(0, key.length - 4))}` : "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
      const { method, path } = request;
      if (method === 'GET' && path === '/v1/products') {
        const params = readBrackets(request.query);
        const unknown = Object.keys(params).find((name) => !LIST_PARAMS.includes(name));
        if (unknown) return error(400, `Received unknown parameter: ${unknown}`, unknown);
        const limit = Number(params.limit ?? 10);
        if (!Number.isInteger(limit) || limit < 1 || limit > 100) return error(400, `This value must be between 1 and 100 (it currently is ${String(params.limit)}).`, 'limit');
        let list = [...products].sort((a, b) => b.created - a.created);
        if (params.ids !== undefined) {
          const ids = Object.values(params.ids as object) as string[];
          list = list.filter((each) => ids.includes(each.id));
        }
        if (params.active !== undefined) list = list.filter((each) => String(each.active) === params.active);
        if (typeof params.starting_after === 'string') {
          const at = list.findIndex((each) => each.id === params.starting_after);
          if (at === -1) return error(400, `No such product: '${params.starting_after}'`, 'starting_after', 'resource_missing');
          list = list.slice(at + 1);
        }
        return json({ object: 'list', data: list.slice(0, limit), has_more: list.length > limit, url: '/v1/products' });
      }
      if (method === 'POST' && path === '/v1/products') {
        if (!/^application\/x-www-form-urlencoded/.test(request.headers['content-type'] ?? '')) return error(400, 'Invalid request: request parameters should be form-encoded (Content-Type: application/x-www-form-urlencoded).');
        const params = readBrackets(new URLSearchParams(request.body));
        const unknown = Object.keys(params).find((name) => !CREATE_PARAMS.includes(name));
        if (unknown) return error(400, `Received unknown parameter: ${unknown}`, unknown);
        if (typeof params.name !== 'string' || params.name === '') return error(400, 'Missing required param: name.', 'name', 'parameter_missing');
        const id = typeof params.id === 'string' && params.id ? params.id : `prod_New${products.length + 1}`;
        if (products.some((each) => each.id === id)) return error(400, `Product already exists.`, 'id', 'resource_already_exists');
        const created = product(id, params.name, NOW + products.length, null, typeof params.description === 'string' ? params.description : null, params.active !== 'false');
        created.metadata = (params.metadata ?? {}) as Record<string, string>;
        const priceData = params.default_price_data as { currency?: string; unit_amount?: string } | undefined;
        if (priceData) {
          const amount = Number(priceData.unit_amount);
          if (!priceData.currency || !Number.isInteger(amount)) return error(400, 'Missing required param: default_price_data[currency] or default_price_data[unit_amount].', 'default_price_data', 'parameter_missing');
          const defaultPrice = price(`price_New${prices.length + 1}`, id, priceData.currency, amount, created.created, null);
          prices.push(defaultPrice);
          created.default_price = defaultPrice.id;
        }
        products.push(created);
        return json(created);
      }
      if (method !== 'GET') return error(404, `Unrecognized request URL (${method}: ${path}).`);
      const one = matchPath('/v1/:kind/:id', path);
      const found = one && (one.kind === 'products' ? products : one.kind === 'prices' ? prices : []).find((each) => each.id === one.id);
      if (found) return json(found);
      if (one?.kind === 'products' || one?.kind === 'prices') return error(404, `No such ${one.kind.slice(0, -1)}: '${one.id}'`, 'id', 'resource_missing');
      return error(404, `Unrecognized request URL (${method}: ${path}).`);
    };
  },
};

import { ORIGIN_MAX_PAGE, type BatchResult, type OriginProduct, type ProductPage } from './types.ts';
import type { ApiContext } from './api-routes.ts';
import { orNotFound } from './errors.ts';
import { ok, type Reply } from './http.ts';
import { integerParam, keyListParam } from './params.ts';
import type { RouteParams } from './router.ts';

const DEFAULT_PAGE = 20;

/** A page of products, or with `ids` a batch in the order asked (limit, offset and category are then ignored). */
export function listProducts({ store, query }: ApiContext): Reply {
  const ids = keyListParam(query, 'ids');
  if (ids !== undefined) {
    const batch: BatchResult<OriginProduct> = { items: ids.map((id) => store.product(id) ?? null) };
    return ok(batch);
  }
  const limit = integerParam(query, 'limit', { fallback: DEFAULT_PAGE, min: 1, max: ORIGIN_MAX_PAGE });
  const offset = integerParam(query, 'offset', { fallback: 0, min: 0 });
  const page: ProductPage = store.productPage({ category: query.get('category') || undefined, offset, limit });
  return ok(page);
}

export function getProduct({ store }: ApiContext, params: RouteParams): Reply {
  const id = params.get('id');
  return ok(orNotFound(store.product(id), `product ${id}`));
}

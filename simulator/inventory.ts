import type { BatchResult, OriginInventory } from './types.ts';
import type { ApiContext } from './api-routes.ts';
import { requireAdmin } from './auth.ts';
import { OriginError, orNotFound } from './errors.ts';
import { isRecord, ok, parseJson, type Reply } from './http.ts';
import { isIntegerAtLeast, keyListParam } from './params.ts';
import type { RouteParams } from './router.ts';

export function listInventory({ store, query }: ApiContext): Reply {
  const skus = keyListParam(query, 'skus');
  if (skus === undefined) throw new OriginError('BAD_REQUEST', 'skus is required');
  const batch: BatchResult<OriginInventory> = { items: skus.map((sku) => store.inventory(sku) ?? null) };
  return ok(batch);
}

export function getInventory({ store }: ApiContext, params: RouteParams): Reply {
  const sku = params.get('sku');
  return ok(orNotFound(store.inventory(sku), `inventory for ${sku}`));
}

export function putInventory({ store, authorization, body }: ApiContext, params: RouteParams): Reply {
  requireAdmin(store, authorization);
  const sku = params.get('sku');
  orNotFound(store.inventory(sku), `inventory for ${sku}`);
  const input = parseJson(body);
  if (!isRecord(input) || !isIntegerAtLeast(input.available, 0)) {
    throw new OriginError('BAD_REQUEST', 'body must be { "available": <integer >= 0> }');
  }
  return ok(store.setAvailable(sku, input.available, new Date().toISOString()));
}

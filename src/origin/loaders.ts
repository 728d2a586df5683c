import DataLoader from 'dataloader';
import type { EntityCache } from '../cache/entity-cache.ts';
import type { OriginClient } from './client.ts';
import { originUnavailable } from './origin-error.ts';
import { ORIGIN_MAX_PAGE, type BatchResult, type OriginInventory, type OriginProduct } from './types.ts';

/**
 * Per-request batching over the origin's batch endpoints: every `load` made in
 * one tick becomes one call, split at the origin's limit of ids per call.
 * Made anew for each request, so that one caller never sees another's data.
 * With an entity cache, only the ids that are not fresh there reach the origin.
 */
export interface Loaders {
  product: DataLoader<string, OriginProduct | null>;
  inventory: DataLoader<string, OriginInventory | null>;
}

export function createLoaders(origin: OriginClient, entityCache?: EntityCache): Loaders {
  return {
    product: batchLoader<OriginProduct>(origin, entityCache, 'Product', '/api/products', 'ids'),
    inventory: batchLoader<OriginInventory>(origin, entityCache, 'Inventory', '/api/inventory', 'skus'),
  };
}

function batchLoader<T>(
  origin: OriginClient,
  entityCache: EntityCache | undefined,
  type: string,
  path: string,
  param: string,
): DataLoader<string, T | null> {
  async function fetchBatch(keys: readonly string[]): Promise<(T | null)[]> {
    const query = keys.map(encodeURIComponent).join(',');
    const { items } = await origin.get<BatchResult<T>>(`${path}?${param}=${query}`);
    if (!Array.isArray(items) || items.length !== keys.length) {
      throw originUnavailable(`[GET] "${path}"`, `asked for ${keys.length} ${param}, got ${Array.isArray(items) ? items.length : 'no list'}`);
    }
    return items;
  }
  return new DataLoader<string, T | null>(
    (keys) => (entityCache ? entityCache.load(type, keys, fetchBatch) : fetchBatch(keys)),
    { maxBatchSize: ORIGIN_MAX_PAGE },
  );
}

import DataLoader from 'dataloader';
import type { OriginClient } from './client.ts';
import { originUnavailable } from './origin-error.ts';
import { ORIGIN_MAX_PAGE, type BatchResult, type OriginInventory, type OriginProduct } from './types.ts';

/**
 * Per-request batching over the origin's batch endpoints: every `load` made in
 * one tick becomes one call, split at the origin's limit of ids per call.
 * Made anew for each request, so that one caller never sees another's data.
 */
export interface Loaders {
  product: DataLoader<string, OriginProduct | null>;
  inventory: DataLoader<string, OriginInventory | null>;
}

export function createLoaders(origin: OriginClient): Loaders {
  return {
    product: batchLoader<OriginProduct>(origin, '/api/products', 'ids'),
    inventory: batchLoader<OriginInventory>(origin, '/api/inventory', 'skus'),
  };
}

function batchLoader<T>(origin: OriginClient, path: string, param: string): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(
    async (keys) => {
      const query = keys.map(encodeURIComponent).join(',');
      const { items } = await origin.get<BatchResult<T>>(`${path}?${param}=${query}`);
      if (!Array.isArray(items) || items.length !== keys.length) {
        throw originUnavailable(`[GET] "${path}"`, `asked for ${keys.length} ${param}, got ${Array.isArray(items) ? items.length : 'no list'}`);
      }
      return items;
    },
    { maxBatchSize: ORIGIN_MAX_PAGE },
  );
}

import type { Purgeable } from '../invalidation/purgeable.ts';
import type { LocationTier } from './location-tier.ts';
import type { MemoryTier } from './memory-tier.ts';
import type { ResponseCacheObject } from './response-cache-object.ts';

export interface ResponsePurgeableOptions {
  responses: DurableObjectNamespace<ResponseCacheObject>;
  memory: MemoryTier;
  location: LocationTier | undefined;
  /** The lease a waiter gets when a purge hands it the lead. */
  leaseMs: number;
}

/**
 * How a purge reaches the response cache: the keys' objects, this location's
 * tier and this isolate's memory tier are purged at once. Other isolates'
 * memory tiers answer from memory for at most `CACHE_MEMORY_TTL_MS` more
 * (other locations' tiers for `CACHE_LOCATION_TTL_MS` more) before they ask
 * the purged object again.
 */
export function createResponsePurgeable({ responses, memory, location, leaseMs }: ResponsePurgeableOptions): Purgeable {
  return {
    async purge({ keys, all, soft }) {
      const [had] = await Promise.all([Promise.all(keys.map((key) => responses.getByName(key).purge(soft, leaseMs))), location?.delete(keys)]);
      if (all) memory.clear();
      else for (const key of keys) memory.delete(key);
      return had.filter(Boolean).length;
    },
  };
}

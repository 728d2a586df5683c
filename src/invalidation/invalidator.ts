import type { CacheIndex } from './cache-index.ts';
import type { IndexQuery } from './cache-index-object.ts';
import { fieldKeyOfIndexKey, type FieldCache } from '../field-cache/field-cache.ts';
import type { LocationTier } from '../response-cache/location-tier.ts';
import type { MemoryTier } from '../response-cache/memory-tier.ts';
import type { ResponseCacheObject } from '../response-cache/response-cache-object.ts';

export interface PurgeRequest extends IndexQuery {
  /** Mark stale, served while one request refreshes, instead of deleting. */
  soft?: boolean;
}

export interface Invalidator {
  /** Purges the responses that contain what `request` names, and the field cache's calls that hold it; answers how many responses were cached. */
  purge(request: PurgeRequest): Promise<number>;
}

export interface InvalidatorOptions {
  responses: DurableObjectNamespace<ResponseCacheObject>;
  index: CacheIndex;
  fields: FieldCache;
  memory: MemoryTier;
  location: LocationTier | undefined;
  /** The lease a waiter gets when a purge hands it the lead. */
  leaseMs: number;
}

/**
 * Every stored response is indexed by the entities it contains, so a write
 * finds the responses it affects, lists included. This isolate's memory tier
 * is purged at once, and so is this location's tier; other isolates' memory
 * tiers answer from memory for at most `CACHE_MEMORY_TTL_MS` more (other
 * locations' tiers for `CACHE_LOCATION_TTL_MS` more) before they ask the
 * purged object again.
 */
export function createInvalidator({ responses, index, fields, memory, location, leaseMs }: InvalidatorOptions): Invalidator {
  return {
    async purge({ soft = false, ...query }) {
      // An entity's own cached value is kept under its record (`Product:7`); the calls that hold it are found in the index. The field cache cannot list a type's keys: a purge by type empties it.
      const [matched] = await Promise.all([index.match(query), fields.purge(query.all || query.types?.length ? 'all' : (query.entities ?? []))]);
      const keys = matched.filter((key) => fieldKeyOfIndexKey(key) === undefined);
      const calls = matched.flatMap((key) => fieldKeyOfIndexKey(key) ?? []);
      const [had] = await Promise.all([
        Promise.all(keys.map((key) => responses.getByName(key).purge(soft, leaseMs))),
        location?.delete(keys),
        calls.length ? fields.purge(calls) : undefined,
      ]);
      if (query.all) memory.clear();
      else for (const key of keys) memory.delete(key);
      return had.filter(Boolean).length;
    },
  };
}

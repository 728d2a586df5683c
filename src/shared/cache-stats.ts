export type CacheStatus = 'HIT' | 'STALE' | 'MISS' | 'BYPASS';

/** This isolate's counts since it started, for `GET /admin/stats`. */
export interface CacheStats {
  HIT: number;
  STALE: number;
  MISS: number;
  BYPASS: number;
  revalidations: number;
  originCalls: number;
  /** Calls to the keys' Durable Objects: at most one per key at a time from this isolate. */
  objectLookups: number;
  /** Lookups the location tier answered instead of the key's object. */
  locationHits: number;
  /** Connector values answered but not kept in the field cache: over `CACHE_MAX_ENTRY_BYTES`. */
  fieldTooLarge: number;
}

export function createCacheStats(): CacheStats {
  return { HIT: 0, STALE: 0, MISS: 0, BYPASS: 0, revalidations: 0, originCalls: 0, objectLookups: 0, locationHits: 0, fieldTooLarge: 0 };
}

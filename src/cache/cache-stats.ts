export type CacheStatus = 'HIT' | 'STALE' | 'MISS' | 'BYPASS';

/** This isolate's counts since it started, for `GET /admin/stats`. */
export interface CacheStats {
  HIT: number;
  STALE: number;
  MISS: number;
  BYPASS: number;
  revalidations: number;
  originCalls: number;
}

export function createCacheStats(): CacheStats {
  return { HIT: 0, STALE: 0, MISS: 0, BYPASS: 0, revalidations: 0, originCalls: 0 };
}

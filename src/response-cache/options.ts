/** What the response cache is built with: its tiers, its keys, the origin's execution and the limits it checks. */
import type { CacheConfig } from '../config.ts';
import type { RequestTrace } from '../shared/trace.ts';
import type { IndexWriter } from '../invalidation/cache-index.ts';
import type { Invalidator } from '../invalidation/invalidator.ts';
import type { CacheStats } from '../shared/cache-stats.ts';
import type { PersistedRequest, Resolution } from '../graphql/persisted-operations.ts';
import type { CacheKeys } from './cache-key.ts';
import type { LocationTier } from './location-tier.ts';
import type { MemoryTier } from './memory-tier.ts';
import type { ResponseCacheObject } from './response-cache-object.ts';

/** Runs a request through Yoga; `ctx` carries the background work (field refreshes) past the response. */
export type Execute = (request: Request, trace: RequestTrace, ctx: ExecutionContext) => Promise<Response>;

export interface ResponseCacheOptions {
  config: CacheConfig;
  keys: CacheKeys;
  memory: MemoryTier;
  /** Between the memory tier and the keys' objects, when `CACHE_LOCATION_TTL_MS` is set. */
  location: LocationTier | undefined;
  responses: DurableObjectNamespace<ResponseCacheObject>;
  index: IndexWriter;
  invalidator: Invalidator;
  /** Client headers that identify a caller (lower-case): a PRIVATE answer is cached per the values of all of them. */
  identityHeaders: readonly string[];
  /** Hashes a caller's identity headers into the private scope its answers are kept under. */
  scopeOf: (identity: string) => Promise<string>;
  stats: CacheStats;
  execute: Execute;
  /** Query text over this many characters is refused (400) before it is parsed. */
  maxQueryLength: number;
  resolvePersisted: (request: PersistedRequest) => Promise<Resolution>;
}

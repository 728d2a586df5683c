import type { IndexQuery } from './cache-index-object.ts';

/** A purge as one cache gets it: what was named, and which of this cache's keys the index found for it. */
export interface Purge extends IndexQuery {
  /** This cache's keys that hold what was named, as the cache recorded them. */
  keys: string[];
  /** Mark stale, served while one request refreshes, instead of deleting; a cache that cannot deletes. */
  soft: boolean;
}

/**
 * What the invalidator knows of a cache: how to purge it. A cache may purge
 * more than `keys`, by what the purge names: one that cannot list a type's
 * keys empties itself for a purge by type.
 */
export interface Purgeable {
  /** Answers how many whole responses were cached among what it purged, for `/admin/purge`; a cache of parts of responses answers 0. */
  purge(purge: Purge): Promise<number>;
}

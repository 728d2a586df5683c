import { shardOf } from '../shared/hash.ts';
import type { CacheIndexObject, IndexQuery } from './cache-index-object.ts';

export interface CacheIndex {
  /** Records that `key` contains `entities` until `expiresAt`; false when one of them was purged since `readSince` (then the response must not be stored). */
  add(key: string, entities: string[], expiresAt: number, readSince: number): Promise<boolean>;
  /** The keys that contain what `query` names, from every shard. */
  match(query: IndexQuery): Promise<string[]>;
}

/** The index as one cache writes to it: its keys, recorded before they are stored. */
export type IndexWriter = Pick<CacheIndex, 'add'>;

/**
 * The index of which responses contain which entities, in `shards` Durable
 * Objects by response key: each fill writes to one shard, so fills, which
 * outnumber purges by far, spread evenly. A purge asks every shard at once,
 * since any of them may hold a key with its entities (sharding by entity
 * instead would send a list's fill to many shards).
 */
export function createCacheIndex({ namespace, shards }: { namespace: DurableObjectNamespace<CacheIndexObject>; shards: number }): CacheIndex {
  const shard = (i: number) => namespace.getByName(`index-${i}`);
  return {
    add: (key, entities, expiresAt, readSince) => shard(shardOf(key, shards)).add(key, entities, expiresAt, readSince),
    async match(query) {
      const found = await Promise.all(Array.from({ length: shards }, (_, i) => shard(i).match(query)));
      return found.flat();
    },
  };
}

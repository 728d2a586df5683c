import type { EntityCacheObject } from './entity-cache-object.ts';
import type { IndexQuery } from './cache-index-object.ts';
import { typeOf } from './cache-index-object.ts';
import { shardOf } from '../hash.ts';

export interface EntityCacheOptions {
  namespace: DurableObjectNamespace<EntityCacheObject>;
  /** How long each cached type's entities stay fresh, from its `@cacheControl` hint. */
  maxAgeMs: Record<string, number>;
  shards: number;
  leaseMs: number;
  waitMs: number;
}

export interface EntityCache {
  /**
   * The entities of `type` by id, fresh from the cache or fetched, for the ids
   * nobody else is already fetching, with one call of `fetch`.
   */
  load<T>(type: string, ids: readonly string[], fetch: (ids: string[]) => Promise<(T | null)[]>): Promise<(T | null)[]>;
  purge(query: IndexQuery): Promise<void>;
}

export function createEntityCache({ namespace, maxAgeMs, shards, leaseMs, waitMs }: EntityCacheOptions): EntityCache {
  const stub = (type: string, shard: number) => namespace.getByName(`${type}:${shard}`);

  function byShard(keys: Iterable<string>): Map<string, { type: string; shard: number; keys: string[] }> {
    const groups = new Map<string, { type: string; shard: number; keys: string[] }>();
    for (const key of keys) {
      const type = typeOf(key);
      const shard = shardOf(key, shards);
      const name = `${type}:${shard}`;
      const group = groups.get(name) ?? { type, shard, keys: [] };
      group.keys.push(key);
      groups.set(name, group);
    }
    return groups;
  }

  return {
    async load<T>(type: string, ids: readonly string[], fetch: (ids: string[]) => Promise<(T | null)[]>) {
      const ttl = maxAgeMs[type];
      if (!ttl) return fetch([...ids]);
      const keyOf = (id: string) => `${type}:${id}`;
      const groups = [...byShard(ids.map(keyOf)).values()];
      const reads = await Promise.all(
        groups.map(async (group) => ({ group, read: await stub(type, group.shard).read(group.keys, { maxAgeMs: ttl, leaseMs, waitMs }) })),
      );

      const values = new Map<string, T | null>();
      for (const { read } of reads) for (const [key, value] of Object.entries(read.values)) values.set(key, JSON.parse(value) as T | null);
      const missing = reads.flatMap(({ read }) => read.fetch);
      if (missing.length) {
        const readAt = Date.now();
        let fetched: (T | null)[];
        try {
          fetched = await fetch(missing.map((key) => key.slice(type.length + 1)));
        } catch (error) {
          await Promise.all(reads.map(({ group, read }) => stub(type, group.shard).release(read.lease, read.fetch)));
          throw error;
        }
        missing.forEach((key, i) => values.set(key, fetched[i] ?? null));
        await Promise.all(
          reads.map(({ group, read }) =>
            stub(type, group.shard).fill(read.lease, readAt, Object.fromEntries(read.fetch.map((key) => [key, JSON.stringify(values.get(key) ?? null)]))),
          ),
        );
      }
      return ids.map((id) => values.get(keyOf(id)) ?? null);
    },

    async purge({ entities = [], types = [], all = false }) {
      const calls: Promise<void>[] = [];
      for (const type of Object.keys(maxAgeMs)) {
        if (!all && !types.includes(type)) continue;
        for (let shard = 0; shard < shards; shard++) calls.push(stub(type, shard).purge('all'));
      }
      const cached = entities.filter((key) => typeOf(key) in maxAgeMs && !all && !types.includes(typeOf(key)));
      for (const { type, shard, keys } of byShard(cached).values()) calls.push(stub(type, shard).purge(keys));
      await Promise.all(calls);
    },
  };
}

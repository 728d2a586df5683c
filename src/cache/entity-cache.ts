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
        groups.map(async (group) => ({ group, read: await stub(type, group.shard).read(group.keys, { maxAgeMs: ttl, leaseMs }) })),
      );
      const values = new Map<string, T | null>();
      const keep = (found: Record<string, string>) => {
        for (const [key, value] of Object.entries(found)) values.set(key, JSON.parse(value) as T | null);
      };
      for (const { read } of reads) keep(read.values);

      /** Fetches `keys` from the origin and fills each shard's share under its lease (none for keys whose leader failed). */
      const fetchAndFill = async (shares: { shard: number; lease: string | undefined; keys: string[] }[]) => {
        const keys = shares.flatMap((share) => share.keys);
        if (!keys.length) return;
        const readAt = Date.now();
        let fetched: (T | null)[];
        try {
          fetched = await fetch(keys.map((key) => key.slice(type.length + 1)));
        } catch (error) {
          await Promise.all(shares.map((share) => stub(type, share.shard).release(share.lease, share.keys)));
          throw error;
        }
        keys.forEach((key, i) => values.set(key, fetched[i] ?? null));
        await Promise.all(
          shares.map((share) =>
            stub(type, share.shard).fill(share.lease, readAt, Object.fromEntries(share.keys.map((key) => [key, JSON.stringify(values.get(key) ?? null)]))),
          ),
        );
      };

      // Our own keys first, then what others are fetching: no lease is held while waiting.
      await fetchAndFill(reads.map(({ group, read }) => ({ shard: group.shard, lease: read.lease, keys: read.fetch })));
      const waits = await Promise.all(
        reads.filter(({ read }) => read.held.length).map(async ({ group, read }) => ({ shard: group.shard, waited: await stub(type, group.shard).wait(read.held, { maxAgeMs: ttl, waitMs }) })),
      );
      for (const { waited } of waits) keep(waited.values);
      await fetchAndFill(waits.map(({ shard, waited }) => ({ shard, lease: undefined, keys: waited.failed })));
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

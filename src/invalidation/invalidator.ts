/**
 * The invalidation stage: a write (the mutation path, src/response-cache) or
 * a purge (the admin routes, src/http/admin.ts) names entities, types or
 * everything; this finds in the index the cached keys that hold them and
 * hands each cache its own. It calls the index and each registered cache's
 * `Purgeable`, nothing else: it knows no cache, and imports only leaves. The
 * caches come to it: each registers, and records its keys in the index
 * under the prefix its registration gives them.
 */
import type { CacheIndex, IndexWriter } from './cache-index.ts';
import type { IndexQuery } from './cache-index-object.ts';
import type { Purgeable } from './purgeable.ts';

export interface PurgeRequest extends IndexQuery {
  /** Mark stale, served while one request refreshes, instead of deleting. */
  soft?: boolean;
}

export interface Invalidator {
  /** Purges what `request` names from every registered cache; answers how many responses were cached. */
  purge(request: PurgeRequest): Promise<number>;
}

export interface CacheRegistry {
  /**
   * Purges `purgeable` from now on with the keys it records through the
   * writer answered here, under `name` and a colon: by that prefix a key the
   * index matches is known to be this cache's.
   */
  register(name: string, purgeable: Purgeable, options?: { ownsUnprefixed?: boolean }): IndexWriter;
}

export function createInvalidator({ index }: { index: CacheIndex }): Invalidator & CacheRegistry {
  const caches = new Map<string, Purgeable>();
  /**
   * The cache whose records carry no prefix: versions before registration
   * wrote the response cache's keys bare, and the index keeps them until
   * they expire, so a purge right after a deploy must still reach them.
   */
  let unprefixedOwner: string | undefined;
  return {
    register(name, purgeable, { ownsUnprefixed = false } = {}) {
      if (!name || name.includes(':') || caches.has(name)) throw new Error(`[invalidation] a cache registers under a name of its own without a colon, got "${name}"`);
      if (ownsUnprefixed && unprefixedOwner) throw new Error(`[invalidation] "${unprefixedOwner}" already owns the records without a prefix; "${name}" cannot too`);
      caches.set(name, purgeable);
      if (ownsUnprefixed) unprefixedOwner = name;
      const prefix = `${name}:`;
      return { add: (key, entities, expiresAt, readSince) => index.add(prefix + key, entities, expiresAt, readSince) };
    },

    async purge({ soft = false, ...query }) {
      const keys = new Map([...caches.keys()].map((name): [string, string[]] => [name, []]));
      for (const key of await index.match(query)) {
        const colon = key.indexOf(':');
        if (colon !== -1) keys.get(key.slice(0, colon))?.push(key.slice(colon + 1));
        else if (unprefixedOwner) keys.get(unprefixedOwner)!.push(key);
      }
      const counts = await Promise.all([...caches].map(([name, cache]) => cache.purge({ ...query, keys: keys.get(name)!, soft })));
      return counts.reduce((sum, count) => sum + count, 0);
    },
  };
}

import type { Purgeable } from '../invalidation/purgeable.ts';

/**
 * A cached call's record in the index: per connector, since two connectors
 * making the same request share its cached value but not their tags
 * (`Query.posts(userId: 2)` is tagged `posts`, `User.posts` for user 2 `User:2`).
 */
export function recordOf(connector: string, key: string): string {
  return `${connector} ${key}`;
}

/**
 * How a purge reaches the field cache, given its purge of keys. An entity's
 * own value is kept under its record (`Product:7`), which the purge names;
 * the calls that hold what it names are the index's records. The field
 * cache cannot list a type's keys: a purge by type empties it. A soft purge
 * deletes here too: the responses are what is served stale, and their
 * refresh must read afresh.
 */
export function createFieldPurgeable(purgeKeys: (keys: string[] | 'all') => Promise<void>): Purgeable {
  return {
    async purge({ keys, entities = [], types, all }) {
      await purgeKeys(all || types?.length ? 'all' : [...entities, ...keys.map((record) => record.slice(record.indexOf(' ') + 1))]);
      return 0;
    },
  };
}

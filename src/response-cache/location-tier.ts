import type { CacheEntry } from '../single-flight/entry.ts';
import { logFailure } from '../shared/log-event.ts';

export interface LocationTier {
  /** The entry and when the key's Durable Object confirmed it, if that was less than `ttlMs` ago. */
  get(key: string, now: number): Promise<{ entry: CacheEntry; checkedAt: number } | undefined>;
  set(key: string, entry: CacheEntry, checkedAt: number): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

interface Stored {
  entry: CacheEntry;
  checkedAt: number;
}

/** The Cache API wants URLs; this host is never fetched. */
const urlOf = (key: string) => `https://location-tier.gateway.invalid/${encodeURIComponent(key)}`;

/**
 * The per-location tier between the isolates' memory tiers and the keys'
 * Durable Objects: the Workers Cache API, which is shared by the isolates of
 * one location. An isolate whose memory confirmation lapsed asks here before
 * the key's object, so that a hot key's object is asked about once per
 * location per `ttlMs` rather than once per isolate. Off when `ttlMs` is 0;
 * a no-op where the Cache API is (workers.dev, plain workerd). Trouble here
 * only ever means asking the object.
 */
export function createLocationTier({ ttlMs, cacheName }: { ttlMs: number; cacheName: string }): LocationTier | undefined {
  if (ttlMs === 0) return undefined;
  let opened: Promise<Cache> | undefined;
  const cache = () => (opened ??= caches.open(cacheName));
  const quietly = async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await work();
    } catch (error) {
      logFailure('location-tier-failed', error);
      return undefined;
    }
  };
  return {
    get: (key, now) =>
      quietly(async () => {
        const response = await (await cache()).match(urlOf(key));
        if (!response) return undefined;
        const stored = await response.json<Stored>();
        return now - stored.checkedAt < ttlMs ? stored : undefined;
      }),
    set: async (key, entry, checkedAt) => {
      const stored: Stored = { entry, checkedAt };
      // Whole seconds for the Cache API's own expiry; the milliseconds are checked on read.
      const headers = { 'content-type': 'application/json', 'cache-control': `max-age=${Math.ceil(ttlMs / 1000)}` };
      await quietly(async () => (await cache()).put(urlOf(key), new Response(JSON.stringify(stored), { headers })));
    },
    delete: async (keys) => {
      await quietly(async () => {
        const opened = await cache();
        await Promise.all(keys.map((key) => opened.delete(urlOf(key))));
      });
    },
  };
}

import { sizeOf, type CacheEntry } from '../single-flight/entry.ts';

interface Slot {
  entry: CacheEntry;
  /** When the key's Durable Object last confirmed this entry. */
  checkedAt: number;
  size: number;
}

export interface MemoryTier {
  /** The entry, if the Durable Object confirmed it less than `ttlMs` ago. */
  get(key: string, now: number): CacheEntry | undefined;
  /** The entry however old its confirmation: a last resort when the Durable Object cannot answer. */
  peek(key: string): CacheEntry | undefined;
  /**
   * The entry, if it had lapsed no more than `STAND_IN_MS` before
   * `lookupSentAt`: it may stand in while that lookup of the key's object is
   * in flight. A copy that lapsed long before anyone asked again must not.
   */
  standIn(key: string, lookupSentAt: number): CacheEntry | undefined;
  /** Keeps `entry` as confirmed at `checkedAt`, unless the key was dropped since: a lookup sent before a purge must not bring back what it purged. */
  set(key: string, entry: CacheEntry, checkedAt: number): void;
  /** Whether the key was dropped (or everything cleared) at or after `time`. */
  droppedSince(key: string, time: number): boolean;
  delete(key: string): void;
  clear(): void;
  readonly bytes: number;
}

/**
 * A per-isolate LRU of entries, bounded by bytes, in front of the keys'
 * Durable Objects. An entry answers from memory for `ttlMs` after the object
 * last confirmed it; then the object is asked again. That interval is how long
 * another isolate may go on serving an entry that was purged.
 */
/** How long after its confirmation lapsed a copy may still stand in for the lookup that renews it; part of the consistency bound (docs/caching/consistency.md). */
export const STAND_IN_MS = 100;

export function createMemoryTier({ ttlMs, maxBytes }: { ttlMs: number; maxBytes: number }): MemoryTier {
  const slots = new Map<string, Slot>();
  let bytes = 0;
  /** When each key was last dropped, oldest first; a drop older than the TTL can refuse nothing that would still be served. */
  const dropped = new Map<string, number>();
  let clearedAt = -Infinity;

  const droppedSince = (key: string, time: number) => time <= clearedAt || time <= (dropped.get(key) ?? -Infinity);

  function remove(key: string): void {
    const slot = slots.get(key);
    if (!slot) return;
    slots.delete(key);
    bytes -= slot.size;
  }

  return {
    get(key, now) {
      const slot = slots.get(key);
      if (!slot) return undefined;
      if (now - slot.checkedAt >= ttlMs) return undefined;
      slots.delete(key);
      slots.set(key, slot);
      return slot.entry;
    },
    set(key, entry, checkedAt) {
      if (droppedSince(key, checkedAt)) return;
      remove(key);
      const size = sizeOf(entry);
      if (size > maxBytes) return;
      slots.set(key, { entry, checkedAt, size });
      bytes += size;
      for (const oldest of slots.keys()) {
        if (bytes <= maxBytes) break;
        remove(oldest);
      }
    },
    peek: (key) => slots.get(key)?.entry,
    standIn(key, lookupSentAt) {
      const slot = slots.get(key);
      return slot && lookupSentAt - slot.checkedAt < ttlMs + STAND_IN_MS ? slot.entry : undefined;
    },
    droppedSince,
    delete(key) {
      remove(key);
      const now = Date.now();
      dropped.delete(key);
      dropped.set(key, now);
      for (const [old, at] of dropped) {
        if (now - at < ttlMs) break;
        dropped.delete(old);
      }
    },
    clear() {
      slots.clear();
      bytes = 0;
      dropped.clear();
      clearedAt = Date.now();
    },
    get bytes() {
      return bytes;
    },
  };
}

import { sizeOf, type CacheEntry } from './entry.ts';

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
  set(key: string, entry: CacheEntry, now: number): void;
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
export function createMemoryTier({ ttlMs, maxBytes }: { ttlMs: number; maxBytes: number }): MemoryTier {
  const slots = new Map<string, Slot>();
  let bytes = 0;

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
    set(key, entry, now) {
      remove(key);
      const size = sizeOf(entry);
      if (size > maxBytes) return;
      slots.set(key, { entry, checkedAt: now, size });
      bytes += size;
      for (const oldest of slots.keys()) {
        if (bytes <= maxBytes) break;
        remove(oldest);
      }
    },
    peek: (key) => slots.get(key)?.entry,
    delete: remove,
    clear() {
      slots.clear();
      bytes = 0;
    },
    get bytes() {
      return bytes;
    },
  };
}

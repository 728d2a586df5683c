import { describe, expect, it } from 'vitest';
import { sizeOf, type CacheEntry } from '../../../src/single-flight/entry.ts';
import { createMemoryTier } from '../../../src/response-cache/memory-tier.ts';

const T0 = 1_700_000_000_000;

/** An entry whose body is `length` characters, so that its size is known in advance. */
function entry(body: string, length = body.length, entities: string[] = []): CacheEntry {
  return {
    body: body.padEnd(length, '.'),
    etag: `"${body}"`,
    createdAt: T0,
    policy: { maxAge: 300, staleWhileRevalidate: 0, staleIfError: 86400, scope: 'PUBLIC' },
    entities,
  };
}

/** sizeOf is 256 + 2 per body character with no entities: 100 characters are 456 bytes. */
const SIZE_100 = sizeOf(entry('x', 100));

describe('createMemoryTier', () => {
  it('sizes entries as the tests below assume', () => {
    expect(SIZE_100).toBe(456);
    expect(sizeOf(entry('x', 100, ['Product:1']))).toBe(456 + 18);
  });

  describe('ttl', () => {
    it('answers an entry for less than ttlMs after it was set', () => {
      const tier = createMemoryTier({ ttlMs: 1000, maxBytes: 10_000 });
      const a = entry('a');
      tier.set('k', a, T0);

      expect(tier.get('k', T0)).toBe(a);
      expect(tier.get('k', T0 + 999)).toBe(a);
    });

    it('misses from ttlMs after it was set on, without forgetting the entry', () => {
      const tier = createMemoryTier({ ttlMs: 1000, maxBytes: 10_000 });
      const a = entry('a');
      tier.set('k', a, T0);

      expect(tier.get('k', T0 + 1000)).toBeUndefined();
      expect(tier.get('k', T0 + 60_000)).toBeUndefined();
      // Still held, as a last resort, and still counted.
      expect(tier.peek('k')).toBe(a);
      expect(tier.bytes).toBe(sizeOf(a));
    });

    it('measures the ttl from the last set, not the first', () => {
      const tier = createMemoryTier({ ttlMs: 1000, maxBytes: 10_000 });
      const a = entry('a');
      tier.set('k', a, T0);
      tier.set('k', a, T0 + 5000);

      expect(tier.get('k', T0 + 5999)).toBe(a);
      expect(tier.get('k', T0 + 6000)).toBeUndefined();
    });

    it('does not extend the ttl on a get', () => {
      const tier = createMemoryTier({ ttlMs: 1000, maxBytes: 10_000 });
      tier.set('k', entry('a'), T0);

      expect(tier.get('k', T0 + 900)).toBeDefined();
      expect(tier.get('k', T0 + 1000)).toBeUndefined();
    });

    it('with ttlMs 0 never answers from get, though peek does', () => {
      const tier = createMemoryTier({ ttlMs: 0, maxBytes: 10_000 });
      const a = entry('a');
      tier.set('k', a, T0);

      expect(tier.get('k', T0)).toBeUndefined();
      expect(tier.peek('k')).toBe(a);
    });

    it('misses a key that was never set', () => {
      const tier = createMemoryTier({ ttlMs: 1000, maxBytes: 10_000 });
      expect(tier.get('nope', T0)).toBeUndefined();
      expect(tier.peek('nope')).toBeUndefined();
    });
  });

  describe('after a purge', () => {
    it('refuses a confirmation from a lookup sent before the key was dropped, and takes one sent after', () => {
      const tier = createMemoryTier({ ttlMs: 1000, maxBytes: 10_000 });
      const sentBefore = Date.now() - 1;
      tier.delete('k');
      tier.set('k', entry('old'), sentBefore);
      expect(tier.peek('k')).toBeUndefined();
      expect(tier.droppedSince('k', sentBefore)).toBe(true);

      const sentAfter = Date.now() + 1;
      tier.set('k', entry('new'), sentAfter);
      expect(tier.get('k', sentAfter)?.body).toBe('new');
      expect(tier.droppedSince('other', sentBefore)).toBe(false);
    });

    it('after clear, refuses every key confirmed before it', () => {
      const tier = createMemoryTier({ ttlMs: 1000, maxBytes: 10_000 });
      const sentBefore = Date.now() - 1;
      tier.clear();
      tier.set('a', entry('a'), sentBefore);
      tier.set('b', entry('b'), sentBefore);
      expect([tier.peek('a'), tier.peek('b')]).toEqual([undefined, undefined]);
    });
  });

  describe('LRU by bytes', () => {
    it('evicts the least recently set entry when the bytes run over', () => {
      const tier = createMemoryTier({ ttlMs: 1000, maxBytes: SIZE_100 * 3 });
      tier.set('a', entry('a', 100), T0);
      tier.set('b', entry('b', 100), T0);
      tier.set('c', entry('c', 100), T0);
      expect(tier.bytes).toBe(SIZE_100 * 3);

      tier.set('d', entry('d', 100), T0);

      expect(tier.peek('a')).toBeUndefined();
      expect(tier.peek('b')).toBeDefined();
      expect(tier.peek('c')).toBeDefined();
      expect(tier.peek('d')).toBeDefined();
      expect(tier.bytes).toBe(SIZE_100 * 3);
    });

    it('counts a get as a use: the least recently read entry goes first', () => {
      const tier = createMemoryTier({ ttlMs: 1000, maxBytes: SIZE_100 * 3 });
      tier.set('a', entry('a', 100), T0);
      tier.set('b', entry('b', 100), T0);
      tier.set('c', entry('c', 100), T0);

      expect(tier.get('a', T0 + 1)).toBeDefined();
      tier.set('d', entry('d', 100), T0 + 2);

      expect(tier.peek('a')).toBeDefined();
      expect(tier.peek('b')).toBeUndefined();
      expect(tier.peek('c')).toBeDefined();
      expect(tier.peek('d')).toBeDefined();
    });

    it('counts replacing an entry as a use', () => {
      const tier = createMemoryTier({ ttlMs: 1000, maxBytes: SIZE_100 * 3 });
      tier.set('a', entry('a', 100), T0);
      tier.set('b', entry('b', 100), T0);
      tier.set('c', entry('c', 100), T0);

      tier.set('a', entry('a2', 100), T0 + 1);
      tier.set('d', entry('d', 100), T0 + 2);

      expect(tier.peek('a')?.etag).toBe('"a2"');
      expect(tier.peek('b')).toBeUndefined();
    });

    it('evicts as many old entries as a large new one needs', () => {
      const tier = createMemoryTier({ ttlMs: 1000, maxBytes: SIZE_100 * 3 });
      tier.set('a', entry('a', 100), T0);
      tier.set('b', entry('b', 100), T0);
      tier.set('c', entry('c', 100), T0);

      // 456 + 2 * 200 = 856 bytes: a and b must both go for c and big to fit in 1368.
      const big = entry('big', 300);
      tier.set('big', big, T0);

      expect(tier.peek('a')).toBeUndefined();
      expect(tier.peek('b')).toBeUndefined();
      expect(tier.peek('c')).toBeDefined();
      expect(tier.peek('big')).toBe(big);
      expect(tier.bytes).toBe(SIZE_100 + sizeOf(big));
      expect(tier.bytes).toBeLessThanOrEqual(SIZE_100 * 3);
    });

    it('keeps an entry of exactly maxBytes, alone', () => {
      const tier = createMemoryTier({ ttlMs: 1000, maxBytes: SIZE_100 });
      tier.set('a', entry('a', 50), T0);
      const exact = entry('exact', 100);
      tier.set('exact', exact, T0);

      expect(tier.peek('exact')).toBe(exact);
      expect(tier.peek('a')).toBeUndefined();
      expect(tier.bytes).toBe(SIZE_100);
    });

    it('does not keep an entry larger than maxBytes, and evicts nothing for it', () => {
      const tier = createMemoryTier({ ttlMs: 1000, maxBytes: SIZE_100 });
      const small = entry('small', 10);
      tier.set('small', small, T0);

      tier.set('huge', entry('huge', 101), T0);

      expect(tier.get('huge', T0)).toBeUndefined();
      expect(tier.peek('huge')).toBeUndefined();
      expect(tier.peek('small')).toBe(small);
      expect(tier.bytes).toBe(sizeOf(small));
    });

    it('drops the old entry when a replacement is too large to keep', () => {
      const tier = createMemoryTier({ ttlMs: 1000, maxBytes: SIZE_100 });
      tier.set('k', entry('old', 10), T0);

      tier.set('k', entry('new', 101), T0 + 1);

      // Serving the old bytes after a newer answer was seen would be wrong.
      expect(tier.peek('k')).toBeUndefined();
      expect(tier.bytes).toBe(0);
    });

    it('with maxBytes 0 keeps nothing', () => {
      const tier = createMemoryTier({ ttlMs: 1000, maxBytes: 0 });
      tier.set('k', entry('a'), T0);
      expect(tier.peek('k')).toBeUndefined();
      expect(tier.bytes).toBe(0);
    });
  });

  describe('bytes', () => {
    it('starts at 0 and adds each entry set', () => {
      const tier = createMemoryTier({ ttlMs: 1000, maxBytes: 1_000_000 });
      expect(tier.bytes).toBe(0);
      const a = entry('a', 10, ['Product:1']);
      const b = entry('b', 1000, ['Product:2', 'Inventory:SKU-00002']);
      tier.set('a', a, T0);
      tier.set('b', b, T0);
      expect(tier.bytes).toBe(sizeOf(a) + sizeOf(b));
    });

    it('counts a replaced entry once, at its new size', () => {
      const tier = createMemoryTier({ ttlMs: 1000, maxBytes: 1_000_000 });
      tier.set('k', entry('a', 10), T0);
      const bigger = entry('b', 500);
      tier.set('k', bigger, T0 + 1);
      expect(tier.bytes).toBe(sizeOf(bigger));

      const smaller = entry('c', 1);
      tier.set('k', smaller, T0 + 2);
      expect(tier.bytes).toBe(sizeOf(smaller));
      expect(tier.peek('k')).toBe(smaller);
    });

    it('subtracts a deleted entry; deleting an absent key changes nothing', () => {
      const tier = createMemoryTier({ ttlMs: 1000, maxBytes: 1_000_000 });
      const a = entry('a', 10);
      const b = entry('b', 20);
      tier.set('a', a, T0);
      tier.set('b', b, T0);

      tier.delete('a');
      expect(tier.bytes).toBe(sizeOf(b));
      expect(tier.peek('a')).toBeUndefined();
      expect(tier.get('a', T0)).toBeUndefined();

      tier.delete('a');
      tier.delete('never');
      expect(tier.bytes).toBe(sizeOf(b));
      expect(tier.peek('b')).toBe(b);
    });

    it('is 0 after clear, and every entry is gone', () => {
      const tier = createMemoryTier({ ttlMs: 1000, maxBytes: 1_000_000 });
      tier.set('a', entry('a', 10), T0);
      tier.set('b', entry('b', 20), T0);

      tier.clear();

      expect(tier.bytes).toBe(0);
      expect(tier.peek('a')).toBeUndefined();
      expect(tier.peek('b')).toBeUndefined();
      expect(tier.get('a', T0)).toBeUndefined();

      // And it accounts correctly afterwards, for an entry confirmed after the clear.
      const c = entry('c', 30);
      tier.set('c', c, Date.now() + 1);
      expect(tier.bytes).toBe(sizeOf(c));
    });

    it('subtracts what eviction removes', () => {
      const tier = createMemoryTier({ ttlMs: 1000, maxBytes: SIZE_100 * 2 });
      tier.set('a', entry('a', 100), T0);
      tier.set('b', entry('b', 100), T0);
      tier.set('c', entry('c', 100), T0);
      tier.set('d', entry('d', 100), T0);
      expect(tier.bytes).toBe(SIZE_100 * 2);
      tier.delete('c');
      tier.delete('d');
      expect(tier.bytes).toBe(0);
    });
  });
});

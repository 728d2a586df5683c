import { describe, expect, it } from 'vitest';
import type { CacheIndex } from '../../../src/invalidation/cache-index.ts';
import type { IndexQuery } from '../../../src/invalidation/cache-index-object.ts';
import { createInvalidator } from '../../../src/invalidation/invalidator.ts';
import type { Purge, Purgeable } from '../../../src/invalidation/purgeable.ts';

/** An index in memory: which key holds which entities. */
function fakeIndex() {
  const refs = new Map<string, string[]>();
  const index: CacheIndex = {
    async add(key, entities) {
      refs.set(key, entities);
      return true;
    },
    async match({ entities = [], types = [], all }: IndexQuery) {
      const typeOf = (entity: string) => entity.split(':')[0];
      return [...refs].filter(([, held]) => all || held.some((entity) => entities.includes(entity) || types.includes(typeOf(entity)!))).map(([key]) => key);
    },
  };
  return { index, refs };
}

/** A cache that remembers the purges it was handed and answers `count` for each. */
function fakeCache(count: number) {
  const purges: Purge[] = [];
  const purgeable: Purgeable = {
    async purge(purge) {
      purges.push(purge);
      return count;
    },
  };
  return { purgeable, purges };
}

describe('the invalidator', () => {
  it('records each cache\'s keys under its name, and hands each cache only its own keys of a purge', async () => {
    const { index, refs } = fakeIndex();
    const invalidator = createInvalidator({ index });
    const responses = fakeCache(1);
    const fields = fakeCache(0);
    const responseIndex = invalidator.register('response', responses.purgeable);
    const fieldIndex = invalidator.register('field', fields.purgeable);

    await responseIndex.add('r1', ['Product:1'], 0, 0);
    await responseIndex.add('r2', ['Product:2'], 0, 0);
    await fieldIndex.add('Query.product p1', ['Product:1'], 0, 0);
    expect([...refs.keys()]).toEqual(['response:r1', 'response:r2', 'field:Query.product p1']);

    expect(await invalidator.purge({ entities: ['Product:1'], soft: true })).toBe(1);
    expect(responses.purges).toEqual([{ entities: ['Product:1'], keys: ['r1'], soft: true }]);
    expect(fields.purges).toEqual([{ entities: ['Product:1'], keys: ['Query.product p1'], soft: true }]);
  });

  it('hands every cache the purge, matched or not, and answers the sum of what they had', async () => {
    const { index } = fakeIndex();
    const invalidator = createInvalidator({ index });
    const caches = [fakeCache(2), fakeCache(3)];
    caches.forEach((cache, i) => invalidator.register(`cache${i}`, cache.purgeable));
    await index.add('elsewhere:k', ['Product:9'], 0, 0);

    expect(await invalidator.purge({ types: ['Product'] })).toBe(5);
    for (const { purges } of caches) expect(purges).toEqual([{ types: ['Product'], keys: [], soft: false }]);
  });

  it('hands records written before caches had names (bare keys, from an older deploy) to the cache that owns them', async () => {
    const { index } = fakeIndex();
    const invalidator = createInvalidator({ index });
    const responses = fakeCache(1);
    const fields = fakeCache(0);
    invalidator.register('response', responses.purgeable, { ownsUnprefixed: true });
    invalidator.register('field', fields.purgeable);
    await index.add('0a1b2c', ['Product:1'], 0, 0);

    await invalidator.purge({ entities: ['Product:1'] });
    expect(responses.purges[0]?.keys).toEqual(['0a1b2c']);
    expect(fields.purges[0]?.keys).toEqual([]);
    expect(() => invalidator.register('other', fakeCache(0).purgeable, { ownsUnprefixed: true })).toThrow(/already owns/);
  });

  it('refuses a name taken, empty or with a colon: it would mix two caches\' keys', () => {
    const invalidator = createInvalidator({ index: fakeIndex().index });
    invalidator.register('field', fakeCache(0).purgeable);
    for (const name of ['field', '', 'a:b']) expect(() => invalidator.register(name, fakeCache(0).purgeable)).toThrow(/registers under a name/);
  });
});

import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../../src/config.ts';
import { admin, gql, resetAll } from '../helpers.ts';

// As the Worker reads it: wrangler.toml leaves the default standing.
const SHARDS = readConfig(env).cache.indexShards;

/** How many index records each shard holds for `entity`. */
function recordsPerShard(entity: string): Promise<number[]> {
  return Promise.all(
    Array.from({ length: SHARDS }, (_, i) =>
      runInDurableObject(env.CACHE_INDEX.getByName(`index-${i}`), (_, state) =>
        state.storage.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM refs WHERE entity = ?', entity).one().n,
      ),
    ),
  );
}

describe(`the cache index, in ${SHARDS} shards`, () => {
  beforeEach(() => resetAll());

  it('a stored response is recorded in one shard only', async () => {
    await gql('{ product(id: "41") { id name } }');

    const records = await recordsPerShard('Product:41');
    expect(records.filter((n) => n > 0)).toEqual([1]);
  });

  it('different responses spread over shards, and a purge finds each of them wherever it is', async () => {
    const queries = Array.from({ length: 12 }, (_, i) => `{ product(id: "42") { id alias${i}: name } }`);
    for (const query of queries) expect((await gql(query)).headers.get('x-cache')).toBe('MISS');
    const records = await recordsPerShard('Product:42');
    expect(records.reduce((a, b) => a + b)).toBe(queries.length);
    expect(records.filter((n) => n > 0).length).toBeGreaterThan(1);

    const purged = await admin('purge', { entities: ['Product:42'] });
    expect(((await purged.json()) as { purged: number }).purged).toBe(queries.length);
    for (const query of queries) expect((await gql(query)).headers.get('x-cache')).toBe('MISS');
    // The records outlive the purge (another isolate may still hold the entries in memory); each refill replaces its own.
    expect((await recordsPerShard('Product:42')).reduce((a, b) => a + b)).toBe(queries.length);
  });
});

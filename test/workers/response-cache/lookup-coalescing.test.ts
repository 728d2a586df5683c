import { exports } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CacheStats } from '../../../src/shared/cache-stats.ts';
import { admin, concurrently, origin, resetAll, sleep } from '../helpers.ts';

/** Each call is a request of its own, as clients' are: a request that waits for another's lookup must not be taken for hung. */
async function ask(id: string): Promise<{ cache: string | null; body: string }> {
  const response = await exports.default.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: `{ product(id: "${id}") { id name } }` }),
  });
  return { cache: response.headers.get('x-cache'), body: await response.text() };
}

async function objectLookups(): Promise<number> {
  return ((await (await admin('stats')).json()) as CacheStats).objectLookups;
}

describe('object lookups, coalesced per isolate', () => {
  beforeEach(() => resetAll());

  it('50 concurrent requests once the memory tier lapsed: one lookup of the key\'s object, every answer at once from memory', async () => {
    await ask('5');
    // The test bindings keep CACHE_MEMORY_TTL_MS at 1000.
    await sleep(1100);
    const before = await objectLookups();
    const answers = await concurrently(50, () => ask('5'));

    expect(answers.map((answer) => answer.cache)).toEqual(Array(50).fill('HIT'));
    expect((await objectLookups()) - before).toBe(1);
    expect((await origin.stats()).routes).toEqual({ 'GET /api/products': 1 });
  });

  it('concurrent cold requests wait for the one lookup in flight and share what it came to', async () => {
    await origin.fault({ mode: 'slow', latencyMs: 200 });
    const before = await objectLookups();
    const answers = await concurrently(30, () => ask('6'));
    await origin.fault({ mode: 'none' });

    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
    expect(answers[0]?.body).toContain('"id":"6"');
    // Each waited for the one fill, in this isolate rather than in the key's object: a MISS, as the table of docs/caching/request-flow.md says.
    expect(answers.map((answer) => answer.cache)).toEqual(Array(30).fill('MISS'));
    expect((await objectLookups()) - before).toBe(1);
    expect((await origin.stats()).total).toBe(1);
  });
});

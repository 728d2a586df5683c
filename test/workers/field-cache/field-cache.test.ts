import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { FieldValue } from '../../../src/field-cache/field-cache-object.ts';
import { createFieldCache, type FieldCache, type FieldFetch, type FieldRead } from '../../../src/field-cache/field-cache.ts';
import type { FieldPolicy } from '../../../src/field-cache/field-policy.ts';
import type { CacheRegistry } from '../../../src/invalidation/invalidator.ts';
import type { Purgeable } from '../../../src/invalidation/purgeable.ts';
import { shardOf } from '../../../src/shared/hash.ts';

const SHARDS = 4;
/** A lease that outlasts every test, and a wait that outlasts every fetch. */
const HELD = { leaseMs: 10_000, waitMs: 5000 };

/** Values over this many bytes of JSON are answered, not kept: well under a stored value's limit, so a test can pass it. */
const MAX_VALUE_BYTES = 1000;

/**
 * The invalidator as the field cache sees it: what registered, and what was
 * recorded in the index (with whether the value was stored by then);
 * `superseded(n)` says that the n-th record came after a purge of its tags.
 */
function fakeInvalidation({ superseded = (_record: number): boolean => false } = {}) {
  const registered: { name: string; purgeable: Purgeable }[] = [];
  const records: { key: string; entities: string[]; expiresAt: number; readSince: number; storedAlready: boolean }[] = [];
  const registry: CacheRegistry = {
    register(name, purgeable) {
      registered.push({ name, purgeable });
      return {
        async add(key, entities, expiresAt, readSince) {
          const cacheKey = key.slice(key.indexOf(' ') + 1);
          const storedAlready = await runInDurableObject(shardFor(cacheKey), (_, state) => state.storage.kv.get(`value:${cacheKey}`) !== undefined);
          records.push({ key, entities, expiresAt, readSince, storedAlready });
          return !superseded(records.length);
        },
      };
    },
  };
  return { registry, registered, records };
}

function cacheWith(options: Partial<{ shards: number; leaseMs: number; waitMs: number; onTooLarge: () => void; invalidation: CacheRegistry }> = {}): FieldCache {
  return createFieldCache({ namespace: env.FIELD_CACHE, shards: SHARDS, ...HELD, maxValueBytes: MAX_VALUE_BYTES, onTooLarge: () => {}, invalidation: fakeInvalidation().registry, ...options });
}

/** The shard object that holds `key`, as the client picks it. */
function shardFor(key: string, shards = SHARDS) {
  return env.FIELD_CACHE.getByName(`field-${shardOf(key, shards)}`);
}

/** Keys never repeat across tests: the shard objects are shared. */
function keysFor(label: string, count = 1): string[] {
  const id = crypto.randomUUID();
  return Array.from({ length: count }, (_, i) => `${label}:${id}:${i}`);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const PENDING = 'still pending';
async function within(promise: PromiseLike<unknown>, ms: number): Promise<unknown> {
  return Promise.race([promise, sleep(ms).then(() => PENDING)]);
}
async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs}ms`);
    await sleep(5);
  }
}

const policy = (maxAge: number, staleWhileRevalidate = 0, staleIfError = 0): FieldPolicy => ({ maxAge, staleWhileRevalidate, staleIfError });
const FRESH = policy(60);
/** 1 s fresh, then a minute of stale-while-revalidate and an hour of stale-if-error. */
const SWR = policy(1, 60, 3600);
/** 1 s fresh, then only an hour of stale-if-error. */
const SIE = policy(1, 0, 3600);

/**
 * The collaborator: counts its calls, answers `{ key, call }` for each key
 * after `latencyMs`, or throws while `failing` says so for the call's number.
 */
function fakeOrigin({ latencyMs = 0, failing = (_call: number): boolean => false }: { latencyMs?: number; failing?: (call: number) => boolean } = {}) {
  const calls: string[][] = [];
  const fetch = async (keys: string[]): Promise<FieldFetch> => {
    calls.push(keys);
    const call = calls.length;
    await sleep(latencyMs);
    if (failing(call)) throw new Error('origin down');
    return { values: new Map(keys.map((key) => [key, { key, call }])) };
  };
  return { calls, fetch, fetched: () => calls.flat() };
}

/** Collects the background work a load hands out. */
function backgroundWork() {
  const work: Promise<unknown>[] = [];
  return { work, background: (promise: Promise<unknown>) => void work.push(promise), settled: () => Promise.allSettled(work) };
}

const ignore = () => {};

/** The fetch, its answer tagged as connector `Query.thing`'s: each key under `Thing:<key>`, but for those in `untagged`. */
function tagged(fetch: (keys: string[]) => Promise<FieldFetch>, untagged: string[] = []) {
  return async (keys: string[]): Promise<FieldFetch> => ({
    ...(await fetch(keys)),
    tags: { connector: 'Query.thing', byKey: new Map(keys.filter((key) => !untagged.includes(key)).map((key) => [key, [`Thing:${key}`]])) },
  });
}

/** Puts a value read `ageMs` ago in the key's shard, as a fill without a lease would. */
async function seed(key: string, value: unknown, ageMs: number, seeded: FieldPolicy): Promise<FieldValue> {
  const readAt = Date.now() - ageMs;
  await shardFor(key).fill(readAt, { [key]: { value: JSON.stringify(value), policy: seeded } });
  return { value: JSON.stringify(value), readAt };
}

const valueOf = (reads: Map<string, FieldRead>, key: string) => reads.get(key)?.value;

describe('field cache', () => {
  describe('single flight', () => {
    it('makes one fetch for 20 concurrent loads of the same key, and every load gets its value', async () => {
      const [key] = keysFor('same') as [string];
      const origin = fakeOrigin({ latencyMs: 100 });
      const cache = cacheWith();

      const answers = await Promise.all(Array.from({ length: 20 }, () => cache.load([{ key, policy: FRESH }], origin.fetch, ignore)));

      expect(origin.calls).toEqual([[key]]);
      for (const answer of answers) expect(valueOf(answer, key)).toEqual({ key, call: 1 });
      expect(new Set(answers.map((answer) => answer.get(key)!.readAt)).size).toBe(1);
      // Fresh now: served without a call.
      expect(valueOf(await cache.load([{ key, policy: FRESH }], origin.fetch, ignore), key)).toEqual({ key, call: 1 });
      expect(origin.calls).toHaveLength(1);
    });

    it('fetches each key once for overlapping key sets, and in one call per caller across shards', async () => {
      const keys = keysFor('overlap', 8);
      const origin = fakeOrigin({ latencyMs: 100 });
      const cache = cacheWith();
      const sets = [keys.slice(0, 4), keys.slice(2, 6), keys.slice(4, 8), [...keys].reverse()];

      const answers = await Promise.all(sets.map((set) => cache.load(set.map((key) => ({ key, policy: FRESH })), origin.fetch, ignore)));

      expect(origin.fetched().sort()).toEqual([...keys].sort());
      expect(origin.calls.length).toBeLessThanOrEqual(sets.length);
      sets.forEach((set, i) => {
        expect([...answers[i]!.keys()].sort()).toEqual([...set].sort());
        for (const key of set) expect(valueOf(answers[i]!, key)).toMatchObject({ key });
      });
    });

    it('never waits while holding a lease: its own keys are filled first, so that others waiting on them are not held up', async () => {
      const [own, other] = keysFor('holding', 2) as [string, string];
      const elsewhere = await shardFor(other).read([{ key: other, policy: FRESH }], { leaseMs: 10_000 });
      const origin = fakeOrigin({ latencyMs: 50 });
      const cache = cacheWith();

      const holder = cache.load([own, other].map((key) => ({ key, policy: FRESH })), origin.fetch, ignore);
      await until(() => origin.calls.length === 1);
      // Waits on `own`, which the holder fills although `other` is still held elsewhere.
      const waiter = cache.load([{ key: own, policy: FRESH }], origin.fetch, ignore);
      expect(valueOf(await waiter, own)).toEqual({ key: own, call: 1 });
      expect(await within(holder, 0)).toBe(PENDING);

      await shardFor(other).fill(Date.now(), { [other]: { lease: elsewhere.lead[other]!.lease, value: '"from elsewhere"', policy: FRESH } });
      const answer = await holder;
      expect(valueOf(answer, own)).toEqual({ key: own, call: 1 });
      expect(valueOf(answer, other)).toBe('from elsewhere');
      expect(origin.calls).toEqual([[own]]);
    });

    it('loads of the same keys in different orders, across shards, finish with one fetch per key', async () => {
      const keys = keysFor('crossed', 6);
      const origin = fakeOrigin({ latencyMs: 50 });
      // A wait far longer than the test: a crossed wait would show as a missing answer, not a slow one.
      const cache = cacheWith({ waitMs: 30_000, leaseMs: 60_000 });
      const loads = [keys, [...keys].reverse(), keys.filter((_, i) => i % 2), keys.filter((_, i) => !(i % 2)).reverse()].map((set) =>
        cache.load(set.map((key) => ({ key, policy: FRESH })), origin.fetch, ignore),
      );
      const answers = await within(Promise.all(loads), 3000);
      expect(answers).not.toBe(PENDING);
      expect(origin.fetched().sort()).toEqual([...keys].sort());
    });

    it('stores and answers null for a key the fetch leaves out', async () => {
      const [present, absent] = keysFor('absent', 2) as [string, string];
      const cache = cacheWith();
      const fetch = async (): Promise<FieldFetch> => ({ values: new Map([[present, { ok: true }]]) });

      const first = await cache.load([present, absent].map((key) => ({ key, policy: FRESH })), fetch, ignore);
      expect(first.get(absent)).toMatchObject({ value: null });
      const origin = fakeOrigin();
      const again = await cache.load([{ key: absent, policy: FRESH }], origin.fetch, ignore);
      expect(again.get(absent)).toMatchObject({ value: null });
      expect(origin.calls).toHaveLength(0);
    });

    it('answers readAt as when the read began', async () => {
      const [key] = keysFor('read-at') as [string];
      const before = Date.now();
      const answer = await cacheWith().load([{ key, policy: FRESH }], fakeOrigin({ latencyMs: 100 }).fetch, ignore);
      const { readAt } = answer.get(key)!;
      expect(readAt).toBeGreaterThanOrEqual(before);
      expect(readAt).toBeLessThan(Date.now() - 50);
    });
  });

  describe('freshness', () => {
    it('serves a stale value at once to every caller, with exactly one background refresh', async () => {
      const [key] = keysFor('stale') as [string];
      const old = await seed(key, 'old', 5000, SWR);
      const origin = fakeOrigin({ latencyMs: 200 });
      const { work, background, settled } = backgroundWork();
      const cache = cacheWith();

      const answers = await Promise.all(Array.from({ length: 10 }, () => cache.load([{ key, policy: SWR }], origin.fetch, background)));

      for (const answer of answers) expect(answer.get(key)).toEqual({ value: 'old', readAt: old.readAt, state: 'stale' });
      expect(work).toHaveLength(1);
      // Served before the refresh answered.
      expect(await within(work[0]!, 0)).toBe(PENDING);
      await settled();
      expect(origin.calls).toEqual([[key]]);
      const after = await cache.load([{ key, policy: SWR }], origin.fetch, background);
      expect(valueOf(after, key)).toEqual({ key, call: 1 });
      expect(work).toHaveLength(1);
    });

    it('past staleWhileRevalidate: one fetch while the others wait', async () => {
      const [key] = keysFor('past-swr') as [string];
      await seed(key, 'old', 5000, SIE);
      const origin = fakeOrigin({ latencyMs: 100 });
      const cache = cacheWith();

      const answers = await Promise.all(Array.from({ length: 10 }, () => cache.load([{ key, policy: SIE }], origin.fetch, ignore)));

      expect(origin.calls).toEqual([[key]]);
      for (const answer of answers) expect(valueOf(answer, key)).toEqual({ key, call: 1 });
    });

    it('treats a dead value as none', async () => {
      const [key] = keysFor('dead') as [string];
      await seed(key, 'old', 10_000, policy(1, 1, 1));
      const origin = fakeOrigin({ latencyMs: 20 });
      const failing = fakeOrigin({ failing: () => true });

      await expect(cacheWith().load([{ key, policy: policy(1, 1, 1) }], failing.fetch, ignore)).rejects.toThrow('origin down');
      expect(valueOf(await cacheWith().load([{ key, policy: policy(1, 1, 1) }], origin.fetch, ignore), key)).toEqual({ key, call: 1 });
    });
  });

  describe('failures', () => {
    it('a failed fetch inside staleIfError answers the old value, to the leader and its waiters, and keeps it', async () => {
      const [key] = keysFor('sie') as [string];
      const old = await seed(key, 'old', 5000, SIE);
      const failing = fakeOrigin({ latencyMs: 100, failing: () => true });
      const cache = cacheWith();

      const answers = await Promise.all(Array.from({ length: 5 }, () => cache.load([{ key, policy: SIE }], failing.fetch, ignore)));

      for (const answer of answers) expect(answer.get(key)).toEqual({ value: 'old', readAt: old.readAt, state: 'stale', failedOver: true });
      // The waiters took the fallback from the leader's failure rather than try again.
      expect(failing.calls).toEqual([[key]]);
      const stored = await runInDurableObject(shardFor(key), (_, state) => state.storage.kv.get<FieldValue>(`value:${key}`));
      expect(stored).toMatchObject(old);
    });

    it('a failed background refresh keeps the stale value', async () => {
      const [key] = keysFor('swr-fail') as [string];
      const old = await seed(key, 'old', 5000, SWR);
      const failing = fakeOrigin({ failing: () => true });
      const { background, settled } = backgroundWork();
      const cache = cacheWith();

      expect((await cache.load([{ key, policy: SWR }], failing.fetch, background)).get(key)).toEqual({ value: 'old', readAt: old.readAt, state: 'stale' });
      await settled();
      expect(failing.calls).toHaveLength(1);
      // The lease was given back: the next caller refreshes, and is still served the old value.
      expect((await cache.load([{ key, policy: SWR }], failing.fetch, background)).get(key)).toEqual({ value: 'old', readAt: old.readAt, state: 'stale' });
      await settled();
      expect(failing.calls).toHaveLength(2);
    });

    it('a failed fetch with nothing cached throws to the leader; a waiter gets the lead and fetches for the others', async () => {
      const [key] = keysFor('leader-fails') as [string];
      const origin = fakeOrigin({ latencyMs: 100, failing: (call) => call === 1 });
      const cache = cacheWith();

      const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => cache.load([{ key, policy: FRESH }], origin.fetch, ignore)));

      expect(origin.calls).toEqual([[key], [key]]);
      expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(1);
      for (const outcome of outcomes) if (outcome.status === 'fulfilled') expect(valueOf(outcome.value, key)).toEqual({ key, call: 2 });
    });

    it('an origin that keeps failing: every caller gets the error, with at most one call each', async () => {
      const [key] = keysFor('always-fails') as [string];
      const origin = fakeOrigin({ latencyMs: 50, failing: () => true });
      const cache = cacheWith();

      const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => cache.load([{ key, policy: FRESH }], origin.fetch, ignore)));

      expect(outcomes.every((outcome) => outcome.status === 'rejected' && String(outcome.reason).includes('origin down'))).toBe(true);
      expect(origin.calls.length).toBeGreaterThan(1);
      expect(origin.calls.length).toBeLessThanOrEqual(5);
    });
  });

  describe('what is not kept', () => {
    it('a personal fetch (the origin said private, no-store or set a cookie) answers its caller and is not stored', async () => {
      const [key] = keysFor('personal') as [string];
      const cache = cacheWith();
      const personal = async (): Promise<FieldFetch> => ({ values: new Map([[key, 'mine']]), personal: true });

      expect(valueOf(await cache.load([{ key, policy: FRESH }], personal, ignore), key)).toBe('mine');
      const origin = fakeOrigin();
      expect(valueOf(await cache.load([{ key, policy: FRESH }], origin.fetch, ignore), key)).toEqual({ key, call: 1 });
      expect(origin.calls).toHaveLength(1);
    });

    it('a personal fetch sends its waiters to fetch for themselves, together, never with the leader\'s value', async () => {
      const [key] = keysFor('personal-waiters') as [string];
      const cache = cacheWith();
      let calls = 0;
      let running = 0;
      let mostAtOnce = 0;
      const personal = async (): Promise<FieldFetch> => {
        const call = ++calls;
        mostAtOnce = Math.max(mostAtOnce, ++running);
        await sleep(100);
        running--;
        return { values: new Map([[key, `caller-${call}`]]), personal: true };
      };

      const answers = await within(Promise.all(Array.from({ length: 4 }, () => cache.load([{ key, policy: FRESH }], personal, ignore))), 3000);

      expect(answers).not.toBe(PENDING);
      const values = (answers as Map<string, FieldRead>[]).map((reads) => valueOf(reads, key));
      expect(new Set(values).size).toBe(4);
      // The three waiters were let go together when the leader's value turned out personal, not handed the lead one after another.
      expect(mostAtOnce).toBeGreaterThan(1);
    });

    it('a value over the size limit is answered, counted and not stored, and its waiters do not wait out the lease', async () => {
      const [key] = keysFor('too-large') as [string];
      let tooLarge = 0;
      const cache = cacheWith({ onTooLarge: () => void tooLarge++ });
      const big = 'x'.repeat(MAX_VALUE_BYTES + 1);
      const origin = fakeOrigin({ latencyMs: 100 });
      const bigFetch = async (keys: string[]): Promise<FieldFetch> => {
        await origin.fetch(keys);
        return { values: new Map([[key, big]]) };
      };

      const answers = await within(Promise.all(Array.from({ length: 3 }, () => cache.load([{ key, policy: FRESH }], bigFetch, ignore))), 3000);

      expect(answers).not.toBe(PENDING);
      for (const reads of answers as Map<string, FieldRead>[]) expect(valueOf(reads, key)).toBe(big);
      expect(tooLarge).toBe(origin.calls.length);
      const stored = await runInDurableObject(shardFor(key), (_, state) => state.storage.kv.get(`value:${key}`));
      expect(stored).toBeUndefined();
    });
  });

  describe('leases', () => {
    it('after a dead leader\'s lease, one waiter takes over and fetches for all', async () => {
      const [key] = keysFor('dead-leader') as [string];
      const leaseMs = 400;
      const dead = await shardFor(key).read([{ key, policy: FRESH }], { leaseMs });
      expect(Object.keys(dead.lead)).toEqual([key]);
      const origin = fakeOrigin({ latencyMs: 20 });
      const cache = cacheWith({ leaseMs, waitMs: 5000 });

      const loads = Promise.all(Array.from({ length: 10 }, () => cache.load([{ key, policy: FRESH }], origin.fetch, ignore)));
      expect(await within(loads, 100)).toBe(PENDING);
      expect(origin.calls).toHaveLength(0);

      const answers = await loads;
      expect(origin.calls).toEqual([[key]]);
      for (const answer of answers) expect(valueOf(answer, key)).toEqual({ key, call: 1 });
    });

    it('a caller handed one key\'s lead fills it before it waits for its other keys', async () => {
      const [a, b] = keysFor('handed', 64).filter((key, _, all) => shardOf(key, SHARDS) === shardOf(all[0]!, SHARDS)) as [string, string];
      const elsewhere = await shardFor(a).read([a, b].map((key) => ({ key, policy: FRESH })), { leaseMs: 10_000 });
      const origin = fakeOrigin({ latencyMs: 20 });
      const cache = cacheWith();

      const both = cache.load([a, b].map((key) => ({ key, policy: FRESH })), origin.fetch, ignore);
      await sleep(50);
      const onlyA = cache.load([{ key: a, policy: FRESH }], origin.fetch, ignore);
      await sleep(50);
      // The leader of `a` fails: the first waiter, the one that also waits on `b`, leads `a` now.
      await shardFor(a).release({ [a]: elsewhere.lead[a]!.lease }, { leaseMs: 10_000 });

      expect(valueOf(await onlyA, a)).toEqual({ key: a, call: 1 });
      expect(await within(both, 0)).toBe(PENDING);
      await shardFor(b).fill(Date.now(), { [b]: { lease: elsewhere.lead[b]!.lease, value: '"from elsewhere"', policy: FRESH } });
      const answer = await both;
      expect(valueOf(answer, a)).toEqual({ key: a, call: 1 });
      expect(valueOf(answer, b)).toBe('from elsewhere');
      expect(origin.calls).toEqual([[a]]);
    });

    it('keeps a lease across eviction: a restarted object does not grant a second one', async () => {
      const [key] = keysFor('evicted') as [string];
      const leaseMs = 800;
      await shardFor(key).read([{ key, policy: FRESH }], { leaseMs });
      await evictDurableObject(shardFor(key));
      const origin = fakeOrigin();

      const load = cacheWith({ leaseMs, waitMs: 5000 }).load([{ key, policy: FRESH }], origin.fetch, ignore);
      expect(await within(load, 200)).toBe(PENDING);
      expect(origin.calls).toHaveLength(0);
      expect(valueOf(await load, key)).toEqual({ key, call: 1 });
    });

    it('a wait past waitMs gets the fallback if there is one, without a call', async () => {
      const [key] = keysFor('timeout-fallback') as [string];
      const old = await seed(key, 'old', 5000, SIE);
      await shardFor(key).read([{ key, policy: SIE }], { leaseMs: 10_000 });
      const origin = fakeOrigin();

      const answer = await cacheWith({ waitMs: 200 }).load([{ key, policy: SIE }], origin.fetch, ignore);
      expect(answer.get(key)).toEqual({ value: 'old', readAt: old.readAt, state: 'stale', failedOver: true });
      expect(origin.calls).toHaveLength(0);
    });

    it('a wait past waitMs with nothing to fall back on fetches for itself', async () => {
      const [key] = keysFor('timeout-fetch') as [string];
      await shardFor(key).read([{ key, policy: FRESH }], { leaseMs: 10_000 });
      const origin = fakeOrigin();

      const answer = await cacheWith({ waitMs: 200 }).load([{ key, policy: FRESH }], origin.fetch, ignore);
      expect(valueOf(answer, key)).toEqual({ key, call: 1 });
      expect(origin.calls).toEqual([[key]]);
    });
  });

  describe('purge', () => {
    it('during a fetch: the fill is not stored, and the waiters get a new leader at once', async () => {
      const [key] = keysFor('purge-race') as [string];
      const origin = fakeOrigin({ latencyMs: 300 });
      const cache = cacheWith();

      const leader = cache.load([{ key, policy: FRESH }], origin.fetch, ignore);
      await until(() => origin.calls.length === 1);
      const waiters = Promise.all(Array.from({ length: 5 }, () => cache.load([{ key, policy: FRESH }], origin.fetch, ignore)));
      await sleep(50);
      await cache.purge([key]);

      // A new leader read after the purge, before the old one answered; the others waited for it.
      await until(() => origin.calls.length === 2);
      expect(await within(leader, 0)).toBe(PENDING);
      expect(valueOf(await leader, key)).toEqual({ key, call: 1 });
      for (const answer of await waiters) expect(valueOf(answer, key)).toEqual({ key, call: 2 });
      expect(origin.calls).toHaveLength(2);
      // What the old leader read was not kept.
      expect(valueOf(await cache.load([{ key, policy: FRESH }], origin.fetch, ignore), key)).toEqual({ key, call: 2 });
    });

    it('does not store what a read that began before the purge brought', async () => {
      const [key] = keysFor('purge-unwaited') as [string];
      const origin = fakeOrigin({ latencyMs: 200 });
      const cache = cacheWith();

      const leader = cache.load([{ key, policy: FRESH }], origin.fetch, ignore);
      await until(() => origin.calls.length === 1);
      await sleep(20);
      await cache.purge([key]);
      expect(valueOf(await leader, key)).toEqual({ key, call: 1 });

      expect(valueOf(await cache.load([{ key, policy: FRESH }], origin.fetch, ignore), key)).toEqual({ key, call: 2 });
    });

    it('forgets the keys: the next load fetches', async () => {
      const [kept, purged] = keysFor('purge-keys', 2) as [string, string];
      const origin = fakeOrigin();
      const cache = cacheWith();
      await cache.load([kept, purged].map((key) => ({ key, policy: FRESH })), origin.fetch, ignore);

      await cache.purge([purged]);

      const again = await cache.load([kept, purged].map((key) => ({ key, policy: FRESH })), origin.fetch, ignore);
      expect(origin.calls).toEqual([[kept, purged], [purged]]);
      expect(valueOf(again, kept)).toEqual({ key: kept, call: 1 });
    });

    it('all: every key of every shard is forgotten', async () => {
      const keys = keysFor('purge-all', 8);
      const origin = fakeOrigin();
      const cache = cacheWith();
      await cache.load(keys.map((key) => ({ key, policy: FRESH })), origin.fetch, ignore);

      await cache.purge('all');

      await cache.load(keys.map((key) => ({ key, policy: FRESH })), origin.fetch, ignore);
      expect(origin.calls).toHaveLength(2);
      expect([...origin.calls[1]!].sort()).toEqual([...keys].sort());
    });
  });

  describe('its records in the index', () => {
    it('registers as "field", and records a value under its tags, per connector, before it is stored', async () => {
      const [key, bare] = keysFor('record', 2) as [string, string];
      const invalidation = fakeInvalidation();
      const cache = cacheWith({ invalidation: invalidation.registry });
      const before = Date.now();

      await cache.load([key, bare].map((k) => ({ key: k, policy: FRESH })), tagged(fakeOrigin().fetch, [bare]), ignore);

      expect(invalidation.registered.map(({ name }) => name)).toEqual(['field']);
      expect(invalidation.records).toEqual([{ key: `Query.thing ${key}`, entities: [`Thing:${key}`], expiresAt: expect.any(Number), readSince: expect.any(Number), storedAlready: false }]);
      const { readSince, expiresAt } = invalidation.records[0]!;
      expect(readSince).toBeGreaterThanOrEqual(before);
      expect(expiresAt).toBe(readSince + FRESH.maxAge * 1000);
      // Both were stored, the key without tags without a record: a purge finds it by its own name.
      const stored = await Promise.all([key, bare].map((k) => runInDurableObject(shardFor(k), (_, state) => state.storage.kv.get(`value:${k}`) !== undefined)));
      expect(stored).toEqual([true, true]);
    });

    it('a value a purge of its tags superseded while it was read: answered, not kept, and its waiters get a new leader', async () => {
      const [key] = keysFor('superseded') as [string];
      const origin = fakeOrigin({ latencyMs: 200 });
      const cache = cacheWith({ invalidation: fakeInvalidation({ superseded: (record) => record === 1 }).registry });

      const leader = cache.load([{ key, policy: FRESH }], tagged(origin.fetch), ignore);
      await until(() => origin.calls.length === 1);
      const waiters = Promise.all(Array.from({ length: 3 }, () => cache.load([{ key, policy: FRESH }], tagged(origin.fetch), ignore)));

      expect(valueOf(await leader, key)).toEqual({ key, call: 1 });
      for (const answer of await waiters) expect(valueOf(answer, key)).toEqual({ key, call: 2 });
      expect(valueOf(await cache.load([{ key, policy: FRESH }], tagged(origin.fetch), ignore), key)).toEqual({ key, call: 2 });
      expect(origin.calls).toHaveLength(2);
    });

    it('its Purgeable forgets the matched calls and the named entities, and everything for a purge by type', async () => {
      const [call, entity, other] = keysFor('purgeable', 3) as [string, string, string];
      const invalidation = fakeInvalidation();
      const cache = cacheWith({ invalidation: invalidation.registry });
      const { purgeable } = invalidation.registered[0]!;
      const origin = fakeOrigin();
      const all = [call, entity, other].map((key) => ({ key, policy: FRESH }));
      await cache.load(all, origin.fetch, ignore);

      expect(await purgeable.purge({ keys: [`Query.thing ${call}`], entities: [entity], soft: true })).toBe(0);
      await cache.load(all, origin.fetch, ignore);
      expect([...origin.calls[1]!].sort()).toEqual([call, entity].sort());

      expect(await purgeable.purge({ keys: [], types: ['Thing'], soft: false })).toBe(0);
      await cache.load(all, origin.fetch, ignore);
      expect([...origin.calls[2]!].sort()).toEqual([call, entity, other].sort());
    });
  });

  describe('shards', () => {
    it('spreads keys over the shards, and fetches them in one call', async () => {
      const keys = keysFor('spread', 40);
      const origin = fakeOrigin();
      await cacheWith().load(keys.map((key) => ({ key, policy: FRESH })), origin.fetch, ignore);

      expect(origin.calls).toHaveLength(1);
      const used = new Set<number>();
      for (let shard = 0; shard < SHARDS; shard++) {
        const held = await runInDurableObject(env.FIELD_CACHE.getByName(`field-${shard}`), (_, state) =>
          keys.filter((key) => state.storage.kv.get(`value:${key}`) !== undefined),
        );
        expect(held).toEqual(keys.filter((key) => shardOf(key, SHARDS) === shard));
        if (held.length) used.add(shard);
      }
      expect(used.size).toBeGreaterThan(1);
    });
  });

  describe('clean-up', () => {
    it('the alarm drops dead values and keeps live ones', async () => {
      const [dead] = keysFor('sweep') as [string];
      await seed(dead, 'dead', 10_000, policy(1, 1, 1));
      // In the same shard, so that one alarm sees both.
      const sameShard = keysFor('sweep-live', 64).find((key) => shardOf(key, SHARDS) === shardOf(dead, SHARDS))!;
      await seed(sameShard, 'live', 0, FRESH);

      await runDurableObjectAlarm(shardFor(dead));

      const left = await runInDurableObject(shardFor(dead), (_, state) => [state.storage.kv.get(`value:${dead}`), state.storage.kv.get(`value:${sameShard}`)]);
      expect(left[0]).toBeUndefined();
      expect(left[1]).toMatchObject({ value: '"live"' });
    });
  });
});

import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { freshness, type CacheEntry } from '../../../src/single-flight/entry.ts';
import type { CachePolicy } from '../../../src/cache-hints/policy.ts';
import type { LookupOptions, ResponseCacheObject, UncachedAnswer } from '../../../src/response-cache/response-cache-object.ts';

type Stub = DurableObjectStub<ResponseCacheObject>;

/** A fresh object per test: the names never repeat, so no test sees another's entry, lease or purge. */
function objectFor(label: string): Stub {
  return env.RESPONSE_CACHE.getByName(`response-cache-object.test:${label}:${crypto.randomUUID()}`);
}

/** A lease short enough for a takeover to happen within a test, and a wait that outlasts it. */
const SHORT_LEASE: LookupOptions = { leaseMs: 300, waitMs: 3000 };
/** A lease that stays held for the whole test, and a wait that gives up quickly. */
const LONG_LEASE_SHORT_WAIT: LookupOptions = { leaseMs: 10_000, waitMs: 200 };
/** A lease that stays held, and a wait long enough for the leader to answer. */
const HELD: LookupOptions = { leaseMs: 10_000, waitMs: 5000 };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const PENDING = 'still pending';
/** The promise's value if it settles within `ms`, else PENDING; for checking that a waiter still waits. */
async function within(promise: PromiseLike<unknown>, ms: number): Promise<unknown> {
  return Promise.race([promise, sleep(ms).then(() => PENDING)]);
}

function policy(maxAge: number, staleWhileRevalidate = 0, staleIfError = 0): CachePolicy {
  return { maxAge, staleWhileRevalidate, staleIfError, scope: 'PUBLIC' };
}

/** An entry read `ageMs` ago: its policy and age place it in a freshness window. */
function entry(ageMs: number, cachePolicy: CachePolicy, body = '{"data":{"product":{"id":"1"}}}'): CacheEntry {
  const createdAt = Date.now() - ageMs;
  return { body, etag: `"${createdAt.toString(36)}"`, createdAt, policy: cachePolicy, entities: ['Product:1'] };
}

/** Fresh for a minute. */
const freshEntry = () => entry(1000, policy(60, 60, 3600));
/** 5 s old with maxAge 1 and a minute of stale-while-revalidate: stale. */
const staleEntry = () => entry(5000, policy(1, 60, 3600));
/** 5 s old with maxAge 1, no stale-while-revalidate, an hour of stale-if-error: only a fallback. */
const errorEntry = () => entry(5000, policy(1, 0, 3600));
/** 10 s old with maxAge 1 and no stale windows. */
const deadEntry = () => entry(10_000, policy(1, 0, 0));

const FAILED: UncachedAnswer = {
  status: 200,
  body: '{"errors":[{"message":"The origin is unavailable; try again later.","extensions":{"code":"ORIGIN_UNAVAILABLE"}}]}',
  contentType: 'application/json; charset=utf-8',
  uncacheable: true,
};
const TOO_LARGE: UncachedAnswer = { status: 200, body: '{"data":{}}', contentType: 'application/json', uncacheable: false };

/** Takes the lease, or fails the test. */
async function lead(stub: Stub, options: LookupOptions = HELD): Promise<string> {
  const result = await stub.lookup(options);
  if (result.status !== 'lead') throw new Error(`expected lead, got ${result.status}`);
  expect(typeof result.lease).toBe('string');
  expect(result.lease).not.toBe('');
  return result.lease;
}

/** Puts `value` in the object as a leader would. */
async function seed(stub: Stub, value: CacheEntry): Promise<void> {
  await stub.store(await lead(stub), value);
}

const MARKER = 'evictionMarker';

/** Evicts the object, and checks that it really was: a mark left on the old instance is gone from the new one. */
async function evict(name: string): Promise<void> {
  await runInDurableObject(env.RESPONSE_CACHE.getByName(name), (instance) => void Reflect.set(instance, MARKER, true));
  await evictDurableObject(env.RESPONSE_CACHE.getByName(name));
  expect(await runInDurableObject(env.RESPONSE_CACHE.getByName(name), (instance) => Reflect.has(instance, MARKER))).toBe(false);
}

describe('ResponseCacheObject', () => {
  it('places the hand-built entries in the freshness windows the tests rely on', () => {
    const now = Date.now();
    expect(freshness(freshEntry(), now)).toBe('fresh');
    expect(freshness(staleEntry(), now)).toBe('stale');
    expect(freshness(errorEntry(), now)).toBe('error');
    expect(freshness(deadEntry(), now)).toBe('dead');
  });

  describe('single flight', () => {
    it('makes the first lookup of an empty key the leader, with nothing to fall back on', async () => {
      const result = await objectFor('first').lookup(HELD);
      expect(result).toMatchObject({ status: 'lead', lease: expect.any(String) });
      expect(result.status === 'lead' && result.fallback).toBeFalsy();
    });

    it('makes later lookups wait for the leader and hands them its entry', async () => {
      const stub = objectFor('filled');
      const lease = await lead(stub);
      const first = stub.lookup(HELD);
      const second = stub.lookup(HELD);
      expect(await within(first, 50)).toBe(PENDING);

      const stored = freshEntry();
      await stub.store(lease, stored);

      expect(await first).toEqual({ status: 'filled', entry: stored });
      expect(await second).toEqual({ status: 'filled', entry: stored });
      // Stored, and the lease released: the next lookup is served.
      expect(await stub.lookup(HELD)).toEqual({ status: 'fresh', entry: stored });
    });

    it('hands the waiters the answer the leader abandoned, and frees the lease', async () => {
      const stub = objectFor('abandoned');
      const lease = await lead(stub);
      const waiter = stub.lookup(HELD);

      await stub.abandon(lease, TOO_LARGE);

      const result = await waiter;
      expect(result).toMatchObject({ status: 'abandoned', answer: TOO_LARGE });
      expect(result.status === 'abandoned' && result.fallback).toBeFalsy();
      // Nothing was stored, and the next request may lead at once.
      await lead(stub);
    });

    it('gives the leader and the waiters of a failed answer the entry that may stand in for errors', async () => {
      const stub = objectFor('abandoned-fallback');
      const standIn = errorEntry();
      await seed(stub, standIn);

      const leader = await stub.lookup(HELD);
      expect(leader).toMatchObject({ status: 'lead', fallback: standIn });
      const waiter = stub.lookup(HELD);
      await stub.abandon(leader.status === 'lead' ? leader.lease : '', FAILED);

      expect(await waiter).toEqual({ status: 'abandoned', answer: FAILED, fallback: standIn });
    });

    it('does not offer the fallback for an answer that did not fail', async () => {
      const stub = objectFor('abandoned-ok');
      await seed(stub, errorEntry());
      const lease = await lead(stub);
      const waiter = stub.lookup(HELD);

      await stub.abandon(lease, TOO_LARGE);

      const result = await waiter;
      expect(result.status).toBe('abandoned');
      expect(result.status === 'abandoned' && result.fallback).toBeFalsy();
    });

    it('answers timeout to a waiter past waitMs, and the lease stays held', async () => {
      const stub = objectFor('timeout');
      await lead(stub, LONG_LEASE_SHORT_WAIT);

      const result = await stub.lookup(LONG_LEASE_SHORT_WAIT);
      expect(result.status).toBe('timeout');
      expect(result.status === 'timeout' && result.fallback).toBeFalsy();
      expect((await stub.lookup(LONG_LEASE_SHORT_WAIT)).status).toBe('timeout');
    });

    it('answers timeout with the entry that may stand in for errors, when there is one', async () => {
      const stub = objectFor('timeout-fallback');
      const standIn = errorEntry();
      await seed(stub, standIn);
      await lead(stub, LONG_LEASE_SHORT_WAIT);

      expect(await stub.lookup(LONG_LEASE_SHORT_WAIT)).toEqual({ status: 'timeout', fallback: standIn });
    });

    it('treats a dead entry as none: lead, without a fallback', async () => {
      const stub = objectFor('dead');
      await seed(stub, deadEntry());

      const result = await stub.lookup(HELD);
      expect(result.status).toBe('lead');
      expect(result.status === 'lead' && result.fallback).toBeFalsy();
    });
  });

  describe('freshness', () => {
    it('serves a fresh entry to every lookup without taking a lease', async () => {
      const stub = objectFor('fresh');
      const stored = freshEntry();
      await seed(stub, stored);

      const results = await Promise.all([stub.lookup(HELD), stub.lookup(HELD), stub.lookup(HELD)]);
      expect(results).toEqual([
        { status: 'fresh', entry: stored },
        { status: 'fresh', entry: stored },
        { status: 'fresh', entry: stored },
      ]);
    });

    it('serves a stale entry to everyone, with a lease to refresh it for exactly one caller', async () => {
      const stub = objectFor('stale');
      const stale = staleEntry();
      await seed(stub, stale);

      const first = await stub.lookup(HELD);
      expect(first).toMatchObject({ status: 'stale', entry: stale, lease: expect.any(String) });
      const second = await stub.lookup(HELD);
      expect(second).toMatchObject({ status: 'stale', entry: stale });
      expect(second.status === 'stale' && second.lease).toBeFalsy();

      const many = await Promise.all(Array.from({ length: 5 }, () => stub.lookup(HELD)));
      expect(many.every((result) => result.status === 'stale')).toBe(true);
      expect(many.filter((result) => result.status === 'stale' && result.lease)).toHaveLength(0);

      // The refresh lands: fresh for everyone.
      const refreshed = freshEntry();
      await stub.store(first.status === 'stale' && first.lease ? first.lease : '', refreshed);
      expect(await stub.lookup(HELD)).toEqual({ status: 'fresh', entry: refreshed });
    });

    it('hands exactly one of many concurrent stale lookups the lease', async () => {
      const stub = objectFor('stale-concurrent');
      await seed(stub, staleEntry());

      const results = await Promise.all(Array.from({ length: 8 }, () => stub.lookup(HELD)));
      expect(results.map((result) => result.status)).toEqual(Array(8).fill('stale'));
      expect(results.filter((result) => result.status === 'stale' && result.lease)).toHaveLength(1);
    });

    it('grants a new refresh lease once the last one expired unanswered', async () => {
      const stub = objectFor('stale-lease-expiry');
      await seed(stub, staleEntry());
      const first = await stub.lookup(SHORT_LEASE);
      expect(first.status === 'stale' && first.lease).toBeTruthy();

      await sleep(SHORT_LEASE.leaseMs + 50);

      const next = await stub.lookup(SHORT_LEASE);
      expect(next).toMatchObject({ status: 'stale', lease: expect.any(String) });
      expect(next.status === 'stale' && next.lease).not.toBe(first.status === 'stale' && first.lease);
    });

    it('keeps the newer of two stored entries', async () => {
      const stub = objectFor('newer');
      const lease = await lead(stub);
      const newer = freshEntry();
      const older: CacheEntry = { ...freshEntry(), createdAt: newer.createdAt - 500, body: '{"data":"older"}' };
      await stub.store(lease, newer);
      // A leader that took over from a slow one, and then the slow one, late.
      await stub.store(lease, older);

      expect(await stub.lookup(HELD)).toEqual({ status: 'fresh', entry: newer });
    });
  });

  describe('lease takeover', () => {
    it('hands one waiter the lead when the lease expires; the others wait for the new leader', async () => {
      const stub = objectFor('takeover');
      const original = await lead(stub, SHORT_LEASE);
      const waiters = [stub.lookup(SHORT_LEASE), stub.lookup(SHORT_LEASE), stub.lookup(SHORT_LEASE)];
      const tagged = waiters.map((waiter, index) => waiter.then((result) => ({ index, result })));

      const { index, result } = await Promise.race(tagged);
      expect(result).toMatchObject({ status: 'lead', lease: expect.any(String) });
      const takeover = result.status === 'lead' ? result.lease : '';
      expect(takeover).not.toBe(original);

      // The other two still wait, past the old lease, for the one that took over.
      const others = tagged.filter((_, i) => i !== index);
      expect(await within(Promise.race(others), 100)).toBe(PENDING);

      const stored = freshEntry();
      await stub.store(takeover, stored);
      for (const other of await Promise.all(others)) expect(other.result).toEqual({ status: 'filled', entry: stored });
    });

    it('lets a new lookup lead after the lease expired with nobody waiting', async () => {
      const stub = objectFor('expiry');
      const original = await lead(stub, SHORT_LEASE);
      await sleep(SHORT_LEASE.leaseMs + 50);
      expect(await lead(stub, SHORT_LEASE)).not.toBe(original);
    });
  });

  describe('purge', () => {
    it('soft: a fresh entry becomes stale, served while one caller refreshes it', async () => {
      const stub = objectFor('soft');
      const stored = freshEntry();
      await seed(stub, stored);

      await stub.purge(true, HELD.leaseMs);

      const first = await stub.lookup(HELD);
      expect(first).toMatchObject({ status: 'stale', lease: expect.any(String), entry: { body: stored.body, etag: stored.etag } });
      const second = await stub.lookup(HELD);
      expect(second.status).toBe('stale');
      expect(second.status === 'stale' && second.lease).toBeFalsy();
    });

    it('hard: the entry is gone, and the next lookup leads with nothing to fall back on', async () => {
      const stub = objectFor('hard');
      await seed(stub, freshEntry());

      await stub.purge(false, HELD.leaseMs);

      const result = await stub.lookup(HELD);
      expect(result.status).toBe('lead');
      expect(result.status === 'lead' && result.fallback).toBeFalsy();
    });

    it('drops a held lease, so that the next lookup reads afresh', async () => {
      const stub = objectFor('purge-lease');
      const original = await lead(stub);

      await stub.purge(false, HELD.leaseMs);

      expect(await lead(stub)).not.toBe(original);
    });

    it('does not keep an entry its leader read before the purge', async () => {
      const stub = objectFor('purge-race');
      const lease = await lead(stub);
      const readBeforePurge = entry(1000, policy(60, 60, 3600));

      await stub.purge(false, HELD.leaseMs);
      await stub.store(lease, readBeforePurge);

      expect((await stub.lookup(HELD)).status).toBe('lead');
    });

    it('hands the waiters of a purged lease a new leader at once: they read afresh, after the purge', async () => {
      const stub = objectFor('purge-handover');
      await lead(stub, { leaseMs: 10_000, waitMs: 1500 });
      const first = stub.lookup({ leaseMs: 10_000, waitMs: 1500 });
      const second = stub.lookup({ leaseMs: 10_000, waitMs: 1500 });
      expect(await within(first, 50)).toBe(PENDING);

      await stub.purge(false, 10_000);

      const leader = await first;
      if (leader.status !== 'lead') throw new Error(`expected the first waiter to lead, got ${leader.status}`);
      expect(await within(second, 50)).toBe(PENDING);
      const stored = freshEntry();
      await stub.store(leader.lease, stored);
      expect(await second).toEqual({ status: 'filled', entry: stored });
    });

    it('keeps an entry read after the purge', async () => {
      const stub = objectFor('purge-after');
      await stub.purge(false, HELD.leaseMs);
      const lease = await lead(stub);
      const readAfter = entry(-1, policy(60));

      await stub.store(lease, readAfter);

      expect(await stub.lookup(HELD)).toEqual({ status: 'fresh', entry: readAfter });
    });
  });

  describe('eviction', () => {
    it('keeps the entry', async () => {
      const name = `response-cache-object.test:evict-entry:${crypto.randomUUID()}`;
      const stored = freshEntry();
      await seed(env.RESPONSE_CACHE.getByName(name), stored);

      await evict(name);

      expect(await env.RESPONSE_CACHE.getByName(name).lookup(HELD)).toEqual({ status: 'fresh', entry: stored });
    });

    it('keeps the lease: lookups still wait until it expires', async () => {
      const name = `response-cache-object.test:evict-lease:${crypto.randomUUID()}`;
      const leaseMs = 1500;
      const original = await lead(env.RESPONSE_CACHE.getByName(name), { leaseMs, waitMs: 100 });

      await evict(name);

      const stub = env.RESPONSE_CACHE.getByName(name);
      expect((await stub.lookup({ leaseMs, waitMs: 100 })).status).toBe('timeout');
      // A waiter in the new instance is handed the lead when the stored lease runs out.
      const takeover = await stub.lookup({ leaseMs, waitMs: 3000 });
      expect(takeover).toMatchObject({ status: 'lead', lease: expect.any(String) });
      expect(takeover.status === 'lead' && takeover.lease).not.toBe(original);
    });

    it('keeps the time of the last purge: an older result is still refused', async () => {
      const name = `response-cache-object.test:evict-purge:${crypto.randomUUID()}`;
      const lease = await lead(env.RESPONSE_CACHE.getByName(name));
      const readBeforePurge = entry(1000, policy(60));
      await env.RESPONSE_CACHE.getByName(name).purge(false, HELD.leaseMs);

      await evict(name);

      const stub = env.RESPONSE_CACHE.getByName(name);
      await stub.store(lease, readBeforePurge);
      expect((await stub.lookup(HELD)).status).toBe('lead');
    });
  });

  describe('alarm', () => {
    const stored = (stub: Stub) => runInDurableObject(stub, (_, state) => state.storage.kv.get<CacheEntry>('entry'));

    it('deletes an entry once it is dead', async () => {
      const stub = objectFor('alarm-dead');
      await seed(stub, deadEntry());

      // The alarm is due already; it may have run by itself.
      await runDurableObjectAlarm(stub);

      expect(await stored(stub)).toBeUndefined();
    });

    it('keeps an entry that may still be served', async () => {
      const stub = objectFor('alarm-stale');
      const stale = staleEntry();
      await seed(stub, stale);

      expect(await runDurableObjectAlarm(stub)).toBe(true);

      expect(await stored(stub)).toEqual(stale);
      expect(await stub.lookup(HELD)).toMatchObject({ status: 'stale', entry: stale });
    });
  });
});

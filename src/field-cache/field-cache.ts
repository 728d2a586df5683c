import type { FieldCacheObject, FieldFill, FieldValue } from './field-cache-object.ts';
import { shardOf } from '../shared/hash.ts';
import { exceedsBytes } from '../single-flight/entry.ts';
import { logFailure } from '../shared/log-event.ts';

/** A cached call's lifetime, from its field's `@cacheControl` hint; in seconds. */
export interface FieldPolicy {
  maxAge: number;
  staleWhileRevalidate: number;
  staleIfError: number;
}

/** What one origin call brought for the keys it was asked: a key absent from `values` has no value (null). */
export interface FieldFetch {
  values: Map<string, unknown>;
  /** The origin said its answer is its caller's alone (`private`, `no-store`, a cookie set): answered, never kept. */
  personal?: boolean;
}

export interface FieldRead {
  value: unknown;
  /** When the origin read that produced it began: a response built from it states its true age. */
  readAt: number;
}

export interface FieldCache {
  /**
   * The values of `items`' keys: fresh from the cache; stale within staleWhileRevalidate (served at once; one caller across every isolate gets the lease and refreshes in the background via `background(promise)`);
   * otherwise fetched with ONE call of `fetch` for all keys this caller leads (across shards), while keys another caller is fetching are waited for (after this caller's own keys are filled: never wait while holding leases — see the comment in field-cache-object.ts about crossed leases).
   * `fetch` answers the values by key; a key absent from them is stored and answered as null. A personal fetch, or a value over the storage limit, is answered and not kept, and its waiters fetch their own at once.
   * A store that fails releases its leases: no waiter is left for the lease to expire.
   * A failed fetch never replaces a good value: keys with a value inside staleIfError get that value; otherwise the fetch's error is thrown.
   * A waiter whose leader failed or died is handed the lead (one of them) and fetches; if the wait times out (waitMs) it gets the fallback if any, else fetches itself.
   */
  load(
    items: { key: string; policy: FieldPolicy }[],
    fetch: (keys: string[]) => Promise<FieldFetch>,
    background: (work: Promise<unknown>) => void,
  ): Promise<Map<string, FieldRead>>;
  /** Forgets keys (or every key in every shard): a fill from a read that began before the purge is not stored, and the keys' waiters get a new leader at once. */
  purge(keys: string[] | 'all'): Promise<void>;
}

/** Cached calls are indexed under this prefix, beside the responses, so that a purge finds them too. */
const INDEX_PREFIX = 'field:';

/**
 * A cached call's record in the index: per connector, since two connectors
 * making the same request share its cached answer but not their tags
 * (`Query.posts(userId: 2)` is tagged `posts`, `User.posts` for user 2 `User:2`).
 */
export function fieldIndexKey(connector: string, key: string): string {
  return `${INDEX_PREFIX}${connector} ${key}`;
}

/** The field cache's key in an index record made by `fieldIndexKey`; undefined for a response's. */
export function fieldKeyOfIndexKey(indexKey: string): string | undefined {
  return indexKey.startsWith(INDEX_PREFIX) ? indexKey.slice(indexKey.indexOf(' ') + 1) : undefined;
}

export interface FieldCacheOptions {
  namespace: DurableObjectNamespace<FieldCacheObject>;
  /** Keys are spread over this many objects, `field-0` to `field-<shards - 1>`. */
  shards: number;
  /** How long a leader may hold a key before a waiter takes over. */
  leaseMs: number;
  /** How long a caller waits for another's fetch before it falls back or fetches itself. */
  waitMs: number;
  /** A value whose JSON is longer is answered but not kept: a Durable Object's stored value is limited. */
  maxValueBytes: number;
  /** Told of each value not kept for its size, for `/admin/stats`. */
  onTooLarge(): void;
}

/** A key this caller fetches: under `lease`, or without one after its wait ran out. */
interface Claim {
  key: string;
  policy: FieldPolicy;
  lease?: string;
  fallback?: FieldValue;
}

/**
 * The field cache's client: connector calls cached per key (`Product:7`, or a
 * request line) in `FieldCacheObject` shards, each key filled by one caller at
 * a time across every isolate. A failing or overloaded shard fails the load:
 * never a reason to call the origin around the cache.
 */
export function createFieldCache({ namespace, shards, leaseMs, waitMs, maxValueBytes, onTooLarge }: FieldCacheOptions): FieldCache {
  if (!Number.isInteger(shards) || shards < 1) throw new Error(`[field-cache] shards must be a positive integer, got ${shards}`);
  const stub = (shard: number) => namespace.getByName(`field-${shard}`);

  function byShard<T extends { key: string }>(items: Iterable<T>): Map<number, T[]> {
    const groups = new Map<number, T[]>();
    for (const item of items) {
      const shard = shardOf(item.key, shards);
      const group = groups.get(shard);
      if (group) group.push(item);
      else groups.set(shard, [item]);
    }
    return groups;
  }

  const parsed = ({ value, readAt }: FieldValue): FieldRead => ({ value: JSON.parse(value) as unknown, readAt });

  /** The claims' leases, by shard. */
  const leasesByShard = (claims: Claim[]) =>
    [...byShard(claims.filter((claim) => claim.lease))].map(([shard, group]) => ({ shard, leases: Object.fromEntries(group.map((claim) => [claim.key, claim.lease!])) }));

  /** Gives leases back unfilled after a failure: a waiter gets the value that stands in for errors, or one of them the lead. */
  const release = (claims: Claim[]): Promise<void> =>
    settleAll(leasesByShard(claims).map(({ shard, leases }) => stub(shard).release(leases, { leaseMs })), 'field-release-failed');

  /** Gives leases back for values that will not be kept: every waiter fetches its own at once. */
  const dismiss = (claims: Claim[]): Promise<void> =>
    settleAll(leasesByShard(claims).map(({ shard, leases }) => stub(shard).dismiss(leases)), 'field-dismiss-failed');

  return {
    async load(items, fetch, background) {
      const policies = new Map<string, FieldPolicy>();
      for (const { key, policy } of items) if (!policies.has(key)) policies.set(key, policy);
      const answer = new Map<string, FieldRead>();
      const wanted = [...policies].map(([key, policy]) => ({ key, policy }));

      /**
       * Fetches the claims' keys with one call and stores them under their
       * leases. If the fetch fails, the leases are given back (their waiters
       * get the fallback, or one of them the lead), and a key with a
       * fallback answers with it; if one has none, the error is thrown.
       * `into` is undefined for a background refresh.
       */
      async function fetchAndFill(claims: Claim[], into: Map<string, FieldRead> | undefined): Promise<void> {
        if (!claims.length) return;
        const readAt = Date.now();
        let fetched: FieldFetch;
        try {
          fetched = await fetch(claims.map((claim) => claim.key));
        } catch (error) {
          await release(claims);
          for (const claim of claims) if (claim.fallback) into?.set(claim.key, parsed(claim.fallback));
          if (claims.some((claim) => !claim.fallback)) throw error;
          return;
        }
        const kept: Claim[] = [];
        const texts = new Map<string, string>();
        for (const claim of claims) {
          const value = fetched.values.get(claim.key) ?? null;
          into?.set(claim.key, { value, readAt });
          if (fetched.personal) continue;
          const text = JSON.stringify(value);
          if (exceedsBytes(text, maxValueBytes)) {
            onTooLarge();
            continue;
          }
          texts.set(claim.key, text);
          kept.push(claim);
        }
        // The answer is good whether or not it can be stored; what is not stored sends its waiters to fetch their own.
        await dismiss(claims.filter((claim) => !texts.has(claim.key)));
        await Promise.all(
          [...byShard(kept)].map(async ([shard, group]) => {
            const fills = group.map(({ key, policy, lease }): [string, FieldFill] => [key, { lease, value: texts.get(key)!, policy }]);
            try {
              await stub(shard).fill(readAt, Object.fromEntries(fills));
            } catch (error) {
              logFailure('field-store-failed', error);
              await release(group);
            }
          }),
        );
      }

      /**
       * Waits for a shard's keys that others are fetching, until `deadline`.
       * A key handed to this caller is fetched at once, and only then are the
       * rest waited for again; a key that times out without a fallback is
       * left in `late`, for this caller to fetch without a lease.
       */
      async function waitFor(shard: number, keys: string[], deadline: number, late: Claim[]): Promise<void> {
        let pending = keys;
        while (pending.length) {
          let results;
          try {
            const waitMs = Math.max(0, deadline - Date.now());
            results = await stub(shard).wait(pending.map((key) => ({ key, policy: policies.get(key)! })), { waitMs, leaseMs });
          } catch (error) {
            logFailure('field-wait-failed', error);
            for (const key of pending) late.push({ key, policy: policies.get(key)! });
            return;
          }
          pending = [];
          const claims: Claim[] = [];
          for (const [key, result] of Object.entries(results)) {
            const policy = policies.get(key)!;
            if (result.status === 'filled') answer.set(key, parsed(result.value));
            else if (result.status === 'lead') claims.push({ key, policy, lease: result.lease, fallback: result.fallback });
            else if (result.status === 'again') pending.push(key);
            else if (result.status === 'fallback') answer.set(key, parsed(result.fallback));
            else if (result.status === 'alone') late.push({ key, policy });
            else if (result.fallback) answer.set(key, parsed(result.fallback));
            else late.push({ key, policy });
          }
          await fetchAndFill(claims, answer);
        }
      }

      const reads = await Promise.all([...byShard(wanted)].map(async ([shard, group]) => ({ shard, read: await stub(shard).read(group, { leaseMs }) })));
      const claims: Claim[] = [];
      const refreshes: Claim[] = [];
      for (const { read } of reads) {
        for (const [key, value] of Object.entries(read.values)) answer.set(key, parsed(value));
        for (const [key, lease] of Object.entries(read.refresh)) refreshes.push({ key, policy: policies.get(key)!, lease });
        for (const [key, { lease, fallback }] of Object.entries(read.lead)) claims.push({ key, policy: policies.get(key)!, lease, fallback });
      }
      if (refreshes.length) {
        background(fetchAndFill(refreshes, undefined).catch((error: unknown) => logFailure('field-refresh-failed', error)));
      }

      // This caller's own keys first, then what others are fetching: no lease is held while waiting.
      await fetchAndFill(claims, answer);
      const late: Claim[] = [];
      const deadline = Date.now() + waitMs;
      const waits = await Promise.allSettled(reads.filter(({ read }) => read.held.length).map(({ shard, read }) => waitFor(shard, read.held, deadline, late)));
      const failed = waits.find((outcome) => outcome.status === 'rejected');
      if (failed) throw failed.reason;
      await fetchAndFill(late, answer);
      return answer;
    },

    async purge(keys) {
      if (keys === 'all') {
        await Promise.all(Array.from({ length: shards }, (_, shard) => stub(shard).purge('all', { leaseMs })));
        return;
      }
      const groups = byShard(keys.map((key) => ({ key })));
      await Promise.all([...groups].map(([shard, group]) => stub(shard).purge(group.map(({ key }) => key), { leaseMs })));
    },
  };
}

/** Waits for every call; one that failed is logged, not thrown. */
async function settleAll(calls: Promise<unknown>[], event: string): Promise<void> {
  for (const outcome of await Promise.allSettled(calls)) {
    if (outcome.status === 'rejected') logFailure(event, outcome.reason);
  }
}

/**
 * The field cache stage: each connector call's answer cached per key
 * (`Product:7`, or a request line), shared across isolates by sharded
 * Durable Objects (field-cache-object.ts; field-shards.ts reaches them), with
 * leases so that one caller fills or refreshes a key while the others wait.
 * This file is its client: the claim, lead and wait of one load.
 *
 * It may call src/invalidation (purges reach it through purgeable.ts; it
 * records its tagged values in the index) and the leaves src/shared,
 * src/single-flight, src/cache-hints and src/config.ts. Never the stages
 * that call it (src/connect, src/graphql, src/response-cache, src/http), nor
 * src/upstream: the fetch of a load is handed in.
 */
import type { FieldCacheObject, FieldFill, FieldValue } from './field-cache-object.ts';
import type { FieldPolicy } from './field-policy.ts';
import { createFieldShards } from './field-shards.ts';
import { createFieldPurgeable, recordOf } from './purgeable.ts';
import type { CacheRegistry } from '../invalidation/invalidator.ts';
import { deadAt, exceedsBytes } from '../single-flight/entry.ts';
import { logFailure } from '../shared/log-event.ts';
import type { FieldState } from '../analytics/snapshot.ts';

/** What one origin call brought for the keys it was asked: a key absent from `values` has no value (null). */
export interface FieldFetch {
  values: Map<string, unknown>;
  /** The origin said its answer is its caller's alone (`private`, `no-store`, a cookie set): answered, never kept. */
  personal?: boolean;
  /** What purges find the values by, beside their own keys. */
  tags?: FieldTags;
}

export interface FieldTags {
  /** The connector that made the call: its records are its own (see `recordOf`). */
  connector: string;
  /** The tags of each key's value (`@cacheTag`s, the entities it holds); a key without any is found by its own name only. */
  byKey: Map<string, string[]>;
}

export interface FieldRead {
  value: unknown;
  /** When the origin read that produced it began: a response built from it states its true age. */
  readAt: number;
  /** How it came: from the cache fresh or stale, by waiting for another caller's fetch (coalesced), or fetched by this caller (miss). */
  state: FieldState;
  /** A stale value that stood in because the fetch failed or did not come in time. */
  failedOver?: true;
}

export interface FieldCache {
  /**
   * The values of `items`' keys: fresh from the cache; stale within staleWhileRevalidate (served at once; one caller across every isolate gets the lease and refreshes in the background via `background(promise)`);
   * otherwise fetched with ONE call of `fetch` for all keys this caller leads (across shards), while keys another caller is fetching are waited for (after this caller's own keys are filled: never wait while holding leases — see the comment in field-cache-object.ts about crossed leases).
   * `fetch` answers the values by key; a key absent from them is stored and answered as null. A personal fetch, or a value over the storage limit, is answered and not kept, and its waiters fetch their own at once.
   * A value with tags is recorded in the index under them before it is stored; one that a purge of them superseded while it was read is answered, not kept, and its key purged (its waiters get a new leader).
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
  /** Where purges come from: the field cache registers itself there, and records its tagged values in the index it is given. */
  invalidation: CacheRegistry;
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
export function createFieldCache({ namespace, shards, leaseMs, waitMs, maxValueBytes, onTooLarge, invalidation }: FieldCacheOptions): FieldCache {
  const { stub, byShard, release, dismiss, purge } = createFieldShards(namespace, shards, leaseMs);
  const index = invalidation.register('field', createFieldPurgeable(purge));

  const parsed = ({ value, readAt }: FieldValue, state: FieldState): FieldRead => ({ value: JSON.parse(value) as unknown, readAt, state });
  const failedOver = (fallback: FieldValue): FieldRead => ({ ...parsed(fallback, 'stale'), failedOver: true });

  /**
   * Records the claims' tags in the index before their values are stored,
   * so that a purge from then on finds them. Answers the keys a purge of
   * their tags came for since `readAt`: the index could not find them then,
   * so they must not be stored.
   */
  async function recordTags(claims: Claim[], tags: FieldTags | undefined, readAt: number): Promise<Set<string>> {
    const superseded = new Set<string>();
    if (!tags) return superseded;
    await Promise.all(
      claims.map(async ({ key, policy }) => {
        const names = tags.byKey.get(key);
        if (names?.length && !(await index.add(recordOf(tags.connector, key), names, deadAt({ createdAt: readAt, policy }), readAt))) superseded.add(key);
      }),
    );
    return superseded;
  }

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
          for (const claim of claims) if (claim.fallback) into?.set(claim.key, failedOver(claim.fallback));
          if (claims.some((claim) => !claim.fallback)) throw error;
          return;
        }
        const kept: Claim[] = [];
        const texts = new Map<string, string>();
        for (const claim of claims) {
          const value = fetched.values.get(claim.key) ?? null;
          into?.set(claim.key, { value, readAt, state: 'miss' });
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
            try {
              const superseded = await recordTags(group, fetched.tags, readAt);
              const fills = group.filter(({ key }) => !superseded.has(key)).map(({ key, policy, lease }): [string, FieldFill] => [key, { lease, value: texts.get(key)!, policy }]);
              await Promise.all([
                fills.length ? stub(shard).fill(readAt, Object.fromEntries(fills)) : undefined,
                superseded.size ? stub(shard).purge([...superseded], { leaseMs }) : undefined,
              ]);
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
            if (result.status === 'filled') answer.set(key, parsed(result.value, 'coalesced'));
            else if (result.status === 'lead') claims.push({ key, policy, lease: result.lease, fallback: result.fallback });
            else if (result.status === 'again') pending.push(key);
            else if (result.status === 'fallback') answer.set(key, failedOver(result.fallback));
            else if (result.status === 'alone') late.push({ key, policy });
            else if (result.fallback) answer.set(key, failedOver(result.fallback));
            else late.push({ key, policy });
          }
          await fetchAndFill(claims, answer);
        }
      }

      const reads = await Promise.all([...byShard(wanted)].map(async ([shard, group]) => ({ shard, read: await stub(shard).read(group, { leaseMs }) })));
      const claims: Claim[] = [];
      const refreshes: Claim[] = [];
      for (const { read } of reads) {
        for (const [key, value] of Object.entries(read.values)) answer.set(key, parsed(value, Date.now() - value.readAt > policies.get(key)!.maxAge * 1000 ? 'stale' : 'fresh'));
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

    purge,
  };
}

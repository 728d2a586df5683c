import { DurableObject } from 'cloudflare:workers';
import { deadAt, freshness, type Freshness } from '../single-flight/entry.ts';
import type { FieldPolicy } from './field-policy.ts';
import { PURGES_KEPT_MS } from '../invalidation/cache-index-object.ts';
import { Leases, type Lease } from '../single-flight/leases.ts';
import { logFailure } from '../shared/log-event.ts';
import { serves, swrDecision } from '../single-flight/swr-decision.ts';

/** A value as the origin gave it, as JSON text (`"null"`: the origin has none), and when the read that produced it began. */
export interface FieldValue {
  value: string;
  readAt: number;
}

interface Stored extends FieldValue {
  /** The policy it was stored under: when it dies, for the clean-up. */
  policy: FieldPolicy;
}

export interface FieldItem {
  key: string;
  /**
   * The caller's policy, by which a stored value is served (fresh or stale):
   * a deploy that shortens a hint takes effect at once. Whether it may stand
   * in for an error is judged by the policy it was stored under.
   */
  policy: FieldPolicy;
}

export interface FieldShardRead {
  /** Values to serve now: fresh, or stale within staleWhileRevalidate. */
  values: Record<string, FieldValue>;
  /** Stale keys whose refresh this caller got, with their leases: refresh them in the background. */
  refresh: Record<string, string>;
  /** Keys this caller leads for: fetch them and `fill`, or `release` on failure. `fallback` may stand in if the fetch fails. */
  lead: Record<string, { lease: string; fallback?: FieldValue }>;
  /** Keys another caller is fetching: `wait` for them once this caller's own are filled. */
  held: string[];
}

export type FieldWait =
  /** The leader's value, or one that was already there. */
  | { status: 'filled'; value: FieldValue }
  /** The leader failed with nothing to fall back on, died, or was purged: this caller leads now. */
  | { status: 'lead'; lease: string; fallback?: FieldValue }
  /** The leader's fetch failed and its fallback stood in: the waiter gets that value, as the leader itself answers. */
  | { status: 'fallback'; fallback: FieldValue }
  /** Nobody answered within the wait: the fallback if any, else the caller fetches without a lease. */
  | { status: 'timeout'; fallback?: FieldValue }
  /** Not waited for, because the same call was handed another key's lead: wait again once that one is filled. */
  | { status: 'again' }
  /** The leader's value is not kept (its caller's own, or too large): fetch for yourself, without a lease, at once. */
  | { status: 'alone' };

export interface FieldFill {
  /** The lease it was fetched under; none for a caller that fetched after its wait ran out. */
  lease?: string;
  value: string;
  policy: FieldPolicy;
}

const VALUE = 'value:';
const LEASE = 'lease:';
const PURGED = 'purged:';
const PURGED_ALL = 'purgedAll';
const SWEEP_EVERY_MS = 60_000;

/**
 * A shard of the field cache (src/field-cache/field-cache.ts): connector results by
 * key, and per key the same single flight as the response cache, so that two
 * different queries over one product share one origin fetch, and a response's
 * revalidation refetches only what expired. Values, leases and purges are all
 * kept in storage, so that an evicted object neither forgets a purge nor
 * grants a second lease while a leader still runs.
 */
export class FieldCacheObject extends DurableObject<Env> {
  #purgedAll: number;
  #leases = new Leases<Exclude<FieldWait, { status: 'again' }>>({
    lead: (key, lease) => ({ status: 'lead', lease, fallback: this.#fallback(key) }),
    timeout: (key) => ({ status: 'timeout', fallback: this.#fallback(key) }),
    persist: (key, lease) => (lease ? this.ctx.storage.kv.put(LEASE + key, lease) : this.ctx.storage.kv.delete(LEASE + key)),
  });

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.#purgedAll = ctx.storage.kv.get<number>(PURGED_ALL) ?? 0;
    for (const [name, lease] of ctx.storage.kv.list<Lease>({ prefix: LEASE })) this.#leases.restore(name.slice(LEASE.length), lease);
  }

  read(items: FieldItem[], { leaseMs }: { leaseMs: number }): FieldShardRead {
    // Never waits: a caller that held some keys' leases while waiting for
    // others' would stall against another caller doing the same the other way
    // round. So it leads for what is free, fills that, and only then waits.
    const now = Date.now();
    const read: FieldShardRead = { values: {}, refresh: {}, lead: {}, held: [] };
    for (const { key, policy } of items) {
      const stored = this.#stored(key);
      const decision = swrDecision(this.#freshness(stored, policy, now), this.#leases.isFree(key, now));
      if (stored && serves(decision)) {
        read.values[key] = valueOf(stored);
        if (decision === 'serve-and-refresh') read.refresh[key] = this.#leases.grant(key, now, leaseMs);
      } else if (decision === 'lead') {
        read.lead[key] = { lease: this.#leases.grant(key, now, leaseMs), fallback: this.#fallback(key, stored) };
      } else {
        read.held.push(key);
      }
    }
    return read;
  }

  async wait(items: FieldItem[], { waitMs, leaseMs }: { waitMs: number; leaseMs: number }): Promise<Record<string, FieldWait>> {
    // Waits up to `waitMs` for keys another caller is fetching. A key that is
    // servable by now answers at once, and one whose lease is free is led by
    // this caller. As soon as this caller leads one key, it stops waiting for
    // the others (`again`): it must not wait while it holds a lease.
    const now = Date.now();
    const results: Record<string, FieldWait> = {};
    const waiting: string[] = [];
    for (const { key, policy } of items) {
      const stored = this.#stored(key);
      const decision = swrDecision(this.#freshness(stored, policy, now), this.#leases.isFree(key, now));
      // A stale value is served here without taking its refresh: only `read` hands refreshes out.
      if (stored && serves(decision)) results[key] = { status: 'filled', value: valueOf(stored) };
      else if (decision === 'lead') results[key] = { status: 'lead', lease: this.#leases.grant(key, now, leaseMs), fallback: this.#fallback(key, stored) };
      else waiting.push(key);
    }
    if (Object.values(results).some((result) => result.status === 'lead')) {
      for (const key of waiting) results[key] = { status: 'again' };
      return results;
    }
    const stop = new AbortController();
    await Promise.all(
      waiting.map(async (key) => {
        const result = await this.#leases.wait(key, waitMs, leaseMs, stop.signal);
        if (result.status === 'lead') stop.abort();
        results[key] = result.status === 'timeout' && stop.signal.aborted ? { status: 'again' } : result;
      }),
    );
    return results;
  }

  async fill(readAt: number, values: Record<string, FieldFill>): Promise<void> {
    // Values read from the origin at `readAt`: each is stored unless a purge of
    // its key came after the read began (as in the response cache, one in the
    // same millisecond does not count) or a newer read is already there, and
    // the waiters of its lease get it.
    for (const [key, { lease, value, policy }] of Object.entries(values)) {
      const stored = this.#stored(key);
      const purgedAt = Math.max(this.#purgedAll, this.ctx.storage.kv.get<number>(PURGED + key) ?? 0);
      if (readAt >= purgedAt && (!stored || readAt >= stored.readAt)) {
        try {
          this.ctx.storage.kv.put<Stored>(VALUE + key, { value, readAt, policy });
        } catch (error) {
          // Too large to keep, say: the waiters still get it.
          logFailure('field-store-failed', error, { key });
        }
      }
      if (lease) this.#leases.finish(key, lease, { status: 'filled', value: { value, readAt } });
    }
    await this.#sweepLater();
  }

  release(leases: Record<string, string>, { leaseMs }: { leaseMs: number }): void {
    // The leader's fetch failed. A key with a value inside staleIfError gives
    // its waiters that value, as the leader answers it: one failed call, not
    // one per waiter. Of any other key one waiter leads now, the others wait
    // for it.
    const now = Date.now();
    for (const [key, lease] of Object.entries(leases)) {
      if (!this.#leases.holds(key, lease)) continue;
      const fallback = this.#fallback(key);
      if (fallback) this.#leases.finish(key, lease, { status: 'fallback', fallback });
      else this.#leases.handOver(key, now, leaseMs);
    }
  }

  dismiss(leases: Record<string, string>): void {
    // The leader's values will not be kept (the origin said they are its
    // caller's alone, or they are too large to store): each waiter fetches its
    // own at once, rather than one after another under a lease each.
    for (const [key, lease] of Object.entries(leases)) this.#leases.finish(key, lease, { status: 'alone' });
  }

  async purge(keys: string[] | 'all', { leaseMs }: { leaseMs: number }): Promise<void> {
    // Forgets the keys, or every key: a fill whose read began before now is
    // not stored, and each key's waiters get a new leader at once rather than
    // what the old one read.
    const now = Date.now();
    const kv = this.ctx.storage.kv;
    if (keys === 'all') {
      this.#purgedAll = now;
      kv.put(PURGED_ALL, now);
      for (const [name] of [...kv.list({ prefix: VALUE })]) kv.delete(name);
    } else {
      for (const key of keys) {
        kv.delete(VALUE + key);
        kv.put(PURGED + key, now);
      }
    }
    for (const key of keys === 'all' ? this.#leases.keys() : keys) this.#leases.handOver(key, now, leaseMs);
    await this.#sweepLater();
  }

  override async alarm(): Promise<void> {
    // Drops dead values, old purges and expired leases; correctness never waits for it.
    const now = Date.now();
    const kv = this.ctx.storage.kv;
    for (const [name, stored] of [...kv.list<Stored>({ prefix: VALUE })]) {
      if (deadAt({ createdAt: stored.readAt, policy: stored.policy }) <= now) kv.delete(name);
    }
    for (const [name, purgedAt] of [...kv.list<number>({ prefix: PURGED })]) if (purgedAt < now - PURGES_KEPT_MS) kv.delete(name);
    this.#leases.prune(now);
    const left = [VALUE, PURGED, LEASE].some((prefix) => [...kv.list({ prefix, limit: 1 })].length > 0);
    if (left) await this.ctx.storage.setAlarm(now + SWEEP_EVERY_MS);
  }

  #stored(key: string): Stored | undefined {
    return this.ctx.storage.kv.get<Stored>(VALUE + key);
  }

  #freshness(stored: Stored | undefined, policy: FieldPolicy, now: number): Freshness {
    return stored ? freshness({ createdAt: stored.readAt, policy }, now) : 'dead';
  }

  #fallback(key: string, stored = this.#stored(key)): FieldValue | undefined {
    // What may stand in if the key's fetch fails: its value until it dies, by the policy it was stored under.
    return stored && this.#freshness(stored, stored.policy, Date.now()) !== 'dead' ? valueOf(stored) : undefined;
  }

  async #sweepLater(): Promise<void> {
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(Date.now() + SWEEP_EVERY_MS);
  }
}

function valueOf({ value, readAt }: FieldValue): FieldValue {
  return { value, readAt };
}

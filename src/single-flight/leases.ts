/**
 * single-flight: one caller fetches, the others wait for its result. The
 * waiting (waiters.ts), expiring permits (permits.ts), per-key leases built
 * on both (this file), a cached value's freshness (entry.ts) and the one
 * stale-while-revalidate decision (swr-decision.ts), shared by the response
 * cache, the field cache and the origin shield. A leaf: it may call nothing
 * but the cache-hints leaf.
 */
import { Permits, type Permit } from './permits.ts';
import { Waiters } from './waiters.ts';

/** The right to fill a key, held by one caller at a time, until it finishes or `expiresAt`: the key's one permit. */
export type Lease = Permit;

export interface LeasesOptions<R> {
  /** What a waiter gets when it is handed the lead under `lease`. */
  lead(key: string, lease: string): R;
  /** What a waiter gets when it stops waiting: its time ran out, or its signal aborted. */
  timeout(key: string): R;
  /**
   * Keeps a key's lease (undefined: none) where it outlives the object, so
   * that an object evicted or restarted while a leader runs does not grant a
   * second lease; `restore` puts it back.
   */
  persist?(key: string, lease: Lease | undefined): void;
}

interface KeyState<R> {
  /** At most one permit: the lease. An expired one stays until it is replaced, handed over or pruned. */
  lease: Permits;
  /** Each waits for the result of the lease its tag names. */
  waiters: Waiters<R, string>;
}

/**
 * Single flight per key, for an object that is the only place its keys are
 * filled from (a Durable Object): one caller at a time holds a key's lease
 * and fills it, the others wait for its result. Every wait ends: by the
 * leader's result, by being handed the lead, or by its timeout.
 */
export class Leases<R> {
  readonly #keys = new Map<string, KeyState<R>>();
  readonly #options: LeasesOptions<R>;

  constructor(options: LeasesOptions<R>) {
    this.#options = options;
  }

  restore(key: string, lease: Lease): void {
    // A lease that `persist` kept, after a restart.
    const state = this.#state(key);
    state.lease.clear();
    state.lease.restore(lease);
  }

  keys(): string[] {
    // Keys with a lease or waiters.
    return [...this.#keys.keys()];
  }

  isFree(key: string, now: number): boolean {
    return this.#keys.get(key)?.lease.hasRoom(now, 1) ?? true;
  }

  holds(key: string, lease: string): boolean {
    // Whether `lease` is still the key's: purged, taken over or finished, it is not.
    return this.#keys.get(key)?.lease.has(lease) ?? false;
  }

  grant(key: string, now: number, leaseMs: number): string {
    // A new lease on the key, for a caller that found it free.
    const state = this.#state(key);
    state.lease.clear();
    const lease = state.lease.grant(now, leaseMs, {});
    this.#options.persist?.(key, lease);
    // Waiters of an expired lease that no takeover reached yet wait for this one instead.
    state.waiters.retag(lease.id);
    if (state.waiters.size) this.#watch(key, state, leaseMs);
    return lease.id;
  }

  wait(key: string, waitMs: number, leaseMs: number, signal?: AbortSignal): Promise<R> {
    // Waits for the result of the key's lease, which the caller found held.
    // `signal` withdraws the waiter (it gets the timeout result), for a caller
    // that must stop waiting because it was handed another key's lead.
    const state = this.#state(key);
    const [lease] = state.lease;
    const result = state.waiters.wait(waitMs, () => this.#options.timeout(key), lease?.id ?? '', {
      signal,
      onLeave: () => this.#tidy(key, state),
    });
    this.#watch(key, state, leaseMs);
    return result;
  }

  finish(key: string, lease: string, result: R): void {
    // The leader's result: its waiters get it, and its lease is freed unless another replaced it.
    const state = this.#keys.get(key);
    if (!state) return;
    if (state.lease.release(lease)) this.#options.persist?.(key, undefined);
    state.waiters.settle(result, lease);
    this.#tidy(key, state);
  }

  handOver(key: string, now: number, leaseMs: number): void {
    // Drops the key's lease, whoever holds it; if callers wait, the first leads
    // under a new lease and the others wait for it. For a purge (what the
    // leader reads may predate it), a leader that failed, and a takeover.
    const state = this.#keys.get(key);
    if (!state) return;
    const next = state.waiters.first();
    if (!next) {
      if (state.lease.size) this.#options.persist?.(key, undefined);
      state.lease.clear();
      return this.#tidy(key, state);
    }
    const lease = this.grant(key, now, leaseMs);
    next.settle(this.#options.lead(key, lease));
  }

  prune(now: number): void {
    // Forgets expired leases nobody waits on, so that they do not pile up in memory and storage.
    for (const [key, state] of this.#keys) {
      if (state.waiters.size || !state.lease.reap(now).length) continue;
      this.#options.persist?.(key, undefined);
      this.#tidy(key, state);
    }
  }

  #watch(key: string, state: KeyState<R>, leaseMs: number): void {
    // A leader that died or hangs loses its lease when it expires: then one
    // waiter leads in its place and the others wait on, so that the origin
    // sees at most one more call per lease period, never a stampede.
    state.lease.watchExpiry(() => {
      const now = Date.now();
      if (!this.isFree(key, now)) return this.#watch(key, state, leaseMs);
      this.handOver(key, now, leaseMs);
    });
  }

  #state(key: string): KeyState<R> {
    let state = this.#keys.get(key);
    if (!state) {
      state = { lease: new Permits(), waiters: new Waiters() };
      this.#keys.set(key, state);
    }
    return state;
  }

  #tidy(key: string, state: KeyState<R>): void {
    // A key with neither lease nor waiters is forgotten, with its expiry watch.
    if (state.lease.size || state.waiters.size || this.#keys.get(key) !== state) return;
    state.lease.unwatch();
    this.#keys.delete(key);
  }
}

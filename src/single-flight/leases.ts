/** The right to fill a key, held by one caller at a time, until it finishes or `expiresAt`. */
export interface Lease {
  id: string;
  expiresAt: number;
}

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

interface Waiter<R> {
  /** The lease whose result it waits for. */
  lease: string;
  settle(result: R): void;
}

interface KeyState<R> {
  lease: Lease | undefined;
  waiters: Set<Waiter<R>>;
  takeover: ReturnType<typeof setTimeout> | undefined;
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

  /** A lease that `persist` kept, after a restart. */
  restore(key: string, lease: Lease): void {
    this.#state(key).lease = lease;
  }

  /** Keys with a lease or waiters. */
  keys(): string[] {
    return [...this.#keys.keys()];
  }

  isFree(key: string, now: number): boolean {
    const lease = this.#keys.get(key)?.lease;
    return !lease || lease.expiresAt <= now;
  }

  /** Whether `lease` is still the key's: purged, taken over or finished, it is not. */
  holds(key: string, lease: string): boolean {
    return this.#keys.get(key)?.lease?.id === lease;
  }

  /** A new lease on the key, for a caller that found it free. */
  grant(key: string, now: number, leaseMs: number): string {
    const state = this.#state(key);
    const lease = { id: crypto.randomUUID(), expiresAt: now + leaseMs };
    this.#setLease(key, state, lease);
    // Waiters of an expired lease that no takeover reached yet wait for this one instead.
    for (const waiter of state.waiters) waiter.lease = lease.id;
    if (state.waiters.size) this.#watch(key, leaseMs);
    return lease.id;
  }

  /**
   * Waits for the result of the key's lease, which the caller found held.
   * `signal` withdraws the waiter (it gets the timeout result), for a caller
   * that must stop waiting because it was handed another key's lead.
   */
  wait(key: string, waitMs: number, leaseMs: number, signal?: AbortSignal): Promise<R> {
    const state = this.#state(key);
    return new Promise<R>((resolve) => {
      const stop = () => waiter.settle(this.#options.timeout(key));
      const timer = setTimeout(stop, waitMs);
      const waiter: Waiter<R> = {
        lease: state.lease?.id ?? '',
        settle: (result) => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', stop);
          state.waiters.delete(waiter);
          this.#tidy(key, state);
          resolve(result);
        },
      };
      state.waiters.add(waiter);
      if (signal?.aborted) return stop();
      signal?.addEventListener('abort', stop);
      this.#watch(key, leaseMs);
    });
  }

  /** The leader's result: its waiters get it, and its lease is freed unless another replaced it. */
  finish(key: string, lease: string, result: R): void {
    const state = this.#keys.get(key);
    if (!state) return;
    if (state.lease?.id === lease) this.#setLease(key, state, undefined);
    for (const waiter of state.waiters) if (waiter.lease === lease) waiter.settle(result);
    this.#tidy(key, state);
  }

  /**
   * Drops the key's lease, whoever holds it; if callers wait, the first leads
   * under a new lease and the others wait for it. For a purge (what the
   * leader reads may predate it), a leader that failed, and a takeover.
   */
  handOver(key: string, now: number, leaseMs: number): void {
    const state = this.#keys.get(key);
    if (!state) return;
    const [next] = state.waiters;
    if (!next) {
      this.#setLease(key, state, undefined);
      return this.#tidy(key, state);
    }
    const lease = this.grant(key, now, leaseMs);
    next.settle(this.#options.lead(key, lease));
  }

  /** Forgets expired leases nobody waits on, so that they do not pile up in memory and storage. */
  prune(now: number): void {
    for (const [key, state] of this.#keys) {
      if (state.waiters.size || !state.lease || state.lease.expiresAt > now) continue;
      this.#setLease(key, state, undefined);
      this.#tidy(key, state);
    }
  }

  /**
   * A leader that died or hangs loses its lease when it expires: then one
   * waiter leads in its place and the others wait on, so that the origin
   * sees at most one more call per lease period, never a stampede.
   */
  #watch(key: string, leaseMs: number): void {
    const state = this.#keys.get(key);
    if (!state?.lease || state.takeover) return;
    state.takeover = setTimeout(
      () => {
        state.takeover = undefined;
        const now = Date.now();
        if (!this.isFree(key, now)) return this.#watch(key, leaseMs);
        this.handOver(key, now, leaseMs);
      },
      Math.max(0, state.lease.expiresAt - Date.now()),
    );
  }

  #state(key: string): KeyState<R> {
    let state = this.#keys.get(key);
    if (!state) {
      state = { lease: undefined, waiters: new Set(), takeover: undefined };
      this.#keys.set(key, state);
    }
    return state;
  }

  #setLease(key: string, state: KeyState<R>, lease: Lease | undefined): void {
    if (!lease && !state.lease) return;
    state.lease = lease;
    this.#options.persist?.(key, lease);
  }

  /** A key with neither lease nor waiters is forgotten, with its takeover timer. */
  #tidy(key: string, state: KeyState<R>): void {
    if (state.lease || state.waiters.size || this.#keys.get(key) !== state) return;
    clearTimeout(state.takeover);
    this.#keys.delete(key);
  }
}

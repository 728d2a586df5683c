import { DurableObject } from 'cloudflare:workers';

interface Stored {
  /** The entity as JSON text; `"null"` caches "the origin has none". */
  value: string;
  /** When the origin read that produced it began. */
  readAt: number;
}

export interface EntityReadOptions {
  maxAgeMs: number;
  leaseMs: number;
}

export interface EntityRead {
  /** Fresh values by key, as JSON text. */
  values: Record<string, string>;
  /** Keys the caller leads for: it must fetch them and `fill` (or `release`). */
  fetch: string[];
  lease: string | undefined;
  /** Keys another caller is fetching: `wait` for them once the caller's own are filled. */
  held: string[];
}

export interface EntityWait {
  values: Record<string, string>;
  /** Keys whose leader failed or took longer than the wait: the caller fetches them itself. */
  failed: string[];
}

interface Waiter {
  resolve(value: string): void;
  reject(): void;
}

/**
 * A shard of one entity type's cache (`Product:3` holds a quarter of the
 * products): fresh values by key, and per key the same single-flight rule as
 * the response cache, so that two different queries over one product share one
 * origin fetch, and a response's revalidation refetches only what expired.
 */
export class EntityCacheObject extends DurableObject<Env> {
  #leases = new Map<string, { id: string; expiresAt: number }>();
  #waiters = new Map<string, Set<Waiter>>();
  #purgedAt = new Map<string, number>();

  /**
   * Never waits: a caller that held some keys' leases while waiting for
   * others' would stall against another caller doing the same the other way
   * round. So it leads for what is free, fills that, and only then waits.
   */
  read(keys: string[], { maxAgeMs, leaseMs }: EntityReadOptions): EntityRead {
    const now = Date.now();
    const values: Record<string, string> = {};
    const fetch: string[] = [];
    const held: string[] = [];
    let lease: string | undefined;
    for (const key of new Set(keys)) {
      const stored = this.ctx.storage.kv.get<Stored>(key);
      if (stored && now - stored.readAt < maxAgeMs) {
        values[key] = stored.value;
        continue;
      }
      const leased = this.#leases.get(key);
      if (!leased || leased.expiresAt <= now) {
        lease ??= crypto.randomUUID();
        this.#leases.set(key, { id: lease, expiresAt: now + leaseMs });
        fetch.push(key);
        continue;
      }
      held.push(key);
    }
    return { values, fetch, lease, held };
  }

  /** Waits up to `waitMs` for the values of keys another caller is fetching; a key already filled or no longer leased answers at once. */
  async wait(keys: string[], { maxAgeMs, waitMs }: { maxAgeMs: number; waitMs: number }): Promise<EntityWait> {
    const values: Record<string, string> = {};
    const failed: string[] = [];
    await Promise.all(
      keys.map(async (key) => {
        const stored = this.ctx.storage.kv.get<Stored>(key);
        const now = Date.now();
        const leased = (this.#leases.get(key)?.expiresAt ?? 0) > now;
        if (!leased) return void (stored && now - stored.readAt < maxAgeMs ? (values[key] = stored.value) : failed.push(key));
        await this.#wait(key, waitMs).then(
          (value) => void (values[key] = value),
          () => void failed.push(key),
        );
      }),
    );
    return { values, failed };
  }

  /** Values read from the origin at `readAt`; one read before a purge of its key is not kept. */
  fill(lease: string | undefined, readAt: number, values: Record<string, string>): void {
    for (const [key, value] of Object.entries(values)) {
      if (readAt >= (this.#purgedAt.get(key) ?? 0)) this.ctx.storage.kv.put<Stored>(key, { value, readAt });
      this.#settle(key, lease, (waiter) => waiter.resolve(value));
    }
  }

  /** The leader's fetch failed: its waiters fetch for themselves. */
  release(lease: string | undefined, keys: string[]): void {
    for (const key of keys) this.#settle(key, lease, (waiter) => waiter.reject());
  }

  /** Forgets the keys, or every key; their waiters fetch for themselves rather than take what a leader read before the purge. */
  purge(keys: string[] | 'all'): void {
    const now = Date.now();
    const purged = keys === 'all' ? new Set([...[...this.ctx.storage.kv.list<Stored>()].map(([key]) => key), ...this.#leases.keys()]) : keys;
    for (const key of purged) {
      this.ctx.storage.kv.delete(key);
      this.#purgedAt.set(key, now);
      this.#settle(key, undefined, (waiter) => waiter.reject());
      this.#leases.delete(key);
    }
  }

  #settle(key: string, lease: string | undefined, settle: (waiter: Waiter) => void): void {
    if (lease && this.#leases.get(key)?.id === lease) this.#leases.delete(key);
    const waiters = this.#waiters.get(key);
    this.#waiters.delete(key);
    for (const waiter of waiters ?? []) settle(waiter);
  }

  #wait(key: string, waitMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const waiters = this.#waiters.get(key) ?? new Set<Waiter>();
      this.#waiters.set(key, waiters);
      const timer = setTimeout(() => waiter.reject(), waitMs);
      const waiter: Waiter = {
        resolve: (value) => (clearTimeout(timer), waiters.delete(waiter), resolve(value)),
        reject: () => (clearTimeout(timer), waiters.delete(waiter), reject(new Error('[entity-cache] leader failed'))),
      };
      waiters.add(waiter);
    });
  }
}

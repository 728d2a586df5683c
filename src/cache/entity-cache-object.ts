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
  waitMs: number;
}

export interface EntityRead {
  /** Fresh values by key, as JSON text. */
  values: Record<string, string>;
  /** Keys the caller must fetch and `fill`: it leads for them, or the leader it waited for failed. */
  fetch: string[];
  lease: string | undefined;
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

  async read(keys: string[], { maxAgeMs, leaseMs, waitMs }: EntityReadOptions): Promise<EntityRead> {
    const now = Date.now();
    const values: Record<string, string> = {};
    const fetch: string[] = [];
    const waits: Promise<void>[] = [];
    let lease: string | undefined;
    for (const key of new Set(keys)) {
      const stored = this.ctx.storage.kv.get<Stored>(key);
      if (stored && now - stored.readAt < maxAgeMs) {
        values[key] = stored.value;
        continue;
      }
      const held = this.#leases.get(key);
      if (!held || held.expiresAt <= now) {
        lease ??= crypto.randomUUID();
        this.#leases.set(key, { id: lease, expiresAt: now + leaseMs });
        fetch.push(key);
        continue;
      }
      waits.push(
        this.#wait(key, waitMs).then(
          (value) => void (values[key] = value),
          () => void fetch.push(key),
        ),
      );
    }
    await Promise.all(waits);
    return { values, fetch, lease };
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

  /** Forgets the keys, or every key. */
  purge(keys: string[] | 'all'): void {
    const now = Date.now();
    const purged = keys === 'all' ? [...this.ctx.storage.kv.list<Stored>()].map(([key]) => key) : keys;
    for (const key of purged) {
      this.ctx.storage.kv.delete(key);
      this.#purgedAt.set(key, now);
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

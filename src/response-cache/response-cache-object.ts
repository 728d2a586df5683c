import { DurableObject } from 'cloudflare:workers';
import { deadAt, freshness, type CacheEntry } from '../single-flight/entry.ts';
import { Leases, type Lease } from '../single-flight/leases.ts';
import { serves, swrDecision } from '../single-flight/swr-decision.ts';

/** An answer that the leader could not or would not cache, handed to the requests that waited for it. */
export interface UncachedAnswer {
  status: number;
  body: string;
  contentType: string;
  /** Not fit to cache (not a 200, or it carries errors): a stale entry is better, where one may stand in. False for one that was only too large to store, or could not be stored. */
  uncacheable: boolean;
  /** The answer is its caller's own (see `isOwnAnswer` in fill.ts): never handed to another request, which runs its own instead. */
  personal?: boolean;
}

export type LookupResult =
  /** Serve it. `stale` with a lease: serve it and refresh in the background. */
  | { status: 'fresh'; entry: CacheEntry }
  | { status: 'stale'; entry: CacheEntry; lease?: string }
  /** Nothing servable: execute, then `store` or `abandon`. `fallback` may stand in if execution fails. */
  | { status: 'lead'; lease: string; fallback?: CacheEntry }
  /** Waited for the leader: its result. */
  | { status: 'filled'; entry: CacheEntry }
  | { status: 'abandoned'; answer: UncachedAnswer; fallback?: CacheEntry }
  /** Waited past the timeout: the fallback if there is one, else the client is told to retry. */
  | { status: 'timeout'; fallback?: CacheEntry };

export interface LookupOptions {
  leaseMs: number;
  waitMs: number;
}

const ENTRY = 'entry';
const LEASE = 'lease';
const PURGED_AT = 'purgedAt';
/** The object holds one key: its own. */
const KEY = '';

/**
 * One object per cache key: it holds the authoritative entry and the lease, so
 * that exactly one request anywhere refreshes the key while every other one is
 * served the stale entry (Varnish grace, RFC 5861) or waits for the leader's
 * result (nginx proxy_cache_lock, Varnish's waiting list) instead of calling
 * the origin. Durable Objects are single-threaded and globally unique, which
 * is what makes this a lock across every isolate.
 */
export class ResponseCacheObject extends DurableObject<Env> {
  #entry: CacheEntry | undefined;
  #purgedAt: number;
  #leases = new Leases<LookupResult>({
    lead: (_, lease) => ({ status: 'lead', lease, fallback: this.#fallback() }),
    timeout: () => ({ status: 'timeout', fallback: this.#fallback() }),
    persist: (_, lease) => (lease ? this.ctx.storage.kv.put(LEASE, lease) : this.ctx.storage.kv.delete(LEASE)),
  });

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.#entry = ctx.storage.kv.get<CacheEntry>(ENTRY);
    this.#purgedAt = ctx.storage.kv.get<number>(PURGED_AT) ?? 0;
    const lease = ctx.storage.kv.get<Lease>(LEASE);
    if (lease) this.#leases.restore(KEY, lease);
  }

  lookup({ leaseMs, waitMs }: LookupOptions): LookupResult | Promise<LookupResult> {
    const now = Date.now();
    const entry = this.#entry;
    const state = entry ? freshness(entry, now) : 'dead';
    const decision = swrDecision(state, this.#leases.isFree(KEY, now));
    if (entry && serves(decision)) {
      // The caller labels the answer by it: HIT or STALE.
      if (state === 'fresh') return { status: 'fresh', entry };
      return { status: 'stale', entry, lease: decision === 'serve-and-refresh' ? this.#leases.grant(KEY, now, leaseMs) : undefined };
    }
    if (decision === 'lead') return { status: 'lead', lease: this.#leases.grant(KEY, now, leaseMs), fallback: this.#fallback() };
    return this.#leases.wait(KEY, waitMs, leaseMs);
  }

  store(lease: string, entry: CacheEntry): void {
    // The leader's result. Stored unless something newer, or a purge after it started, is already there.
    const current = this.#entry;
    if (entry.createdAt >= this.#purgedAt && (!current || entry.createdAt >= current.createdAt)) {
      this.#entry = entry;
      this.ctx.storage.kv.put(ENTRY, entry);
      void this.ctx.storage.setAlarm(deadAt(entry));
    }
    this.#leases.finish(KEY, lease, { status: 'filled', entry });
  }

  abandon(lease: string, answer: UncachedAnswer): void {
    // The leader got an answer it must not cache; its waiters get that answer (or the fallback).
    this.#leases.finish(KEY, lease, { status: 'abandoned', answer, fallback: answer.uncacheable ? this.#fallback() : undefined });
  }

  purge(soft: boolean, leaseMs: number): boolean {
    // Hard: the entry is gone. Soft: it is stale from now, served while one
    // request refreshes it. Either way a result read before now is not stored,
    // and the lease is dropped so that the next request reads afresh; if
    // requests are waiting, one of them leads at once and the others wait for it.
    // Answers whether there was an entry to purge.
    const now = Date.now();
    const had = this.#entry !== undefined;
    this.#purgedAt = now;
    this.ctx.storage.kv.put(PURGED_AT, now);
    if (this.#entry && soft) {
      this.#entry = { ...this.#entry, staleAt: Math.min(now, this.#entry.staleAt ?? now) };
      this.ctx.storage.kv.put(ENTRY, this.#entry);
    } else if (this.#entry) {
      this.#entry = undefined;
      this.ctx.storage.kv.delete(ENTRY);
    }
    this.#leases.handOver(KEY, now, leaseMs);
    return had;
  }

  override alarm(): void {
    const entry = this.#entry;
    if (entry && freshness(entry, Date.now()) === 'dead') {
      this.#entry = undefined;
      this.ctx.storage.kv.delete(ENTRY);
    }
  }

  #fallback(): CacheEntry | undefined {
    const entry = this.#entry;
    if (!entry) return undefined;
    const state = freshness(entry, Date.now());
    return state === 'stale' || state === 'error' ? entry : undefined;
  }
}

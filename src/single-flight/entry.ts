import type { CachePolicy } from '../cache-hints/policy.ts';

/** One cached response, as the key's Durable Object stores it and the memory tier holds it. */
export interface CacheEntry {
  /** The response body exactly as first served. */
  body: string;
  etag: string;
  /** Epoch milliseconds when the origin's data was read. */
  createdAt: number;
  policy: CachePolicy;
  /** `Type:id` records (and bare type names) for invalidation. */
  entities: string[];
  /** Set by a soft purge: the entry stops being fresh here, though its stale windows stay. */
  staleAt?: number;
}

/**
 * Where an entry stands at `now` (RFC 5861): `fresh` until maxAge (or a soft
 * purge), `stale` while it may be served as one request revalidates, `error`
 * while it may only stand in for a failed revalidation, then `dead`.
 * The stale windows are measured from `createdAt`, so that a soft purge makes
 * an entry stale without making it live longer.
 */
export type Freshness = 'fresh' | 'stale' | 'error' | 'dead';

/** What freshness is judged on: a cached response, or a cached field value (its `readAt` as `createdAt`). */
export interface Dated {
  createdAt: number;
  staleAt?: number;
  policy: Pick<CachePolicy, 'maxAge' | 'staleWhileRevalidate' | 'staleIfError'>;
}

export function freshness(entry: Dated, now: number): Freshness {
  const { maxAge, staleWhileRevalidate, staleIfError } = entry.policy;
  const expiresAt = Math.min(entry.createdAt + maxAge * 1000, entry.staleAt ?? Infinity);
  if (now < expiresAt) return 'fresh';
  if (now < entry.createdAt + (maxAge + staleWhileRevalidate) * 1000) return 'stale';
  if (now < entry.createdAt + (maxAge + staleIfError) * 1000) return 'error';
  return 'dead';
}

/** When the entry is of no use any more, for storage clean-up. */
export function deadAt(entry: Dated): number {
  const { maxAge, staleWhileRevalidate, staleIfError } = entry.policy;
  return entry.createdAt + (maxAge + Math.max(staleWhileRevalidate, staleIfError)) * 1000;
}

/** Seconds since the data was read, for the `Age` header (RFC 9111 §5.1). */
export function ageOf(entry: CacheEntry, now: number): number {
  return Math.max(0, Math.floor((now - entry.createdAt) / 1000));
}

/** Rough size in memory and storage: the body dominates. */
export function sizeOf(entry: CacheEntry): number {
  return entry.body.length * 2 + entry.entities.reduce((n, entity) => n + entity.length * 2, 256);
}

/** Whether `text` takes more than `maxBytes` in UTF-8: encoded only when its length alone cannot tell (each UTF-16 unit is 1 to 3 bytes). */
export function exceedsBytes(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return new TextEncoder().encode(text).byteLength > maxBytes;
}

/** What a request is answered with (a stored entry, a response made, or a refusal), counted under its cache status. */
import type { CacheStats, CacheStatus } from '../shared/cache-stats.ts';
import type { Refusal } from '../shared/refusal.ts';
import { FAILED_OVER, NOTHING_RAN, type RequestTrace } from '../shared/trace.ts';
import { freshness, type CacheEntry } from '../single-flight/entry.ts';
import type { MemoryTier } from './memory-tier.ts';
import type { UncachedAnswer } from './response-cache-object.ts';

/**
 * What the cache decided for one request: a stored entry to answer with (the
 * http stage builds its response, headers and all, at once), a response
 * already made (Yoga's), or a refusal for the http stage to answer.
 */
export type Served = {
  cache: CacheStatus;
  operationName: string | null;
  /** The origin calls this request waited for (a background refresh's are not). */
  trace: Readonly<RequestTrace>;
  /** The cache key, for the `x-cache-key` header; none for requests that were never keyed. */
  key?: string;
  /** The document's hash, once the request's text was read (prepare.ts). */
  documentHash?: string;
} & ({ entry: CacheEntry } | { response: Response } | { refusal: Refusal });

/** What a lookup of the key's object came to, shared by the requests of this isolate that waited for it. */
export type Decision = { cache: CacheStatus; trace: Readonly<RequestTrace>; superseded?: boolean } & (
  | { entry: CacheEntry }
  | { answer: UncachedAnswer }
  | { refusal: Refusal }
);

/** Nobody could answer in time: the client is asked to come back shortly. */
export const BUSY: Refusal = { status: 503, code: 'ORIGIN_BUSY', message: 'The origin is busy; retry shortly.', retryAfter: 1 };
export const BUSY_DECISION: Decision = { refusal: BUSY, cache: 'MISS', trace: NOTHING_RAN };

export function served(
  stats: CacheStats,
  answer: { entry: CacheEntry } | { response: Response } | { refusal: Refusal },
  cache: CacheStatus,
  operationName: string | null,
  trace: Readonly<RequestTrace>,
  key?: string,
): Served {
  stats[cache]++;
  return { ...answer, cache, operationName, trace, key };
}

/** Refused before it cost anything: no cache lookup, no origin call. */
export function refused(stats: CacheStats, refusal: Refusal, operationName: string | null): Served {
  return served(stats, { refusal }, 'BYPASS', operationName, NOTHING_RAN);
}

export function toServed(stats: CacheStats, decision: Decision, operationName: string | null, key: string, trace: Readonly<RequestTrace>): Served {
  const answer =
    'entry' in decision ? { entry: decision.entry } : 'refusal' in decision ? { refusal: decision.refusal } : { response: uncached(decision.answer, decision.cache) };
  return served(stats, answer, decision.cache, operationName, trace, key);
}

/** A copy from memory answers at once, as a HIT or a STALE, if it is within its fresh or stale window. */
export function fromCopy(stats: CacheStats, copy: CacheEntry | undefined, now: number, key: string, operationName: string | null): Served | undefined {
  const state = copy && freshness(copy, now);
  if (copy && (state === 'fresh' || state === 'stale')) return served(stats, { entry: copy }, state === 'fresh' ? 'HIT' : 'STALE', operationName, NOTHING_RAN, key);
  return undefined;
}

/** When no answer can be had in time: the memory copy while it may stand in, else the client is told to retry. */
export function fallbackOrBusy(memory: MemoryTier, key: string): Decision {
  const fallback = memory.peek(key);
  const usable = fallback && freshness(fallback, Date.now()) !== 'dead';
  return usable ? { entry: fallback, cache: 'STALE', trace: FAILED_OVER } : BUSY_DECISION;
}

function uncached(answer: UncachedAnswer, cache: CacheStatus): Response {
  return new Response(answer.body, { status: answer.status, headers: { 'content-type': answer.contentType, 'cache-control': 'no-store', 'x-cache': cache } });
}

import type { Freshness } from './entry.ts';

/**
 * What a caller does with a key, stale-while-revalidate style (RFC 5861),
 * given how fresh its cached value is and whether the key's lease is free:
 * `serve` the value as it is; `serve-and-refresh`: serve it, take the lease
 * and refresh it in the background; `lead`: nothing servable, take the lease
 * and fetch; `wait` for the caller that holds the lease.
 */
export type SwrDecision = 'serve' | 'serve-and-refresh' | 'lead' | 'wait';

/**
 * The one place the response cache and the field cache decide this. An
 * absent value counts as `dead`; one that may only stand in for errors
 * (`error`) is not served, since a fetch may still succeed.
 */
export function swrDecision(state: Freshness, leaseFree: boolean): SwrDecision {
  if (state === 'fresh') return 'serve';
  if (state === 'stale') return leaseFree ? 'serve-and-refresh' : 'serve';
  return leaseFree ? 'lead' : 'wait';
}

/** Whether the decision serves the cached value, refreshing it or not. */
export function serves(decision: SwrDecision): decision is 'serve' | 'serve-and-refresh' {
  return decision === 'serve' || decision === 'serve-and-refresh';
}

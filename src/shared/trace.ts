import type { OriginSharing } from './origin-sharing.ts';

/** What one request did: read by the response cache, Server-Timing and the log line. */
export interface RequestTrace {
  originCalls: number;
  originMs: number;
  /** The private scope the response is cached under, if any. */
  scope: string | null;
  /** Set when the result may be cached: the `Type:id` records and type names it contains. */
  entities: string[] | undefined;
  /** `@cacheTag` tags of what the result contains, indexed with `entities`. */
  tags: Set<string>;
  /** When the first cached connector value the result used stops being fresh: the response is fresh no longer. */
  freshUntil: number | undefined;
  /** A stale response's refresh in the background: nobody waits, so it reads past stale field values to the origin. */
  revalidating: boolean;
  /** What a mutation changed, to purge once it is done. */
  invalidations: Set<string>;
  /** Seconds the client should wait before retrying, when the origin shield refused a call. */
  retryAfter: number;
  /** The client headers (lower-case) that the connectors which ran may forward upstream: a cached answer must vary on all of them. */
  forwarded: Set<string>;
  /** The least shareable of the origin's answers: `private` or `no-store` keeps the response out of shared caches. */
  originSharing: OriginSharing;
  /** A cached answer or field value stood in because the origin failed or did not answer in time: counted by the analytics. */
  staleOnFailure: boolean;
  /** `extensions.code` of each error in the response Yoga made (`(none)` for one without), set once it is made: counted by the analytics. */
  errorCodes: readonly string[];
}

/** For answers that ran nothing (hits, refusals): shared, never written to. */
export const NOTHING_RAN: Readonly<RequestTrace> = Object.freeze(createTrace());

/** For a stored answer served because the origin failed (its fallback): ran nothing itself. */
export const FAILED_OVER: Readonly<RequestTrace> = Object.freeze({ ...createTrace(), staleOnFailure: true });

export function createTrace(scope: string | null = null): RequestTrace {
  return { originCalls: 0, originMs: 0, scope, entities: undefined, tags: new Set(), freshUntil: undefined, revalidating: false, invalidations: new Set(), retryAfter: 0, forwarded: new Set(), originSharing: 'shared', staleOnFailure: false, errorCodes: [] };
}

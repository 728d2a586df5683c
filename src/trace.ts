/** What one request did: read by the response cache, Server-Timing and the log line. */
export interface RequestTrace {
  originCalls: number;
  originMs: number;
  /** The private scope the response is cached under, if any. */
  scope: string | null;
  /** Set when the result may be cached: the `Type:id` records and type names it contains. */
  entities: string[] | undefined;
  /** What a mutation changed, to purge once it is done. */
  invalidations: Set<string>;
  /** Seconds the client should wait before retrying, when the origin shield refused a call. */
  retryAfter: number;
}

/** For answers that ran nothing (hits, refusals): shared, never written to. */
export const NOTHING_RAN: Readonly<RequestTrace> = Object.freeze(createTrace());

export function createTrace(scope: string | null = null): RequestTrace {
  return { originCalls: 0, originMs: 0, scope, entities: undefined, invalidations: new Set(), retryAfter: 0 };
}

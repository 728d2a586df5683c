/** The two events the gateway records: one per GraphQL request, one per connector call. Leaf. */
import type { RequestTrace } from '../shared/trace.ts';
import type { FieldState, RequestState } from './snapshot.ts';

export interface RequestRecord {
  operationName: string | null;
  /** The document's hash (the persisted id or the query's SHA-256, hex); null when the request was refused before it was read. */
  documentHash: string | null;
  state: RequestState;
  latencyMs: number;
  /** The response body's length, when known without reading it (a stored entry, a Content-Length); else 0. */
  bytes: number;
  /** `extensions.code` of the response's errors, each once. */
  errorCodes: readonly string[];
  originCalls: number;
  /** Served stale because a refresh from the origin failed. */
  staleOnFailure: boolean;
  /** What ran for it, as an identity only: the OTLP exporter makes the connector calls recorded with the same trace children of this request's span. */
  trace?: Readonly<RequestTrace>;
}

export interface ConnectorRecord {
  /** `Query.products`, or the type for an entity connector (`Product`). */
  coordinate: string;
  state: FieldState;
  /** The origin's status; `error` when the call failed without one; undefined when no origin call was made (a cache read). */
  status: number | 'error' | undefined;
  durationMs: number;
  batchSize: number;
  /** The connector has a field-cache policy. */
  cached: boolean;
  error: boolean;
  /** The trace of the request it ran for (see `RequestRecord.trace`). */
  trace?: Readonly<RequestTrace>;
}

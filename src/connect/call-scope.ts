/**
 * What one request's connector calls share: made per request by
 * request-connectors.ts, read by both call paths, the cached field call
 * (field-call.ts) and the batched entity loads (entity-loads.ts).
 */
import type { FieldCache, FieldRead } from '../field-cache/field-cache.ts';
import type { FieldPolicy } from '../field-cache/field-policy.ts';
import type { OriginAnswer } from '../upstream/client.ts';
import type { ConnectorPlan, GatewayPlan } from './connector-plan.ts';
import type { ConnectorRequest } from './http-request.ts';
import type { Variables } from './selection.ts';

export interface CallScope {
  plan: GatewayPlan;
  /** Read as each call starts: a mutation's `bypassCache` empties it, and later calls read the origin directly. */
  fieldCache: FieldCache | undefined;
  /** A connector's field-cache policy (by field, or by entity type) for this request; none: it is called uncached. */
  policyOf(name: string): FieldPolicy | undefined;
  /** The connector's selection reads variables beside the origin's answer: see mapAnswer and the field call's cache key. */
  readsVariables(connector: ConnectorPlan): boolean;
  /** A connector's variables for its own (`args`, `this` or `batch`), and the request they make. */
  prepare(connector: ConnectorPlan, own: Variables): { variables: Variables; request: ConnectorRequest };
  /** Sends a connector's request (`name`: its field, or its entity type), notes its answer, and records the call (`batchSize`: the keys it carries, 1 unless batched). */
  send(name: string, request: ConnectorRequest, batchSize?: number): Promise<OriginAnswer<unknown>>;
  /** What the caller's request reached upstream, for the response cache: which of its headers, and whether the origin let the answer be shared. */
  note(name: string, answer?: OriginAnswer<unknown>): void;
  /** An answer mapped to the connector's value (map-answer.ts); what its selection could not find is kept for the response's errors. */
  mapAnswer(connector: ConnectorPlan, answer: OriginAnswer<unknown>, variables: Variables): unknown;
  /**
   * Values the field cache answered since `startedAt`: the response is fresh
   * no longer than the oldest, and what came from the cache rather than this
   * caller's own fetch (which `send` recorded) is recorded, a call per state.
   */
  noteReads(name: string, reads: readonly FieldRead[], policy: FieldPolicy, startedAt: number): void;
  /** Work that outlives the response: background refreshes. */
  background(work: Promise<unknown>): void;
}

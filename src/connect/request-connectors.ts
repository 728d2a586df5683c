/**
 * A request's connectors, what its resolvers call: made per request over
 * what the isolate worked out once (connectors.ts), noting in the request's
 * trace what each call read, for the response cache.
 */
import type { ConnectorRecord } from '../analytics/records.ts';
import type { FieldState } from '../analytics/snapshot.ts';
import type { FieldCache } from '../field-cache/field-cache.ts';
import type { FieldPolicy } from '../field-cache/field-policy.ts';
import type { OriginClient } from '../upstream/client.ts';
import { UpstreamError } from '../upstream/upstream-error.ts';
import type { RequestTrace } from '../shared/trace.ts';
import type { CallScope } from './call-scope.ts';
import type { ConnectorPlan, GatewayPlan } from './connector-plan.ts';
import { entityLoaders } from './entity-loads.ts';
import { identityOf } from './entity-key.ts';
import { callField } from './field-call.ts';
import { buildRequest, connectorVariables, type SourceSettings } from './http-request.ts';
import type { MappingError } from './mapping/index.ts';
import { mapAnswer, type MapValue } from './map-answer.ts';
import { placeErrors, Provenance, type MappingProblem } from './provenance.ts';
import { applySelection, type Variables } from './selection.ts';

/** What escape-hatch resolvers (and the generated ones) call: the declared connectors, by name, with their batching and caching. */
export interface Connectors {
  /** Runs the connector of a field (`Query.products`) with these arguments and parent value; answers its selection's result. */
  run(name: string, variables?: { args?: Record<string, unknown>; parent?: unknown }): Promise<unknown>;
  /** An entity by key (its value; for a composite key an object of its fields) through its type's connector, batched with every other `load` of this request: null when the origin has none. */
  load(type: string, key: unknown): Promise<Record<string, unknown> | null>;
}

/** For the generated resolvers: the origin's body as well as the mapped value (mutations' `@invalidates` read both). */
export interface RequestConnectors extends Connectors {
  /** `body` is undefined for a value the field cache served: it keeps the selection's value alone, and only queries read it. */
  call(name: string, variables: Variables): Promise<{ body: unknown; value: unknown }>;
  /** The operation is a mutation: read the origin directly, so that its answer shows its own write. */
  bypassCache(): void;
  /** Which connector made each value of the response, and what its mapping could not find: for the errors of those values (resolvers.ts records the paths). */
  readonly provenance: Provenance;
}

export interface RequestOptions {
  origin: OriginClient;
  /** The client's request headers, for the headers a connector forwards. */
  headers: Headers;
  trace: RequestTrace;
  fieldCache: FieldCache | undefined;
  /** Work that outlives the response: background refreshes. */
  background(work: Promise<unknown>): void;
}

/** What the isolate worked out once about its connectors, by field (`Query.product`) or by entity type. */
export interface ConnectorSetup {
  plan: GatewayPlan;
  /** `$env`, by NAME. */
  env: Record<string, string>;
  /** Keys per batched call at most. */
  maxBatchSize: number;
  /** Each connector's field-cache policy; none: not cached per call. */
  policies: ReadonlyMap<string, FieldPolicy | undefined>;
  /** The client headers each connector copies into its requests. */
  forwarded: ReadonlyMap<string, string[]>;
  /** The keyed type a field connector answers with, whose entities its cached calls are indexed under. */
  keyedTypes: ReadonlyMap<string, string>;
  /** The names of the connectors whose selection reads variables beside the origin's answer. */
  readsVariables: ReadonlySet<string>;
  settingsOf(connector: ConnectorPlan): SourceSettings;
  /** Told of every connector call: an origin call, or values the field cache answered (the analytics). */
  record(record: ConnectorRecord): void;
  /** Logs a mapping problem once per isolate, however often the data lacks it. */
  logOnce(connector: ConnectorPlan, problems: readonly MappingProblem[]): void;
}

export function createRequestConnectors(setup: ConnectorSetup, { origin, headers, trace, fieldCache, background }: RequestOptions): RequestConnectors {
  const { plan, env } = setup;
  const record = (name: string, state: FieldState, status: ConnectorRecord['status'], startedAt: number, batchSize: number, error: boolean) =>
    setup.record({ coordinate: name, state, status, durationMs: Date.now() - startedAt, batchSize, cached: setup.policies.get(name) !== undefined, error, trace });
  const provenance = new Provenance();
  /** A connector's selection applied to `data`; what it could not find is kept for this response's errors, and logged. */
  const mapValue: MapValue = (connector, data, variables) => {
    const errors: MappingError[] = [];
    const value = applySelection(connector.selection, data, variables, 'null', errors);
    if (errors.length) {
      const problems = placeErrors(connector.selection, errors);
      provenance.mappingProblems(connector.name, problems);
      setup.logOnce(connector, problems);
    }
    return value;
  };
  const scope: CallScope = {
    plan,
    fieldCache,
    policyOf(name) {
      const policy = setup.policies.get(name);
      // A response refreshing in the background serves nobody yet: it waits for stale values' refresh rather than store them again.
      return policy && trace.revalidating ? { ...policy, staleWhileRevalidate: 0 } : policy;
    },
    readsVariables: (connector) => setup.readsVariables.has(connector.name),
    prepare(connector, own) {
      const settings = setup.settingsOf(connector);
      const variables = connectorVariables(connector, own, settings, env, headers);
      return { variables, request: buildRequest(connector, variables, settings, headers) };
    },
    async send(name, request, batchSize = 1) {
      const startedAt = Date.now();
      let answer;
      try {
        answer = await origin.request(request);
      } catch (error) {
        record(name, 'miss', (error instanceof UpstreamError && error.status) || 'error', startedAt, batchSize, true);
        throw error;
      }
      record(name, 'miss', answer.status, startedAt, batchSize, answer.status >= 400);
      scope.note(name, answer);
      return answer;
    },
    note(name, answer) {
      for (const header of setup.forwarded.get(name) ?? []) trace.forwarded.add(header);
      if (answer && answer.sharing !== 'shared' && trace.originSharing !== 'no-store') trace.originSharing = answer.sharing;
    },
    mapAnswer: (connector, answer, variables) => mapAnswer(connector, answer, variables, scope.readsVariables(connector), mapValue),
    noteReads(name, reads, policy, startedAt) {
      const served: Partial<Record<FieldState, number>> = {};
      for (const read of reads) {
        const until = read.readAt + policy.maxAge * 1000;
        trace.freshUntil = Math.min(trace.freshUntil ?? until, until);
        if (read.failedOver) trace.staleOnFailure = true;
        if (read.state !== 'miss') served[read.state] = (served[read.state] ?? 0) + 1;
      }
      for (const state in served) record(name, state as FieldState, undefined, startedAt, served[state as FieldState]!, false);
    },
    background,
  };
  const loaderOf = entityLoaders(scope, setup.maxBatchSize);

  const connectors: RequestConnectors = {
    bypassCache: () => void (scope.fieldCache = undefined),
    provenance,
    async call(name, variables) {
      const connector = plan.fields.get(name);
      if (!connector) throw new Error(`[connect] no connector is declared on ${name}`);
      if (connector.http) return callField(scope, connector, variables, setup.keyedTypes.get(name));
      return { body: variables.this, value: mapValue(connector, variables.this, variables) };
    },
    async run(name, { args = {}, parent } = {}) {
      return (await connectors.call(name, { args, this: parent })).value;
    },
    load(type, key) {
      // A composite key is given as an object of its fields; a single one as its value.
      const identity = key !== null && typeof key === 'object' ? identityOf(key, plan.keys.get(type) ?? '') : key == null ? undefined : String(key);
      return identity === undefined ? Promise.resolve(null) : loaderOf(type).load(identity);
    },
  };
  return connectors;
}

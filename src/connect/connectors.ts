/**
 * The connectors' runtime, built once per isolate: each connector's cache
 * policy, the client headers it forwards, its source's settings; `forRequest`
 * makes a request's connectors over them (request-connectors.ts).
 */
import { getNamedType } from 'graphql';
import type { FieldPolicy } from '../field-cache/field-policy.ts';
import type { CacheHint, CacheHints } from '../cache-hints/policy.ts';
import type { ConnectorRecord } from '../analytics/records.ts';
import { logEvent } from '../shared/log-event.ts';
import type { ConnectorPlan, GatewayPlan } from './connector-plan.ts';
import { forwardedHeaders, type SourceSettings } from './http-request.ts';
import { createRequestConnectors, type ConnectorSetup, type RequestConnectors, type RequestOptions } from './request-connectors.ts';
import { variablesRead } from './selection.ts';

export interface ConnectorRuntimeOptions {
  /** The schema's `@cacheControl` hints, as the response cache reads them. */
  hints: CacheHints;
  plan: GatewayPlan;
  /** Client headers that identify a caller (lower-case): a connector forwarding one is not cached per field. */
  identityHeaders: readonly string[];
  /** Base URL by source name, after `ORIGIN_URL` / `ORIGIN_URL_<SOURCE>`. */
  baseUrls: ReadonlyMap<string, string>;
  /** `$config` by source name (`CONFIG_<key>` vars and secrets); none: empty. */
  sourceConfig?: ReadonlyMap<string, Record<string, string>>;
  /** `$env`: the `ENV_<NAME>` vars and secrets, by NAME. */
  env?: Record<string, string>;
  /** Keys per batched call at most; larger loads are split. */
  maxBatchSize: number;
  /** Told of every connector call (the analytics); none: not recorded. */
  record?: (record: ConnectorRecord) => void;
}

export function createConnectorRuntime({ hints, plan, identityHeaders, baseUrls, sourceConfig, env = {}, maxBatchSize, record = () => {} }: ConnectorRuntimeOptions) {
  if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) throw new Error(`[connect] maxBatchSize must be a positive integer, got ${maxBatchSize}`);
  const { schema } = hints;
  const identity = new Set(identityHeaders);
  /** The named type `type.field` returns in the served schema; none for a field `@inaccessible` hides (its connector serves no client). */
  const returnTypeOf = (type: string, field: string): string | undefined => {
    const parent = schema.getType(type);
    const definition = parent && 'getFields' in parent ? parent.getFields()[field] : undefined;
    return definition && getNamedType(definition.type).name;
  };
  const policies = new Map<string, FieldPolicy | undefined>();
  /** The client headers each connector (by field, or by entity type) copies into its requests. */
  const forwarded = new Map<string, string[]>();
  /** The keyed type a field connector answers with, whose entities its cached calls are indexed under. */
  const keyedTypes = new Map<string, string>();
  for (const [name, connector] of plan.fields) {
    const [type, field] = name.split('.') as [string, string];
    forwarded.set(name, forwardedHeaders(connector));
    const forwardsIdentity = forwarded.get(name)!.some((header) => identity.has(header));
    policies.set(name, forwardsIdentity ? undefined : cachePolicy(connector, hints.ofField(type, field)));
    const named = returnTypeOf(type, field);
    if (named && plan.keys.has(named)) keyedTypes.set(name, named);
  }
  for (const [type, entity] of plan.entities) {
    forwarded.set(type, forwardedHeaders(entity));
    // An entity's cached value is kept under its record (`Product:7`), which purges name: one that varies by a caller's header is not cached per field.
    policies.set(type, forwarded.get(type)!.length ? undefined : cachePolicy(entity, hints.ofType(type)));
  }

  const settingsBySource = new Map(
    [...baseUrls].map(([name, baseUrl]): [string, SourceSettings] => [name, { baseUrl, origins: new Set([new URL(baseUrl).origin]), config: sourceConfig?.get(name) ?? {} }]),
  );
  const withoutSource: SourceSettings = { baseUrl: '', origins: new Set([...baseUrls.values()].map((url) => new URL(url).origin)), config: {} };
  /** The places in selections (`Query.person 12`, an offset in its text) whose mapping problem this isolate has logged: each once, however often the data lacks it. */
  const loggedProblems = new Set<string>();
  const setup: ConnectorSetup = {
    plan,
    env,
    maxBatchSize,
    policies,
    forwarded,
    keyedTypes,
    readsVariables: new Set([...plan.fields.values(), ...plan.entities.values()].filter((connector) => variablesRead(connector.selection).length).map((connector) => connector.name)),
    record,
    settingsOf: (connector) => (connector.source ? settingsBySource.get(connector.source.name)! : withoutSource),
    logOnce(connector, problems) {
      for (const { message, offset, field } of problems) {
        const place = `${connector.name} ${offset}`;
        if (loggedProblems.has(place)) continue;
        loggedProblems.add(place);
        logEvent('warn', 'connector-mapping-problem', { connector: connector.name, where: connector.where, field: field.join('.'), message });
      }
    },
  };

  return {
    /** Every client header some connector forwards, for CORS preflights. */
    forwardedHeaders: [...new Set([...forwarded.values()].flat())],

    /**
     * The client headers that resolving `type.field` may forward upstream:
     * its own connector's, and the entity connector of the type it returns
     * (stubs of it are completed by key). For the response cache's key.
     */
    forwardedBy(type: string, field: string): string[] {
      return [...(forwarded.get(`${type}.${field}`) ?? []), ...(forwarded.get(returnTypeOf(type, field) ?? '') ?? [])];
    },

    forRequest: (options: RequestOptions): RequestConnectors => createRequestConnectors(setup, options),
  };
}

export type ConnectorRuntime = ReturnType<typeof createConnectorRuntime>;

/** Cached per call when the connector is a GET and its effective hint gives a maxAge and is PUBLIC (the caller's own data is cached per identity, in the response cache only). */
function cachePolicy(connector: ConnectorPlan, hint: CacheHint | undefined): FieldPolicy | undefined {
  if (!connector.http || connector.http.method !== 'GET' || !hint?.maxAge || hint.scope === 'PRIVATE') return undefined;
  return { maxAge: hint.maxAge, staleWhileRevalidate: hint.staleWhileRevalidate ?? 0, staleIfError: hint.staleIfError ?? 0 };
}

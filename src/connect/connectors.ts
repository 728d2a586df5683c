import DataLoader from 'dataloader';
import { getNamedType, GraphQLError } from 'graphql';
import type { CacheIndex } from '../invalidation/cache-index.ts';
import { fieldIndexKey, type FieldCache, type FieldPolicy } from '../field-cache/field-cache.ts';
import { deadAt } from '../single-flight/entry.ts';
import type { CacheHint, CacheHints } from '../cache-hints/policy.ts';
import type { OriginAnswer, OriginClient } from '../upstream/client.ts';
import { OriginError, originUnavailable } from '../upstream/origin-error.ts';
import { logEvent } from '../shared/log-event.ts';
import type { RequestTrace } from '../shared/trace.ts';
import type { ConnectorPlan, EntityPlan, GatewayPlan } from './connector-plan.ts';
import { identityOf, keyObject } from './entity-key.ts';
import { buildRequest, connectorVariables, forwardedHeaders, type SourceSettings } from './http-request.ts';
import type { MappingError } from './mapping/index.ts';
import { placeErrors, Provenance, type MappingProblem } from './provenance.ts';
import { applySelection, evaluate, variablesRead, type Variables } from './selection.ts';
import { expandTemplate } from './template.ts';

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
}

export interface RequestOptions {
  origin: OriginClient;
  /** The client's request headers, for the headers a connector forwards. */
  headers: Headers;
  trace: RequestTrace;
  fieldCache: FieldCache | undefined;
  /** Records which tags a cached call holds, for purges; with `fieldCache`. */
  index: CacheIndex | undefined;
  /** Work that outlives the response: background refreshes. */
  background(work: Promise<unknown>): void;
}

/** Built once per isolate: the connectors' cache policies; `forRequest` makes a request's loaders. */
export function createConnectorRuntime({ hints, plan, identityHeaders, baseUrls, sourceConfig, env = {}, maxBatchSize }: ConnectorRuntimeOptions) {
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
  const settingsOf = (connector: ConnectorPlan): SourceSettings => (connector.source ? settingsBySource.get(connector.source.name)! : withoutSource);
  /** Connectors whose selection reads variables beside the origin's answer: see mapAnswer and fieldCacheKey. */
  const readsVariables = new Set([...plan.fields.values(), ...plan.entities.values()].filter((connector) => variablesRead(connector.selection).length).map((connector) => connector.name));
  /** The places in selections (`Query.person 12`, an offset in its text) whose mapping problem this isolate has logged: each once, however often the data lacks it. */
  const loggedProblems = new Set<string>();
  function logOnce(connector: ConnectorPlan, problems: readonly MappingProblem[]): void {
    for (const { message, offset, field } of problems) {
      const place = `${connector.name} ${offset}`;
      if (loggedProblems.has(place)) continue;
      loggedProblems.add(place);
      logEvent('warn', 'connector-mapping-problem', { connector: connector.name, where: connector.where, field: field.join('.'), message });
    }
  }

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

    forRequest({ origin, headers, trace, fieldCache: cache, index, background }: RequestOptions): RequestConnectors {
      let fieldCache = cache;
      const provenance = new Provenance();
      /** A connector's selection applied to `data`; what it could not find is kept for this response's errors, and logged. */
      const mapValue: MapValue = (connector, data, variables) => {
        const errors: MappingError[] = [];
        const value = applySelection(connector.selection, data, variables, 'null', errors);
        if (errors.length) {
          const problems = placeErrors(connector.selection, errors);
          provenance.mappingProblems(connector.name, problems);
          logOnce(connector, problems);
        }
        return value;
      };
      // A response refreshing in the background serves nobody yet: it waits for stale values' refresh rather than store them again.
      const policyOf = (name: string): FieldPolicy | undefined => {
        const policy = policies.get(name);
        return policy && trace.revalidating ? { ...policy, staleWhileRevalidate: 0 } : policy;
      };
      const noteRead = (readAt: number, policy: FieldPolicy) => {
        const until = readAt + policy.maxAge * 1000;
        trace.freshUntil = Math.min(trace.freshUntil ?? until, until);
      };

      /** What the caller's request reached upstream, for the response cache: which of its headers, and whether the origin let the answer be shared. */
      function note(connector: string, answer?: OriginAnswer<unknown>): void {
        for (const header of forwarded.get(connector) ?? []) trace.forwarded.add(header);
        if (answer && answer.sharing !== 'shared' && trace.originSharing !== 'no-store') trace.originSharing = answer.sharing;
      }

      /** A field connector's call: through the field cache, which keeps the selection's value (not the origin's body), where its policy allows. */
      async function fetchField(connector: ConnectorPlan, fieldVariables: Variables): Promise<{ body: unknown; value: unknown }> {
        const settings = settingsOf(connector);
        const variables = connectorVariables(connector, fieldVariables, settings, env, headers);
        const request = buildRequest(connector, variables, settings, headers);
        const select = (answer: OriginAnswer<unknown>) => mapAnswer(connector, answer, variables, readsVariables.has(connector.name), mapValue);
        note(connector.name);
        const policy = policyOf(connector.name);
        if (!fieldCache || !policy) {
          const answer = await origin.request(request);
          note(connector.name, answer);
          return { body: answer.body, value: select(answer) };
        }
        const key = fieldCacheKey(connector, request.cacheKey, fieldVariables, readsVariables.has(connector.name));
        let refused = false;
        const reads = await fieldCache.load(
          [{ key, policy }],
          async () => {
            const readAt = Date.now();
            const answer = await origin.request(request);
            note(connector.name, answer);
            const value = select(answer);
            const values = new Map([[key, value]]);
            if (answer.sharing !== 'shared') return { values, personal: true };
            const tags = tagsOf(connector, fieldVariables, value);
            if (tags.length && index) refused = !(await index.add(fieldIndexKey(connector.name, key), tags, deadAt({ createdAt: readAt, policy }), readAt));
            return { values };
          },
          background,
        );
        // A purge of what it holds came while it was read: answer it, but do not keep it.
        if (refused) background(fieldCache.purge([key]));
        const read = reads.get(key)!;
        noteRead(read.readAt, policy);
        return { body: undefined, value: read.value };
      }

      /** The records a cached call is indexed under: its field's `@cacheTag`s, the entities it holds, and the entity it is a field of. */
      function tagsOf(connector: ConnectorPlan, variables: Variables, value: unknown): string[] {
        const tags = (plan.fieldTags.get(connector.name) ?? []).flatMap((tag) => expandTemplate(tag, undefined, variables));
        const parentType = connector.name.slice(0, connector.name.indexOf('.'));
        const parentKey = plan.keys.get(parentType);
        const parentId = parentKey ? identityOf(variables.this, parentKey) : undefined;
        if (parentId !== undefined) tags.push(`${parentType}:${parentId}`);
        const type = keyedTypes.get(connector.name);
        const key = type && plan.keys.get(type);
        if (type && key) {
          for (const item of [value].flat(Infinity)) {
            const id = identityOf(item, key);
            if (id !== undefined) tags.push(`${type}:${id}`);
          }
        }
        return tags;
      }

      const loaders = new Map<string, DataLoader<string, Record<string, unknown> | null>>();
      function loaderOf(type: string): DataLoader<string, Record<string, unknown> | null> {
        let loader = loaders.get(type);
        if (loader) return loader;
        const entity = plan.entities.get(type);
        if (!entity) throw new Error(`[connect] ${type} has no entity connector`);
        loader = new DataLoader((keys) => loadEntities(entity, keys), { maxBatchSize: Math.min(maxBatchSize, entity.maxBatchSize ?? maxBatchSize) });
        loaders.set(type, loader);
        return loader;
      }

      async function loadEntities(entity: EntityPlan, keys: readonly string[]): Promise<(Record<string, unknown> | null)[]> {
        const policy = policyOf(entity.type);
        note(entity.type);
        let found: Map<string, unknown>;
        if (fieldCache && policy) {
          const prefix = `${entity.type}:`;
          const reads = await fieldCache.load(
            keys.map((key) => ({ key: prefix + key, policy })),
            async (cacheKeys) => {
              const { found: fetched, personal } = await fetchEntities(entity, cacheKeys.map((key) => key.slice(prefix.length)));
              return { values: new Map([...fetched].map(([key, value]) => [prefix + key, value])), personal };
            },
            background,
          );
          found = new Map();
          for (const key of keys) {
            const read = reads.get(prefix + key);
            if (!read) continue;
            noteRead(read.readAt, policy);
            found.set(key, read.value);
          }
        } else {
          ({ found } = await fetchEntities(entity, keys));
        }
        return keys.map((key) => (found.get(key) ?? null) as Record<string, unknown> | null);
      }

      /**
       * By key field, never by position: an origin that drops or reorders items cannot put one entity's data under another's key.
       * `personal`: the origin said an answer is its caller's alone, so none of them is kept.
       */
      async function fetchEntities(entity: EntityPlan, keys: readonly string[]): Promise<{ found: Map<string, unknown>; personal: boolean }> {
        const found = new Map<string, unknown>();
        let personal = false;
        const read = async (request: ReturnType<typeof buildRequest>) => {
          const answer = await origin.request(request);
          note(entity.type, answer);
          if (answer.sharing !== 'shared') personal = true;
          return answer;
        };
        const settings = settingsOf(entity);
        const variablesOf = (own: Variables) => connectorVariables(entity, own, settings, env, headers);
        if (entity.batch) {
          const variables = variablesOf({ batch: keys.map((key) => keyObject(key, entity.key)) });
          const request = buildRequest(entity, variables, settings, headers);
          const items = mapAnswer(entity, await read(request), variables, readsVariables.has(entity.name), mapValue);
          if (!Array.isArray(items)) throw originUnavailable(`[${request.method}] "${request.url}"`, `the selection of ${entity.type}'s batch connector did not make a list`);
          const asked = new Set(keys);
          for (const item of items) {
            const key = identityOf(item, entity.key);
            if (key !== undefined && asked.has(key)) found.set(key, item);
          }
          return { found, personal };
        }
        await Promise.all(
          keys.map(async (key) => {
            // A root field marked `entity: true` reads the key as its argument.
            const keyed = keyObject(key, entity.key);
            const variables = variablesOf(entity.byField ? { args: keyed } : { this: keyed });
            try {
              const value = mapAnswer(entity, await read(buildRequest(entity, variables, settings, headers)), variables, readsVariables.has(entity.name), mapValue);
              if (value != null) found.set(key, value);
            } catch (error) {
              if (!(error instanceof OriginError && error.status === 404)) throw error;
            }
          }),
        );
        return { found, personal };
      }

      const connectors: RequestConnectors = {
        bypassCache: () => void (fieldCache = undefined),
        provenance,
        async call(name, variables) {
          const connector = plan.fields.get(name);
          if (!connector) throw new Error(`[connect] no connector is declared on ${name}`);
          if (connector.http) return fetchField(connector, variables);
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
    },
  };
}

export type ConnectorRuntime = ReturnType<typeof createConnectorRuntime>;

/** Cached per call when the connector is a GET and its effective hint gives a maxAge and is PUBLIC (the caller's own data is cached per identity, in the response cache only). */
function cachePolicy(connector: ConnectorPlan, hint: CacheHint | undefined): FieldPolicy | undefined {
  if (!connector.http || connector.http.method !== 'GET' || !hint?.maxAge || hint.scope === 'PRIVATE') return undefined;
  return { maxAge: hint.maxAge, staleWhileRevalidate: hint.staleWhileRevalidate ?? 0, staleIfError: hint.staleIfError ?? 0 };
}

/**
 * The selection applied to the origin's answer. An answer of nothing (a 204,
 * an empty body, `null`) is null, not an object of nulls, unless the
 * selection reads variables too: a DELETE that answers 204 with
 * `selection: "id: $args.id"` still answers its id.
 */
function mapAnswer(connector: ConnectorPlan, answer: OriginAnswer<unknown>, variables: Variables, readsVariables: boolean, mapValue: MapValue): unknown {
  const mapped: Variables = { ...variables, status: answer.status, response: { headers: answer.headers } };
  const failure = answerFailure(connector, answer, mapped);
  if (failure) throw failure;
  if (answer.body == null && !readsVariables) return null;
  return mapValue(connector, answer.body, mapped);
}

/** A connector's selection applied to data, as a request's connectors apply it. */
type MapValue = (connector: ConnectorPlan, data: unknown, variables: Variables) => unknown;

/**
 * Apollo's `isSuccess` (unset: a 2xx status) and `errors`, for a connector
 * that has them: an answer that is no success is a GraphQL error whose
 * message and extensions the schema maps from it (`Request failed` and
 * `CONNECTOR_FETCH` when it does not say), with the origin's status as
 * `extensions.status`. Apollo puts it at `extensions.http.status`; here
 * Yoga reads an error's `extensions.http` as the HTTP response's own status
 * and headers, so that key is never set, and one the mapping makes (from the
 * origin's body, say) is dropped: an origin cannot set the gateway's status
 * or headers. `variables` hold `$status` and `$response`.
 */
export function answerFailure(connector: ConnectorPlan, answer: OriginAnswer<unknown>, variables: Variables): GraphQLError | undefined {
  const { errors } = connector;
  if (!errors) return undefined;
  const success = errors.isSuccess ? evaluate(errors.isSuccess, answer.body, variables) === true : answer.status >= 200 && answer.status < 300;
  if (success) return undefined;
  const message = errors.message && evaluate(errors.message, answer.body, variables);
  const extensions: Record<string, unknown> = { status: answer.status };
  for (const selection of errors.extensions) {
    const mapped = evaluate(selection, answer.body, variables);
    if (mapped && typeof mapped === 'object' && !Array.isArray(mapped)) Object.assign(extensions, mapped);
  }
  delete extensions.http;
  const code = typeof extensions.code === 'string' ? extensions.code : 'CONNECTOR_FETCH';
  return new GraphQLError(typeof message === 'string' && message ? message : 'Request failed', { extensions: { ...extensions, code, connector: connector.name } });
}

/**
 * A field call's key in the field cache: the connector (its selection makes
 * the value kept), the request, and the variables the selection reads beside
 * the origin's answer, which the request may not show.
 */
function fieldCacheKey(connector: ConnectorPlan, requestKey: string, variables: Variables, readsVariables: boolean): string {
  const read = readsVariables ? `\n${JSON.stringify([variables.args ?? null, variables.this ?? null])}` : '';
  return `${connector.name}\n${requestKey}${read}`;
}

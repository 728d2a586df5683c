import DataLoader from 'dataloader';
import { getNamedType, type GraphQLSchema } from 'graphql';
import type { CacheIndex } from '../cache/cache-index.ts';
import { fieldIndexKey, type FieldCache, type FieldPolicy } from '../cache/field-cache.ts';
import { deadAt } from '../cache/entry.ts';
import { fieldHint, typeHint, type CacheHint } from '../cache/policy.ts';
import type { OriginClient } from '../origin/client.ts';
import { OriginError, originUnavailable } from '../origin/origin-error.ts';
import type { RequestTrace } from '../trace.ts';
import type { ConnectorPlan, EntityPlan, GatewayPlan } from './connector-plan.ts';
import { buildRequest, forwardsCredentials } from './http-request.ts';
import { applySelection, type Variables } from './selection.ts';
import { expandTemplate } from './template.ts';

/** What escape-hatch resolvers (and the generated ones) call: the declared connectors, by name, with their batching and caching. */
export interface Connectors {
  /** Runs the connector of a field (`Query.products`) with these arguments and parent value; answers its selection's result. */
  run(name: string, variables?: { args?: Record<string, unknown>; parent?: unknown }): Promise<unknown>;
  /** An entity by key through its type's connector, batched with every other `load` of this request: null when the origin has none. */
  load(type: string, key: unknown): Promise<Record<string, unknown> | null>;
}

/** For the generated resolvers: the origin's body as well as the mapped value (mutations' `@invalidates` read both). */
export interface RequestConnectors extends Connectors {
  call(name: string, variables: Variables): Promise<{ body: unknown; value: unknown }>;
  /** The operation is a mutation: read the origin directly, so that its answer shows its own write. */
  bypassCache(): void;
}

export interface ConnectorRuntimeOptions {
  schema: GraphQLSchema;
  plan: GatewayPlan;
  /** Base URL by source name, after `ORIGIN_URL` / `ORIGIN_URL_<SOURCE>`. */
  baseUrls: ReadonlyMap<string, string>;
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
export function createConnectorRuntime({ schema, plan, baseUrls, maxBatchSize }: ConnectorRuntimeOptions) {
  if (!Number.isInteger(maxBatchSize) || maxBatchSize < 1) throw new Error(`[connect] maxBatchSize must be a positive integer, got ${maxBatchSize}`);
  const policies = new Map<string, FieldPolicy | undefined>();
  /** The keyed type a field connector answers with, whose entities its cached calls are indexed under. */
  const keyedTypes = new Map<string, string>();
  for (const [name, connector] of plan.fields) {
    const [type, field] = name.split('.') as [string, string];
    policies.set(name, cachePolicy(connector, fieldHint(schema, type, field)));
    const parent = schema.getType(type);
    const named = parent && 'getFields' in parent ? getNamedType(parent.getFields()[field]!.type).name : undefined;
    if (named && plan.keys.has(named)) keyedTypes.set(name, named);
  }
  for (const [type, entity] of plan.entities) policies.set(type, cachePolicy(entity, typeHint(schema, type)));

  const baseUrlOf = (connector: ConnectorPlan) => (connector.source ? baseUrls.get(connector.source.name)! : '');

  return {
    forRequest({ origin, headers, trace, fieldCache: cache, index, background }: RequestOptions): RequestConnectors {
      let fieldCache = cache;
      // A response refreshing in the background serves nobody yet: it waits for stale values' refresh rather than store them again.
      const policyOf = (name: string): FieldPolicy | undefined => {
        const policy = policies.get(name);
        return policy && trace.revalidating ? { ...policy, staleWhileRevalidate: 0 } : policy;
      };
      const noteRead = (readAt: number, policy: FieldPolicy) => {
        const until = readAt + policy.maxAge * 1000;
        trace.freshUntil = Math.min(trace.freshUntil ?? until, until);
      };

      async function fetchBody(connector: ConnectorPlan, variables: Variables): Promise<unknown> {
        const request = buildRequest(connector, variables, baseUrlOf(connector), headers);
        const policy = policyOf(connector.name);
        const key = request.cacheKey;
        if (!fieldCache || !policy || key === undefined) return origin.request(request);
        let refused = false;
        const reads = await fieldCache.load(
          [{ key, policy }],
          async () => {
            const readAt = Date.now();
            const body = await origin.request(request);
            const tags = tagsOf(connector, variables, applySelection(connector.selection, body, variables));
            if (tags.length && index) refused = !(await index.add(fieldIndexKey(connector.name, key), tags, deadAt({ createdAt: readAt, policy }), readAt));
            return new Map([[key, body]]);
          },
          background,
        );
        // A purge of what it holds came while it was read: answer it, but do not keep it.
        if (refused) background(fieldCache.purge([key]));
        const read = reads.get(key)!;
        noteRead(read.readAt, policy);
        return read.value;
      }

      /** The records a cached call is indexed under: its field's `@cacheTag`s, the entities it holds, and the entity it is a field of. */
      function tagsOf(connector: ConnectorPlan, variables: Variables, value: unknown): string[] {
        const tags = (plan.fieldTags.get(connector.name) ?? []).flatMap((tag) => expandTemplate(tag, undefined, variables));
        const parentType = connector.name.slice(0, connector.name.indexOf('.'));
        const parentKey = plan.keys.get(parentType);
        const parentId = parentKey ? (variables.this as Record<string, unknown> | undefined)?.[parentKey] : undefined;
        if (parentId != null) tags.push(`${parentType}:${String(parentId)}`);
        const type = keyedTypes.get(connector.name);
        const key = type && plan.keys.get(type);
        if (type && key) {
          for (const item of [value].flat(Infinity)) {
            const id = (item as Record<string, unknown> | null)?.[key];
            if (id != null) tags.push(`${type}:${String(id)}`);
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
        loader = new DataLoader((keys) => loadEntities(entity, keys), { maxBatchSize });
        loaders.set(type, loader);
        return loader;
      }

      async function loadEntities(entity: EntityPlan, keys: readonly string[]): Promise<(Record<string, unknown> | null)[]> {
        const policy = policyOf(entity.type);
        let found: Map<string, unknown>;
        if (fieldCache && policy) {
          const prefix = `${entity.type}:`;
          const reads = await fieldCache.load(
            keys.map((key) => ({ key: prefix + key, policy })),
            async (cacheKeys) => {
              const fetched = await fetchEntities(entity, cacheKeys.map((key) => key.slice(prefix.length)));
              return new Map([...fetched].map(([key, value]) => [prefix + key, value]));
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
          found = await fetchEntities(entity, keys);
        }
        return keys.map((key) => (found.get(key) ?? null) as Record<string, unknown> | null);
      }

      /** By key field, never by position: an origin that drops or reorders items cannot put one entity's data under another's key. */
      async function fetchEntities(entity: EntityPlan, keys: readonly string[]): Promise<Map<string, unknown>> {
        const found = new Map<string, unknown>();
        if (entity.batch) {
          const variables: Variables = { batch: keys.map((key) => ({ [entity.key]: key })) };
          const request = buildRequest(entity, variables, baseUrlOf(entity), headers);
          const items = applySelection(entity.selection, await origin.request(request), variables);
          if (!Array.isArray(items)) throw originUnavailable(`[${request.method}] "${request.url}"`, `the selection of ${entity.type}'s batch connector did not make a list`);
          const asked = new Set(keys);
          for (const item of items) {
            const key = (item as Record<string, unknown> | null)?.[entity.key];
            if (key != null && asked.has(String(key))) found.set(String(key), item);
          }
          return found;
        }
        await Promise.all(
          keys.map(async (key) => {
            const variables: Variables = { this: { [entity.key]: key } };
            try {
              found.set(key, applySelection(entity.selection, await origin.request(buildRequest(entity, variables, baseUrlOf(entity), headers)), variables));
            } catch (error) {
              if (!(error instanceof OriginError && error.status === 404)) throw error;
            }
          }),
        );
        return found;
      }

      const connectors: RequestConnectors = {
        bypassCache: () => void (fieldCache = undefined),
        async call(name, variables) {
          const connector = plan.fields.get(name);
          if (!connector) throw new Error(`[connect] no connector is declared on ${name}`);
          const body = connector.http ? await fetchBody(connector, variables) : variables.this;
          return { body, value: applySelection(connector.selection, body, variables) };
        },
        async run(name, { args = {}, parent } = {}) {
          return (await connectors.call(name, { args, this: parent })).value;
        },
        load: (type, key) => (key == null ? Promise.resolve(null) : loaderOf(type).load(String(key))),
      };
      return connectors;
    },
  };
}

export type ConnectorRuntime = ReturnType<typeof createConnectorRuntime>;

/** Cached per call when the field's effective hint gives a maxAge, is PUBLIC, and the call forwards no credentials (PRIVATE data is cached per identity in the response cache only). */
function cachePolicy(connector: ConnectorPlan, hint: CacheHint | undefined): FieldPolicy | undefined {
  if (!connector.http || connector.http.method !== 'GET' || !hint?.maxAge || hint.scope === 'PRIVATE' || forwardsCredentials(connector)) return undefined;
  return { maxAge: hint.maxAge, staleWhileRevalidate: hint.staleWhileRevalidate ?? 0, staleIfError: hint.staleIfError ?? 0 };
}

/**
 * Entities by key through their type's connector: every `load` of a type in
 * one request is batched (DataLoader), read from the field cache under its
 * record (`Product:7`) where the type's policy allows, and the rest fetched in
 * one batch call or one call per key.
 */
import DataLoader from 'dataloader';
import { isNotFound, UpstreamError } from '../upstream/upstream-error.ts';
import type { CallScope } from './call-scope.ts';
import type { EntityPlan } from './connector-plan.ts';
import { identityOf, keyObject } from './entity-key.ts';
import type { ConnectorRequest } from './http-request.ts';

type EntityLoader = DataLoader<string, Record<string, unknown> | null>;

/** A request's loader of each type, made at its first load; a batch holds `maxBatchSize` keys at most, or fewer if the type's connector says so. */
export function entityLoaders(scope: CallScope, maxBatchSize: number): (type: string) => EntityLoader {
  const loaders = new Map<string, EntityLoader>();
  return (type) => {
    let loader = loaders.get(type);
    if (loader) return loader;
    const entity = scope.plan.entities.get(type);
    if (!entity) throw new Error(`[connect] ${type} has no entity connector`);
    loader = new DataLoader((keys) => loadEntities(scope, entity, keys), { maxBatchSize: Math.min(maxBatchSize, entity.maxBatchSize ?? maxBatchSize) });
    loaders.set(type, loader);
    return loader;
  };
}

async function loadEntities(scope: CallScope, entity: EntityPlan, keys: readonly string[]): Promise<(Record<string, unknown> | null)[]> {
  const policy = scope.policyOf(entity.type);
  scope.note(entity.type);
  const { fieldCache } = scope;
  let found: Map<string, unknown>;
  if (fieldCache && policy) {
    const prefix = `${entity.type}:`;
    const startedAt = Date.now();
    const reads = await fieldCache.load(
      keys.map((key) => ({ key: prefix + key, policy })),
      async (cacheKeys) => {
        const { found: fetched, personal } = await fetchEntities(scope, entity, cacheKeys.map((key) => key.slice(prefix.length)));
        return { values: new Map([...fetched].map(([key, value]) => [prefix + key, value])), personal };
      },
      scope.background,
    );
    found = new Map();
    for (const key of keys) {
      const read = reads.get(prefix + key);
      if (read) found.set(key, read.value);
    }
    scope.noteReads(entity.type, [...reads.values()], policy, startedAt);
  } else {
    ({ found } = await fetchEntities(scope, entity, keys));
  }
  return keys.map((key) => (found.get(key) ?? null) as Record<string, unknown> | null);
}

/**
 * By key field, never by position: an origin that drops or reorders items cannot put one entity's data under another's key.
 * `personal`: the origin said an answer is its caller's alone, so none of them is kept.
 */
async function fetchEntities(scope: CallScope, entity: EntityPlan, keys: readonly string[]): Promise<{ found: Map<string, unknown>; personal: boolean }> {
  const found = new Map<string, unknown>();
  let personal = false;
  const read = async (request: ConnectorRequest, batchSize: number) => {
    const answer = await scope.send(entity.type, request, batchSize);
    if (answer.sharing !== 'shared') personal = true;
    return answer;
  };
  if (entity.batch) {
    const { variables, request } = scope.prepare(entity, { batch: keys.map((key) => keyObject(key, entity.key)) });
    const items = scope.mapAnswer(entity, await read(request, keys.length), variables);
    if (!Array.isArray(items)) throw new UpstreamError('unexpected-shape', request, `the selection of ${entity.type}'s batch connector did not make a list`);
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
      const { variables, request } = scope.prepare(entity, entity.byField ? { args: keyed } : { this: keyed });
      try {
        const value = scope.mapAnswer(entity, await read(request, 1), variables);
        if (value != null) found.set(key, value);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }),
  );
  return { found, personal };
}

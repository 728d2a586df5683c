import { useResponseCache, type CacheEntityRecord } from '@envelop/response-cache';
import type { RequestTrace } from '../shared/trace.ts';

interface TracedContext {
  trace: RequestTrace;
}

const entityName = ({ typename, id }: CacheEntityRecord): string => (id == null ? typename : `${typename}:${id}`);

/**
 * @envelop/response-cache does what it already does well here: it adds the
 * fields it needs to the document, collects the entities a result contains
 * (`Product:7`, `Inventory:SKU-00007`, or a bare type for an empty list) and,
 * after a mutation, the entities it touched. Its `Cache` is this request's
 * trace: lookups and storage happen before and after Yoga, in the response
 * cache, on the raw request, so that a hit never reaches GraphQL at all.
 */
export function useEntityCapture(keyFields: string[]) {
  return useResponseCache<TracedContext>({
    session: ({ trace }) => trace.scope,
    cache: ({ trace }) => ({
      get: () => undefined,
      set(_key, _result, entities) {
        trace.entities = Array.from(entities, entityName);
      },
      invalidate(entities) {
        for (const entity of entities) trace.invalidations.add(entityName(entity));
      },
    }),
    // The schema's `@key` fields: `Product:7`, `Inventory:SKU-00007`.
    idFields: keyFields,
    // The response cache builds its own key from the raw request.
    buildResponseCacheKey: () => '',
    shouldCacheResult: ({ result }) => !result.errors?.length,
    includeExtensionMetadata: false,
  });
}

import type { EntityCache } from './cache/entity-cache.ts';
import type { GatewayConfig } from './config.ts';
import { createOriginClient, type OriginClient } from './origin/client.ts';
import type { OriginGate } from './origin/origin-gate.ts';
import { OriginError } from './origin/origin-error.ts';
import { createLoaders, type Loaders } from './origin/loaders.ts';
import type { RequestTrace } from './trace.ts';

/** What every resolver gets: one origin client and fresh loaders per request. */
export interface GatewayContext {
  origin: OriginClient;
  loaders: Loaders;
  /** Marks an entity (`Inventory:SKU-00007`, `User:u1`) as changed: cached responses containing it are purged before the mutation answers. */
  invalidate(entity: string): void;
}

export interface ContextOptions {
  config: GatewayConfig;
  trace: RequestTrace;
  /** Only for results that may be cached; a mutation reads the origin directly so that its answer shows its own write. */
  entityCache: EntityCache | undefined;
  /** The origin shield, shared by the isolate. */
  gate: OriginGate;
}

export function createContext(request: Request, { config, trace, entityCache, gate }: ContextOptions): GatewayContext {
  const origin = createOriginClient({
    baseUrl: config.originUrl,
    timeoutMs: config.originTimeoutMs,
    authorization: request.headers.get('authorization'),
    onCall(ms) {
      trace.originCalls++;
      trace.originMs += ms;
    },
    async gate(call, send) {
      try {
        return await gate(call, send);
      } catch (error) {
        const retryAfter = error instanceof OriginError ? Number(error.extensions.retryAfter ?? 0) : 0;
        trace.retryAfter = Math.max(trace.retryAfter, retryAfter);
        throw error;
      }
    },
  });
  return {
    origin,
    loaders: createLoaders(origin, entityCache),
    invalidate: (entity) => void trace.invalidations.add(entity),
  };
}

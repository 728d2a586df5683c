import type { FieldCache } from '../field-cache/field-cache.ts';
import type { CacheIndex } from '../invalidation/cache-index.ts';
import type { ConnectorRuntime, RequestConnectors } from '../connect/connectors.ts';
import type { GatewayConfig } from '../config.ts';
import { createOriginClient } from '../upstream/client.ts';
import type { OriginShield } from '../upstream/origin-shield.ts';
import { OriginError } from '../upstream/origin-error.ts';
import type { RequestTrace } from '../shared/trace.ts';

/** What every resolver gets, the escape-hatch ones included. */
export interface GatewayContext {
  /** The declared connectors, by name, with per-request batching and per-field caching. */
  connectors: RequestConnectors;
  /** The client's request (its headers, e.g. whether it carries `Authorization`). */
  request: Request;
  trace: RequestTrace;
}

export interface ContextOptions {
  config: GatewayConfig;
  trace: RequestTrace;
  connectors: ConnectorRuntime;
  /** Only for queries; a mutation reads the origin directly so that its answer shows its own write. */
  fieldCache: FieldCache | undefined;
  index: CacheIndex | undefined;
  /** The origin shield of a host, shared by the isolate. */
  shieldFor: (url: URL) => OriginShield;
  background(work: Promise<unknown>): void;
}

export function createContext(request: Request, { config, trace, connectors, fieldCache, index, shieldFor, background }: ContextOptions): GatewayContext {
  const origin = createOriginClient({
    timeoutMs: config.originTimeoutMs,
    maxBodyBytes: config.originMaxBodyBytes,
    honorCacheControl: config.cache.honorOriginCacheControl,
    onCall(ms) {
      trace.originCalls++;
      trace.originMs += ms;
    },
    shieldFor: (url) => {
      const shield = shieldFor(url);
      return async (line, send) => {
        try {
          return await shield(line, send);
        } catch (error) {
          const retryAfter = error instanceof OriginError ? Number(error.extensions.retryAfter ?? 0) : 0;
          trace.retryAfter = Math.max(trace.retryAfter, retryAfter);
          throw error;
        }
      };
    },
  });
  return {
    connectors: connectors.forRequest({ origin, headers: request.headers, trace, fieldCache, index, background }),
    request,
    trace,
  };
}

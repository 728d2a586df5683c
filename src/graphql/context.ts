/** The per-request context every resolver gets: the connectors over one origin client, the client's request, and the trace of what ran. */
import type { FieldCache } from '../field-cache/field-cache.ts';
import type { ConnectorRuntime } from '../connect/connectors.ts';
import type { GatewayContext } from '../connect/resolvers.ts';
import type { GatewayConfig } from '../config.ts';
import { createOriginClient } from '../upstream/client.ts';
import type { OriginShield } from '../upstream/origin-shield.ts';
import { UpstreamError } from '../upstream/upstream-error.ts';
import type { RequestTrace } from '../shared/trace.ts';

export interface ContextOptions {
  config: GatewayConfig;
  trace: RequestTrace;
  connectors: ConnectorRuntime;
  /** Only for queries; a mutation reads the origin directly so that its answer shows its own write. */
  fieldCache: FieldCache | undefined;
  /** The origin shield of a host, shared by the isolate. */
  shieldFor: (url: URL) => OriginShield;
  background(work: Promise<unknown>): void;
  /** Told of every request sent to an origin, as the trace is, with the request's `background`: the analytics' count. */
  onOriginCall(waitUntil: (work: Promise<unknown>) => void): void;
}

export function createContext(request: Request, { config, trace, connectors, fieldCache, shieldFor, background, onOriginCall }: ContextOptions): GatewayContext {
  const origin = createOriginClient({
    timeoutMs: config.originTimeoutMs,
    maxBodyBytes: config.originMaxBodyBytes,
    honorCacheControl: config.cache.honorOriginCacheControl,
    onCall(ms) {
      trace.originCalls++;
      trace.originMs += ms;
      onOriginCall(background);
    },
    shieldFor: (url) => {
      const shield = shieldFor(url);
      return async (line, send) => {
        try {
          return await shield(line, send);
        } catch (error) {
          const retryAfter = error instanceof UpstreamError ? (error.retryAfter ?? 0) : 0;
          trace.retryAfter = Math.max(trace.retryAfter, retryAfter);
          throw error;
        }
      };
    },
  });
  return {
    connectors: connectors.forRequest({ origin, headers: request.headers, trace, fieldCache, background }),
    request,
    trace,
  };
}

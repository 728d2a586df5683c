/**
 * The resolvers' context in every peer, on Node and on workerd alike (so
 * nothing here may need Node): per request the project's own origin client and
 * DataLoaders, exactly as the gateway builds them (src/context.ts) but without
 * its entity cache or origin shield: each peer is what a user would set up with
 * the library alone.
 */
import type { GatewayContext } from '../../src/context.ts';
import { createOriginClient } from '../../src/origin/client.ts';
import { createLoaders } from '../../src/origin/loaders.ts';

export type { GatewayContext };

/** As the gateway's `ORIGIN_TIMEOUT_MS` default. */
export const ORIGIN_TIMEOUT_MS = 3000;

/** A fresh origin client and loaders per request, as in the gateway. */
export function createPeerContext(originUrl: string, authorization: string | null | undefined): GatewayContext {
  const origin = createOriginClient({ baseUrl: originUrl, timeoutMs: ORIGIN_TIMEOUT_MS, authorization: authorization ?? null });
  return {
    origin,
    loaders: createLoaders(origin),
    // Only the gateway's own response cache purges by entity; the peers' caches do what their plugin does.
    invalidate: () => {},
  };
}

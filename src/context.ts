import type { GatewayConfig } from './config.ts';
import { createOriginClient, type OriginClient } from './origin/client.ts';
import { createLoaders, type Loaders } from './origin/loaders.ts';

/** What every resolver gets: one origin client and fresh loaders per request. */
export interface GatewayContext {
  origin: OriginClient;
  loaders: Loaders;
}

export function createContext(request: Request, config: GatewayConfig): GatewayContext {
  const origin = createOriginClient({
    baseUrl: config.originUrl,
    timeoutMs: config.originTimeoutMs,
    authorization: request.headers.get('authorization'),
  });
  return { origin, loaders: createLoaders(origin) };
}

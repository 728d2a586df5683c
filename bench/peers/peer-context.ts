/**
 * The resolvers' context in every peer, on Node and on workerd alike (so
 * nothing here may need Node): per request the project's own origin client
 * and connectors, exactly as the gateway builds them (src/graphql/context.ts) but
 * without its field cache or origin shield: each peer is what a user would
 * set up with the library alone.
 */
import { readCacheHints } from '../../src/cache-hints/policy.ts';
import { readConfig } from '../../src/config.ts';
import { resolveBaseUrls } from '../../src/connect/base-urls.ts';
import { createConnectorRuntime } from '../../src/connect/connectors.ts';
import { createGatewaySchema, type GatewaySchema, type SchemaFolder } from '../../src/connect/gateway-schema.ts';
import type { GatewayContext } from '../../src/connect/resolvers.ts';
import { createOriginClient } from '../../src/upstream/client.ts';
import { createTrace } from '../../src/shared/trace.ts';

export type { GatewayContext };

/** The gateway's settings with no var set: its defaults, which every peer runs with. */
const DEFAULTS = readConfig({});

export interface Peer extends GatewaySchema {
  /** A fresh origin client and connectors per request, as in the gateway. */
  contextFor(authorization: string | null | undefined): GatewayContext;
}

/** The gateway's schema folder, with its connectors over `originUrl`. */
export function createPeer(folder: SchemaFolder, originUrl: string): Peer {
  const gatewaySchema = createGatewaySchema(folder);
  const { schema, plan } = gatewaySchema;
  const runtime = createConnectorRuntime({
    hints: readCacheHints(schema),
    plan,
    identityHeaders: DEFAULTS.cache.identityHeaders,
    baseUrls: resolveBaseUrls(plan.sources, { originUrl, sourceUrls: {} }),
    maxBatchSize: DEFAULTS.maxBatchSize,
  });
  return {
    ...gatewaySchema,
    contextFor(authorization) {
      const request = new Request('http://peer/graphql', { headers: authorization ? { authorization } : {} });
      const trace = createTrace();
      const origin = createOriginClient({ timeoutMs: DEFAULTS.originTimeoutMs });
      // Only the gateway's own caches purge by tag; the peers' caches do what their plugin does.
      const connectors = runtime.forRequest({ origin, headers: request.headers, trace, fieldCache: undefined, background: () => {} });
      return { connectors, request, trace };
    },
  };
}

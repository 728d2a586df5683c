import { createAnalytics } from './analytics/create-analytics.ts';
import { createAdmin } from './http/admin.ts';
import type { RespondOptions } from './http/respond.ts';
import { createDashboard } from './http/dashboard.ts';
import { createCacheIndex } from './invalidation/cache-index.ts';
import { createCacheKeys } from './response-cache/cache-key.ts';
import { createCacheStats, type CacheStats } from './shared/cache-stats.ts';
import { sha256Hex } from './shared/digest.ts';
import { createFieldCache } from './field-cache/field-cache.ts';
import { createInvalidator } from './invalidation/invalidator.ts';
import { createLocationTier } from './response-cache/location-tier.ts';
import { createMemoryTier } from './response-cache/memory-tier.ts';
import { createResponsePurgeable } from './response-cache/purgeable.ts';
import { createPolicyReader, readCacheHints } from './cache-hints/policy.ts';
import type { Served } from './response-cache/answer.ts';
import type { GraphQLRequest } from './response-cache/graphql-request.ts';
import { createResponseCache } from './response-cache/response-cache.ts';
import { createScopeHasher } from './response-cache/scope.ts';
import { readConfig, type GatewayConfig } from './config.ts';
import { resolveBaseUrls } from './connect/base-urls.ts';
import { missingConfig, resolveSourceConfig } from './connect/source-config.ts';
import { createConnectorRuntime } from './connect/connectors.ts';
import { createGatewaySchema } from './connect/gateway-schema.ts';
import schemaFolder from 'gateway:schema';
import { createCors, type Cors } from './http/cors.ts';
import { createOriginShield, type OriginShield } from './upstream/origin-shield.ts';
import { createPersistedOperations } from './graphql/persisted-operations.ts';
import { createGateway } from './graphql/yoga.ts';

/** Everything an isolate builds once and shares between its requests. */
export interface Isolate {
  config: GatewayConfig;
  cors: Cors;
  serveGraphQL(request: GraphQLRequest, ctx: ExecutionContext): Served | Promise<Served>;
  admin(request: Request, path: string): Promise<Response>;
  stats: CacheStats;
  /** What `respond` needs, made once: the hit path allocates none of it. */
  respondOptions: RespondOptions;
}

const building = new WeakMap<Env, Promise<Isolate>>();
const built = new WeakMap<Env, Isolate>();

/** Vars are fixed for an isolate's life: parse them and build everything once. Once built, no await. */
export function isolateFor(env: Env): Isolate | Promise<Isolate> {
  const ready = built.get(env);
  if (ready) return ready;
  let isolate = building.get(env);
  if (!isolate) {
    isolate = buildIsolate(env).then((done) => (built.set(env, done), done));
    building.set(env, isolate);
  }
  return isolate;
}

async function buildIsolate(env: Env): Promise<Isolate> {
  const config = readConfig(env);
  const { cache } = config;
  const { schema, plan, sdl } = createGatewaySchema(schemaFolder);
  // One reader of the hints for the response cache and the connectors' field cache.
  const hints = readCacheHints(schema);
  const { identityHeaders } = cache;
  const sourceConfig = resolveSourceConfig(plan.sources, config);
  // A connector reading a $config value that no var or secret gives would send its requests without it (an empty API key): refuse instead.
  const missing = missingConfig(plan, sourceConfig);
  if (missing.length) throw new Error(missing.join('\n'));
  const analytics = createAnalytics({ store: env.ANALYTICS_STORE, dataset: env.ANALYTICS, otlp: config.otlp, ...config.analytics });
  const connectors = createConnectorRuntime({
    hints,
    plan,
    identityHeaders,
    baseUrls: resolveBaseUrls(plan.sources, config),
    sourceConfig,
    env: config.connectorEnv,
    maxBatchSize: config.maxBatchSize,
    record: analytics.connector,
  });
  const shields = new Map<string, OriginShield>();
  const shieldFor = (url: URL): OriginShield => {
    let shield = shields.get(url.host);
    if (!shield) {
      shield = createOriginShield({
        namespace: env.ORIGIN_SHIELD,
        name: url.host,
        maxConcurrency: config.shield.maxConcurrency,
        queueTimeoutMs: config.shield.queueTimeoutMs,
        // A permit outlives one call with its two retries; a dead isolate's is reclaimed after that.
        permitMs: config.originTimeoutMs * 3 + 2000,
        breakerFailures: config.shield.breakerFailures,
        breakerCooldownMs: config.shield.breakerCooldownMs,
      });
      shields.set(url.host, shield);
    }
    return shield;
  };
  const stats = createCacheStats();
  const memory = createMemoryTier({ ttlMs: cache.memoryTtlMs, maxBytes: cache.memoryMaxBytes });
  const location = createLocationTier({ ttlMs: cache.locationTtlMs, cacheName: 'gateway-responses' });
  const invalidator = createInvalidator({ index: createCacheIndex({ namespace: env.CACHE_INDEX, shards: cache.indexShards }) });
  const fieldCache = createFieldCache({
    namespace: env.FIELD_CACHE,
    shards: cache.fieldShards,
    leaseMs: cache.leaseMs,
    waitMs: cache.lockTimeoutMs,
    maxValueBytes: cache.maxEntryBytes,
    onTooLarge: () => void stats.fieldTooLarge++,
    invalidation: invalidator,
  });
  const yoga = createGateway(config, schema, { connectors, fieldCache, shieldFor, onOriginCall: analytics.originCall }, [...new Set(plan.keys.values())]);
  const serveGraphQL = createResponseCache({
    config: cache,
    keys: createCacheKeys({
      readPolicy: createPolicyReader(hints, { defaultMaxAge: cache.defaultMaxAge, forwardedBy: connectors.forwardedBy, identityHeaders }),
      schemaVersion: (await sha256Hex(sdl)).slice(0, 16),
      maxTokens: config.limits.tokens,
    }),
    maxQueryLength: config.limits.queryLength,
    resolvePersisted: createPersistedOperations({ persistedOnly: config.persistedOnly }),
    memory,
    location,
    responses: env.RESPONSE_CACHE,
    index: invalidator.register('response', createResponsePurgeable({ responses: env.RESPONSE_CACHE, memory, location, leaseMs: cache.leaseMs }), { ownsUnprefixed: true }),
    invalidator,
    identityHeaders,
    scopeOf: createScopeHasher(cache.scopeSecret),
    stats,
    execute: async (request, trace, ctx) => yoga.fetch(request, { trace, ctx }),
  });
  const dashboard = createDashboard({ token: config.dashboardToken, analytics, assets: env.ASSETS });
  const admin = createAdmin({ token: cache.purgeToken, dashboardToken: config.dashboardToken, invalidator, stats, memory, analytics, dashboard });
  const cors = createCors(config.corsOrigins, connectors.forwardedHeaders);
  return { config, cors, serveGraphQL, admin, stats, respondOptions: { cors, logRequests: config.logRequests, analytics } };
}

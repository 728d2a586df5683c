import { DEFAULT_MAX_BODY_BYTES } from './origin/client.ts';

/** The gateway's settings, read once per isolate from the Worker's vars and secrets. */
export interface GatewayConfig {
  /** Overrides the base URL of the schema's only `@source`. Var `ORIGIN_URL`; unset, the `@source`'s `baseURL`. */
  originUrl: string | undefined;
  /** Base URLs by source name, from vars `ORIGIN_URL_<SOURCE>` (the name upper-cased, other characters as `_`): for schemas with several sources. */
  sourceUrls: Record<string, string>;
  /** What connectors read as `$config`: vars and secrets `CONFIG_<key>` (`CONFIG_apiKey` is `$config.apiKey`); `CONFIG_<SOURCE>_<key>` gives one source its own. */
  connectorConfig: Record<string, string>;
  /** What connectors read as `$env`: vars and secrets `ENV_<NAME>` only (`ENV_REGION` is `$env.REGION`), never the gateway's own settings. */
  connectorEnv: Record<string, string>;
  /** Keys per batched connector call at most; larger loads are split. Var `CONNECT_MAX_BATCH_SIZE`, default 100. */
  maxBatchSize: number;
  /** Milliseconds before one origin call is abandoned. Var `ORIGIN_TIMEOUT_MS`, default 3000. */
  originTimeoutMs: number;
  /** Bytes of one origin answer's body read at most, decompressed; a larger one is `ORIGIN_BODY_TOO_LARGE`. Var `ORIGIN_MAX_BODY_BYTES`, default 8388608 (8 MiB). */
  originMaxBodyBytes: number;
  /** `production` turns GraphiQL off. Var `ENVIRONMENT`, default `development`. */
  environment: string;
  cache: CacheConfig;
  shield: ShieldConfig;
  limits: RequestLimits;
  /** Accept only the operations in the codegen manifest. Var `PERSISTED_ONLY`, default false. */
  persistedOnly: boolean;
  /** One JSON line per GraphQL request. Var `LOG_REQUESTS`, default true. */
  logRequests: boolean;
  /** Origins whose pages may call the gateway: `*`, or a comma-separated list. Var `CORS_ORIGINS`, default `*`. */
  corsOrigins: '*' | string[];
}

export interface ShieldConfig {
  /** Origin requests in flight at once, across every isolate. Var `ORIGIN_MAX_CONCURRENCY`, default 8. */
  maxConcurrency: number;
  /** How long a request queues for an origin slot before `ORIGIN_BUSY`. Var `ORIGIN_QUEUE_TIMEOUT_MS`, default 5000. */
  queueTimeoutMs: number;
  /** Consecutive origin failures that open the circuit breaker. Var `ORIGIN_BREAKER_FAILURES`, default 5. */
  breakerFailures: number;
  /** How long the open breaker skips the origin before one probe decides. Var `ORIGIN_BREAKER_COOLDOWN_MS`, default 10000. */
  breakerCooldownMs: number;
}

/** What a request may ask for before it costs anything. */
export interface RequestLimits {
  /** Var `MAX_BODY_BYTES`, default 102400: larger bodies get 413. */
  bodyBytes: number;
  /** Var `MAX_QUERY_LENGTH`, default 15000 characters of query text. */
  queryLength: number;
  /** Var `MAX_VARIABLES_DEPTH`, default 64, at most 1000: levels of objects and arrays in `variables` or `extensions` (the object itself is the first). Deeper gets 400 `VARIABLES_TOO_DEEP` before anything walks them recursively (the cache key's stable stringify overflows the stack some 8,000 levels down). */
  variablesDepth: number;
  /** Var `MAX_DEPTH`, default 8. */
  depth: number;
  /** Var `MAX_ALIASES`, default 15. */
  aliases: number;
  /** Var `MAX_DIRECTIVES`, default 50. */
  directives: number;
  /** Var `MAX_TOKENS`, default 1000. */
  tokens: number;
  /** Var `MAX_COST`, default 5000 (graphql-armor's cost: 2 per object, 1 per scalar, ×1.5 per level, times a literal `first`). */
  cost: number;
}

export interface CacheConfig {
  /** How long a leader may hold a key's lease before the next request takes over. Var `CACHE_LOCK_LEASE_MS`, default 10000. */
  leaseMs: number;
  /** How long a request waits for another's result before `ORIGIN_BUSY`. Var `CACHE_LOCK_TIMEOUT_MS`, default 5000. */
  lockTimeoutMs: number;
  /** How long an isolate answers from memory before asking the key's Durable Object again; the bound on serving a purged entry. Var `CACHE_MEMORY_TTL_MS`, default 1000. */
  memoryTtlMs: number;
  /** How long a location's isolates share an entry the key's Durable Object confirmed, through the Cache API, before asking the object again; 0 turns the location tier off. Adds to the bound on serving a purged entry. Var `CACHE_LOCATION_TTL_MS`, default 0. */
  locationTtlMs: number;
  /** Index shards: Durable Objects that record which responses contain which entities. Var `CACHE_INDEX_SHARDS`, default 16. */
  indexShards: number;
  /** Size of the per-isolate memory tier. Var `CACHE_MEMORY_MAX_BYTES`, default 16 MiB. */
  memoryMaxBytes: number;
  /** Larger responses pass through uncached (`BYPASS`). Var `CACHE_MAX_ENTRY_BYTES`, default 1900000, at most 2000000 (a SQLite-backed Durable Object's value limit is 2 MB). */
  maxEntryBytes: number;
  /** maxAge in seconds for root fields without a hint. Var `CACHE_DEFAULT_MAX_AGE`, default 0 (not cached). */
  defaultMaxAge: number;
  /** Connector calls are cached per key in this many Durable Objects. Var `FIELD_CACHE_SHARDS`, default 16. */
  fieldShards: number;
  /** Bearer token for `/admin/*`. Secret `PURGE_TOKEN`; unset turns the admin endpoints off. */
  purgeToken: string | undefined;
  /** Key for hashing callers' identity headers into private cache scopes. Secret `CACHE_SCOPE_SECRET`; unset uses a plain SHA-256. */
  scopeSecret: string | undefined;
  /** Client headers that identify a caller, lower-case: a response whose connectors may forward one is PRIVATE, and private answers are cached per the values of all of them. Var `IDENTITY_HEADERS`, comma-separated, default `authorization, cookie`. */
  identityHeaders: string[];
  /** Whether the origin's `Cache-Control: private` / `no-store` and `Set-Cookie` keep its answers out of shared caches. Var `ORIGIN_CACHE_CONTROL`: `honor` (default) or `ignore`. */
  honorOriginCacheControl: boolean;
}

const MAX_ENTRY_BYTES_LIMIT = 2_000_000;

/** `IDENTITY_HEADERS` unset: how a caller is identified in most APIs. */
export const DEFAULT_IDENTITY_HEADERS: readonly string[] = ['authorization', 'cookie'];

/** The string vars and secrets whose names start with `prefix`, by the rest of their name. */
function prefixed(vars: Record<string, unknown>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(vars).flatMap(([name, value]) => (name.startsWith(prefix) && typeof value === 'string' ? [[name.slice(prefix.length), value]] : [])));
}

/** Throws on a bad value: a misconfigured gateway must not start half-working. */
export function readConfig(env: object): GatewayConfig {
  const vars = env as Record<string, unknown>;
  const text = (name: string) => (typeof vars[name] === 'string' && vars[name] !== '' ? vars[name] : undefined);
  const int = (name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) =>
    readInt(name, text(name), fallback, min, max);
  return {
    originUrl: optional(text('ORIGIN_URL'), (value) => readOriginUrl('ORIGIN_URL', value)),
    sourceUrls: Object.fromEntries(
      Object.keys(vars)
        .filter((name) => name.startsWith('ORIGIN_URL_') && text(name))
        .map((name) => [name.slice('ORIGIN_URL_'.length), readOriginUrl(name, text(name)!)]),
    ),
    connectorConfig: prefixed(vars, 'CONFIG_'),
    connectorEnv: prefixed(vars, 'ENV_'),
    maxBatchSize: int('CONNECT_MAX_BATCH_SIZE', 100, 1, 10_000),
    originTimeoutMs: int('ORIGIN_TIMEOUT_MS', 3000, 1),
    originMaxBodyBytes: int('ORIGIN_MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES, 1),
    environment: text('ENVIRONMENT') ?? 'development',
    cache: {
      leaseMs: int('CACHE_LOCK_LEASE_MS', 10_000, 1),
      lockTimeoutMs: int('CACHE_LOCK_TIMEOUT_MS', 5000, 1),
      memoryTtlMs: int('CACHE_MEMORY_TTL_MS', 1000, 0),
      locationTtlMs: int('CACHE_LOCATION_TTL_MS', 0, 0),
      indexShards: int('CACHE_INDEX_SHARDS', 16, 1, 256),
      memoryMaxBytes: int('CACHE_MEMORY_MAX_BYTES', 16 * 1024 * 1024, 0),
      maxEntryBytes: int('CACHE_MAX_ENTRY_BYTES', 1_900_000, 1, MAX_ENTRY_BYTES_LIMIT),
      defaultMaxAge: int('CACHE_DEFAULT_MAX_AGE', 0, 0),
      fieldShards: int('FIELD_CACHE_SHARDS', 16, 1, 256),
      purgeToken: text('PURGE_TOKEN'),
      scopeSecret: text('CACHE_SCOPE_SECRET'),
      identityHeaders: readHeaderNames('IDENTITY_HEADERS', text('IDENTITY_HEADERS') ?? DEFAULT_IDENTITY_HEADERS.join(', ')),
      honorOriginCacheControl: readChoice('ORIGIN_CACHE_CONTROL', text('ORIGIN_CACHE_CONTROL') ?? 'honor', ['honor', 'ignore']) === 'honor',
    },
    shield: {
      maxConcurrency: int('ORIGIN_MAX_CONCURRENCY', 8, 1),
      queueTimeoutMs: int('ORIGIN_QUEUE_TIMEOUT_MS', 5000, 1),
      breakerFailures: int('ORIGIN_BREAKER_FAILURES', 5, 1),
      breakerCooldownMs: int('ORIGIN_BREAKER_COOLDOWN_MS', 10_000, 1),
    },
    limits: {
      bodyBytes: int('MAX_BODY_BYTES', 102_400, 1),
      queryLength: int('MAX_QUERY_LENGTH', 15_000, 1),
      variablesDepth: int('MAX_VARIABLES_DEPTH', 64, 1, 1000),
      depth: int('MAX_DEPTH', 8, 1),
      aliases: int('MAX_ALIASES', 15, 0),
      directives: int('MAX_DIRECTIVES', 50, 0),
      tokens: int('MAX_TOKENS', 1000, 1),
      cost: int('MAX_COST', 5000, 1),
    },
    persistedOnly: readBoolean('PERSISTED_ONLY', text('PERSISTED_ONLY'), false),
    logRequests: readBoolean('LOG_REQUESTS', text('LOG_REQUESTS'), true),
    corsOrigins: readOrigins(text('CORS_ORIGINS') ?? '*'),
  };
}

function optional<T>(value: string | undefined, read: (value: string) => T): T | undefined {
  return value === undefined ? undefined : read(value);
}

function readOriginUrl(name: string, value: string): string {
  const url = URL.parse(value);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`[config] ${name} must be an http(s) URL, got "${value}"`);
  }
  return url.href.replace(/\/+$/, '');
}

function readOrigins(value: string): '*' | string[] {
  if (value.trim() === '*') return '*';
  return value.split(',').map((origin) => {
    const url = URL.parse(origin.trim());
    if (!url || url.origin !== origin.trim()) throw new Error(`[config] CORS_ORIGINS must be * or origins like https://shop.example.com, got "${origin}"`);
    return url.origin;
  });
}

/** HTTP header names, lower-cased; at least one. */
function readHeaderNames(name: string, value: string): string[] {
  const names = value.split(',').map((header) => header.trim().toLowerCase()).filter(Boolean);
  if (!names.length || names.some((header) => !/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(header))) {
    throw new Error(`[config] ${name} must be a comma-separated list of header names, got "${value}"`);
  }
  return names;
}

function readChoice<T extends string>(name: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) throw new Error(`[config] ${name} must be one of ${choices.join(', ')}, got "${value}"`);
  return value as T;
}

function readBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new Error(`[config] ${name} must be "true" or "false", got "${value}"`);
}

function readInt(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer from ${min} to ${max}`;
    throw new Error(`[config] ${name} must be ${range}, got "${value}"`);
  }
  return n;
}

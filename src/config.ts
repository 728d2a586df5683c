/** The gateway's settings, read once per isolate from the Worker's vars and secrets. */
export interface GatewayConfig {
  /** Base URL of the legacy REST origin. Var `ORIGIN_URL`, default `http://127.0.0.1:4010`. */
  originUrl: string;
  /** Milliseconds before one origin call is abandoned. Var `ORIGIN_TIMEOUT_MS`, default 3000. */
  originTimeoutMs: number;
  /** `production` turns GraphiQL off. Var `ENVIRONMENT`, default `development`. */
  environment: string;
  cache: CacheConfig;
}

export interface CacheConfig {
  /** How long a leader may hold a key's lease before the next request takes over. Var `CACHE_LOCK_LEASE_MS`, default 10000. */
  leaseMs: number;
  /** How long a request waits for another's result before `ORIGIN_BUSY`. Var `CACHE_LOCK_TIMEOUT_MS`, default 5000. */
  lockTimeoutMs: number;
  /** How long an isolate answers from memory before asking the key's Durable Object again; the bound on serving a purged entry. Var `CACHE_MEMORY_TTL_MS`, default 1000. */
  memoryTtlMs: number;
  /** Size of the per-isolate memory tier. Var `CACHE_MEMORY_MAX_BYTES`, default 16 MiB. */
  memoryMaxBytes: number;
  /** Larger responses pass through uncached (`BYPASS`). Var `CACHE_MAX_ENTRY_BYTES`, default 1900000, at most 2000000 (a SQLite-backed Durable Object's value limit is 2 MB). */
  maxEntryBytes: number;
  /** maxAge in seconds for root fields without a hint. Var `CACHE_DEFAULT_MAX_AGE`, default 0 (not cached). */
  defaultMaxAge: number;
  /** Entities per origin batch are cached in this many Durable Objects per type. Var `ENTITY_CACHE_SHARDS`, default 4. */
  entityShards: number;
  /** Bearer token for `/admin/*`. Secret `PURGE_TOKEN`; unset turns the admin endpoints off. */
  purgeToken: string | undefined;
  /** Key for hashing bearer tokens into private cache scopes. Secret `CACHE_SCOPE_SECRET`; unset uses a plain SHA-256. */
  scopeSecret: string | undefined;
}

export const DEFAULT_ORIGIN_URL = 'http://127.0.0.1:4010';
const MAX_ENTRY_BYTES_LIMIT = 2_000_000;

/** Throws on a bad value: a misconfigured gateway must not start half-working. */
export function readConfig(env: object): GatewayConfig {
  const vars = env as Record<string, unknown>;
  const text = (name: string) => (typeof vars[name] === 'string' && vars[name] !== '' ? vars[name] : undefined);
  const int = (name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) =>
    readInt(name, text(name), fallback, min, max);
  return {
    originUrl: readOriginUrl(text('ORIGIN_URL') ?? DEFAULT_ORIGIN_URL),
    originTimeoutMs: int('ORIGIN_TIMEOUT_MS', 3000, 1),
    environment: text('ENVIRONMENT') ?? 'development',
    cache: {
      leaseMs: int('CACHE_LOCK_LEASE_MS', 10_000, 1),
      lockTimeoutMs: int('CACHE_LOCK_TIMEOUT_MS', 5000, 1),
      memoryTtlMs: int('CACHE_MEMORY_TTL_MS', 1000, 0),
      memoryMaxBytes: int('CACHE_MEMORY_MAX_BYTES', 16 * 1024 * 1024, 0),
      maxEntryBytes: int('CACHE_MAX_ENTRY_BYTES', 1_900_000, 1, MAX_ENTRY_BYTES_LIMIT),
      defaultMaxAge: int('CACHE_DEFAULT_MAX_AGE', 0, 0),
      entityShards: int('ENTITY_CACHE_SHARDS', 4, 1, 256),
      purgeToken: text('PURGE_TOKEN'),
      scopeSecret: text('CACHE_SCOPE_SECRET'),
    },
  };
}

function readOriginUrl(value: string): string {
  const url = URL.parse(value);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`[config] ORIGIN_URL must be an http(s) URL, got "${value}"`);
  }
  return url.href.replace(/\/+$/, '');
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

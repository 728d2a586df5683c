/**
 * The gateway's settings, read once per isolate from the Worker's vars and
 * secrets by `readConfig`: which var gives which setting is there, and what
 * each var means, its default and its check are in `CONFIG_VARS`.
 * Over 250 lines on purpose: `CONFIG_VARS` is the one table of every var, kept whole.
 */
export interface GatewayConfig {
  originUrl: string | undefined;
  /** By the source's var suffix (`ORIGIN_URL_LEGACY_BILLING` → `LEGACY_BILLING`). */
  sourceUrls: Record<string, string>;
  /** `$config` by key, a source's own as `<SOURCE>_<key>` (resolved per source by `resolveSourceConfig`). */
  connectorConfig: Record<string, string>;
  connectorEnv: Record<string, string>;
  maxBatchSize: number;
  originTimeoutMs: number;
  originMaxBodyBytes: number;
  environment: string;
  cache: CacheConfig;
  shield: ShieldConfig;
  limits: RequestLimits;
  persistedOnly: boolean;
  logRequests: boolean;
  corsOrigins: '*' | string[];
  analytics: AnalyticsConfig;
  /** Unset: the dashboard answers 404. */
  dashboardToken: string | undefined;
  /** Unset: no spans are exported. */
  otlp: OtlpConfig | undefined;
}

export interface AnalyticsConfig {
  enabled: boolean;
  flushMs: number;
  shards: number;
  maxOperations: number;
}

/** Where the OTLP exporter (src/analytics/otlp.ts) posts its spans. */
export interface OtlpConfig {
  /** Without a trailing `/`: spans go to `<endpoint>/v1/traces`. */
  endpoint: string;
  headers: Record<string, string>;
  serviceName: string;
}

export interface ShieldConfig {
  maxConcurrency: number;
  queueTimeoutMs: number;
  breakerFailures: number;
  breakerCooldownMs: number;
}

/** What a request may ask for before it costs anything. */
export interface RequestLimits {
  bodyBytes: number;
  queryLength: number;
  variablesDepth: number;
  depth: number;
  aliases: number;
  directives: number;
  tokens: number;
  cost: number;
}

export interface CacheConfig {
  leaseMs: number;
  lockTimeoutMs: number;
  memoryTtlMs: number;
  locationTtlMs: number;
  indexShards: number;
  memoryMaxBytes: number;
  maxEntryBytes: number;
  defaultMaxAge: number;
  fieldShards: number;
  purgeToken: string | undefined;
  scopeSecret: string | undefined;
  /** Lower-case. */
  identityHeaders: string[];
  honorOriginCacheControl: boolean;
}

/**
 * One var (or secret). Unset or empty, it stands for `default`; without a
 * default the setting stays unset. `read` checks the text and makes the
 * setting of it, throwing `[config] ...`; without it the text is the setting.
 * A name with `<...>` in it is a family, every var with the prefix before the
 * `<`: those with a `read` skip empty ones, as single vars do; those without
 * pass their values on verbatim, empty ones too (what `$config` and `$env`
 * give connectors, where an empty `CONFIG_<SOURCE>_<key>` still overrides).
 */
interface ConfigVar<Meaning extends string = string> {
  /**
   * What it does, in a line (docs/reference/configuration.md's table, which a
   * test holds to these names and defaults, says more). A type only, the
   * helpers' first type argument, so that the Worker carries none of the text.
   */
  readonly [MEANING]?: Meaning;
  /** As written in wrangler.toml, which therefore sets only what differs from it. */
  default?: string;
  read?: Read<unknown>;
}

/** Declared only: the key of a meaning, which is never a value. */
declare const MEANING: unique symbol;

type Read<T> = (name: string, value: string) => T;

/** Text used as it is; without a default, unset when not given. */
function text<Meaning extends string = never>(): ConfigVar<Meaning>;
function text<Meaning extends string = never>(fallback: string): ConfigVar<Meaning> & { default: string };
function text(fallback?: string): ConfigVar {
  return { default: fallback };
}

/** Text `read` checks and makes a `T` of; no default. */
const optional = <Meaning extends string = never, T = never>(read: Read<T>): ConfigVar<Meaning> & { read: Read<T> } => ({ read });

/** An http(s) base URL, without a trailing `/`; no default. */
const url = <Meaning extends string = never>() => optional<Meaning, string>(readOriginUrl);

/** Text `read` checks and makes a `T` of. */
const checked = <Meaning extends string = never, T = never>(fallback: string, read: Read<T>): ConfigVar<Meaning> & { default: string; read: Read<T> } => ({ default: fallback, read });

const int = <Meaning extends string = never>(fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) =>
  checked<Meaning, number>(String(fallback), (name, value) => readInt(name, value, min, max));

const flag = <Meaning extends string = never>(fallback: boolean) => checked<Meaning, boolean>(String(fallback), readBoolean);

/** A SQLite-backed Durable Object's value holds 2 MB: a larger entry could never be stored. */
const MAX_ENTRY_BYTES_LIMIT = 2_000_000;

/** `ORIGIN_MAX_BODY_BYTES` unset, and the origin client's own default: far above any answer the gateway maps, far below an isolate's 128 MB. */
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * Every var and secret the gateway reads: the one place for their meanings
 * (each helper's type argument), defaults and checks.
 */
export const CONFIG_VARS = {
  ORIGIN_URL: url<"overrides the base URL of the schema's only `@source` (unset: its `baseURL`)">(),
  'ORIGIN_URL_<SOURCE>': url<'the base URL of one of several sources: its name upper-cased, other characters as `_`'>(),
  'CONFIG_<key>': text<'what connectors read as `$config.<key>`; `CONFIG_<SOURCE>_<key>` gives one source its own'>(),
  'ENV_<NAME>': text<"what connectors read as `$env.<NAME>`; `$env` reads nothing else, never the gateway's own settings">(),
  CONNECT_MAX_BATCH_SIZE: int<'keys per batched connector call at most; larger loads are split'>(100, 1, 10_000),
  ORIGIN_TIMEOUT_MS: int<'milliseconds before one origin call is abandoned'>(3000, 1),
  ORIGIN_MAX_BODY_BYTES: int<"bytes of one origin answer's body read at most, decompressed; more is `ORIGIN_BODY_TOO_LARGE`">(DEFAULT_MAX_BODY_BYTES, 1),
  ENVIRONMENT: text<'`production` turns GraphiQL and introspection off'>('development'),
  CACHE_LOCK_LEASE_MS: int<"how long a leader may hold a key's lease before the next request takes over">(10_000, 1),
  CACHE_LOCK_TIMEOUT_MS: int<"how long a request waits for another's result before `ORIGIN_BUSY`">(5000, 1),
  CACHE_MEMORY_TTL_MS: int<"how long an isolate answers from memory before asking the key's Durable Object again">(1000, 0),
  CACHE_MEMORY_MAX_BYTES: int<'size of the per-isolate memory tier'>(16 * 1024 * 1024, 0),
  CACHE_MAX_ENTRY_BYTES: int<'larger responses pass through uncached (`BYPASS`)'>(1_900_000, 1, MAX_ENTRY_BYTES_LIMIT),
  CACHE_DEFAULT_MAX_AGE: int<'maxAge in seconds for root fields without a hint; 0 leaves them uncached'>(0, 0),
  FIELD_CACHE_SHARDS: int<'Durable Objects the per-field cache of connector calls is spread over'>(16, 1, 256),
  CACHE_LOCATION_TTL_MS: int<"how long a location's isolates share a confirmed entry through the Cache API; 0 is off; adds to the bound on serving a purged entry, as the memory tier's TTL does">(0, 0),
  CACHE_INDEX_SHARDS: int<'Durable Objects the cache index (which responses contain which entities) is spread over'>(16, 1, 256),
  ORIGIN_MAX_CONCURRENCY: int<'origin requests in flight at once, across every isolate'>(8, 1),
  ORIGIN_QUEUE_TIMEOUT_MS: int<'how long a call queues for an origin slot before `ORIGIN_BUSY`'>(5000, 1),
  ORIGIN_BREAKER_FAILURES: int<'consecutive origin failures that open the circuit breaker'>(5, 1),
  ORIGIN_BREAKER_COOLDOWN_MS: int<'how long the open breaker skips the origin before one probe decides'>(10_000, 1),
  MAX_BODY_BYTES: int<'larger request bodies get 413'>(102_400, 1),
  MAX_QUERY_LENGTH: int<'longer query text gets 400 `QUERY_TOO_LARGE`'>(15_000, 1),
  MAX_VARIABLES_DEPTH: int<"levels of objects and arrays in `variables` or `extensions`, the object itself the first; deeper gets 400 (at most 1000: the cache key's stable stringify overflows the stack some 8,000 levels down)">(64, 1, 1000),
  MAX_DEPTH: int<'graphql-armor max depth'>(8, 1),
  MAX_ALIASES: int<'graphql-armor max aliases'>(15, 0),
  MAX_DIRECTIVES: int<'graphql-armor max directives'>(50, 0),
  MAX_TOKENS: int<"graphql-armor max tokens (also bounds the gateway's own parse)">(1000, 1),
  MAX_COST: int<'graphql-armor cost limit: 2 per object, 1 per scalar, ×1.5 per level, times a literal `first`'>(5000, 1),
  CORS_ORIGINS: checked<'origins whose pages may call the gateway: `*`, or a comma-separated list', '*' | string[]>('*', readOrigins),
  LOG_REQUESTS: flag<'one JSON log line per GraphQL request'>(true),
  PERSISTED_ONLY: flag<'`true`: only the operations in the codegen manifest run'>(false),
  PURGE_TOKEN: text<'secret: bearer token for `/admin/*`; unset turns the admin endpoints off'>(),
  CACHE_SCOPE_SECRET: text<"secret: key for hashing callers' identity headers into private cache scopes; unset uses a plain SHA-256">(),
  IDENTITY_HEADERS: checked<'client headers that identify a caller: answers that may forward one are PRIVATE, cached per the values of all of them', string[]>(
    'authorization, cookie',
    readHeaderNames,
  ),
  ORIGIN_CACHE_CONTROL: checked<
    "`honor`: the origin's `Cache-Control: private` / `no-store` and `Set-Cookie` keep its answers out of shared caches; `ignore`: the hints alone decide",
    'honor' | 'ignore'
  >('honor', (name, value) => readChoice(name, value, ['honor', 'ignore'])),
  ANALYTICS_ENABLED: flag<'each isolate counts requests and connector calls in memory and flushes them to the analytics objects; `false` records nothing (not named `ANALYTICS`: that is the Analytics Engine binding)'>(true),
  ANALYTICS_FLUSH_MS: int<"how long an isolate's counts wait in memory before they are flushed to its analytics object">(5000, 1),
  ANALYTICS_SHARDS: int<'Durable Objects the analytics are spread over: each isolate flushes to one, reads ask them all'>(4, 1, 64),
  ANALYTICS_MAX_OPERATIONS: int<"operations (and connectors, error codes) an isolate counts by name per flush; the rest under `(other)`">(300, 1),
  OTLP_ENDPOINT: url<"an OpenTelemetry collector's OTLP/HTTP base URL: request and connector spans are posted to `<url>/v1/traces`; unset: no spans">(),
  OTLP_HEADERS: optional<'secret: headers for the collector, `name=value,name=value` (values percent-encoded)', Record<string, string>>(readHeaderPairs),
  OTLP_SERVICE_NAME: text<"the spans' `service.name`">('graphql-edge-gateway'),
  DASHBOARD_TOKEN: text<'secret: the token that signs in to `/admin/dashboard` (read-only; not `PURGE_TOKEN`); unset turns the dashboard off'>(),
} satisfies Record<string, ConfigVar>;

type VarName = keyof typeof CONFIG_VARS;
/** Each var's meaning by its name: `never` for one written without. */
export type ConfigMeanings = { [N in VarName]: NonNullable<(typeof CONFIG_VARS)[N][typeof MEANING]> };
type FamilyName = Extract<VarName, `${string}<${string}>`>;
declare global {
  /** `wrangler types` lists only the vars wrangler.toml sets, those that differ from their defaults: the Worker may be given any of the table's. */
  interface Env extends Partial<Record<Exclude<VarName, FamilyName>, string>> {}
}

/** What `readConfig` makes of a var: its `read`'s value, else its text; `undefined` too when it has no default. */
type Setting<V> = (V extends { read: (name: string, value: string) => infer T } ? T : string) | (V extends { default: string } ? never : undefined);

/** Throws on a bad value: a misconfigured gateway must not start half-working. */
export function readConfig(env: object): GatewayConfig {
  const vars = env as Record<string, unknown>;
  const given = (name: string) => (typeof vars[name] === 'string' && vars[name] !== '' ? vars[name] : undefined);
  const setting = <N extends Exclude<VarName, FamilyName>>(name: N): Setting<(typeof CONFIG_VARS)[N]> => {
    const { default: fallback, read }: ConfigVar = CONFIG_VARS[name];
    const value = given(name) ?? fallback;
    return (value !== undefined && read ? read(name, value) : value) as Setting<(typeof CONFIG_VARS)[N]>;
  };
  /** The family's vars by the rest of their name. */
  const family = (name: FamilyName): Record<string, string> => {
    const { read }: ConfigVar = CONFIG_VARS[name];
    const prefix = name.slice(0, name.indexOf('<'));
    const found: Record<string, string> = {};
    for (const [name, value] of Object.entries(vars)) {
      if (name.startsWith(prefix) && typeof value === 'string' && (value || !read)) found[name.slice(prefix.length)] = read ? (read(name, value) as string) : value;
    }
    return found;
  };
  return {
    originUrl: setting('ORIGIN_URL'),
    sourceUrls: family('ORIGIN_URL_<SOURCE>'),
    connectorConfig: family('CONFIG_<key>'),
    connectorEnv: family('ENV_<NAME>'),
    maxBatchSize: setting('CONNECT_MAX_BATCH_SIZE'),
    originTimeoutMs: setting('ORIGIN_TIMEOUT_MS'),
    originMaxBodyBytes: setting('ORIGIN_MAX_BODY_BYTES'),
    environment: setting('ENVIRONMENT'),
    cache: {
      leaseMs: setting('CACHE_LOCK_LEASE_MS'),
      lockTimeoutMs: setting('CACHE_LOCK_TIMEOUT_MS'),
      memoryTtlMs: setting('CACHE_MEMORY_TTL_MS'),
      locationTtlMs: setting('CACHE_LOCATION_TTL_MS'),
      indexShards: setting('CACHE_INDEX_SHARDS'),
      memoryMaxBytes: setting('CACHE_MEMORY_MAX_BYTES'),
      maxEntryBytes: setting('CACHE_MAX_ENTRY_BYTES'),
      defaultMaxAge: setting('CACHE_DEFAULT_MAX_AGE'),
      fieldShards: setting('FIELD_CACHE_SHARDS'),
      purgeToken: setting('PURGE_TOKEN'),
      scopeSecret: setting('CACHE_SCOPE_SECRET'),
      identityHeaders: setting('IDENTITY_HEADERS'),
      honorOriginCacheControl: setting('ORIGIN_CACHE_CONTROL') === 'honor',
    },
    shield: {
      maxConcurrency: setting('ORIGIN_MAX_CONCURRENCY'),
      queueTimeoutMs: setting('ORIGIN_QUEUE_TIMEOUT_MS'),
      breakerFailures: setting('ORIGIN_BREAKER_FAILURES'),
      breakerCooldownMs: setting('ORIGIN_BREAKER_COOLDOWN_MS'),
    },
    limits: {
      bodyBytes: setting('MAX_BODY_BYTES'),
      queryLength: setting('MAX_QUERY_LENGTH'),
      variablesDepth: setting('MAX_VARIABLES_DEPTH'),
      depth: setting('MAX_DEPTH'),
      aliases: setting('MAX_ALIASES'),
      directives: setting('MAX_DIRECTIVES'),
      tokens: setting('MAX_TOKENS'),
      cost: setting('MAX_COST'),
    },
    persistedOnly: setting('PERSISTED_ONLY'),
    logRequests: setting('LOG_REQUESTS'),
    corsOrigins: setting('CORS_ORIGINS'),
    analytics: { enabled: setting('ANALYTICS_ENABLED'), flushMs: setting('ANALYTICS_FLUSH_MS'), shards: setting('ANALYTICS_SHARDS'), maxOperations: setting('ANALYTICS_MAX_OPERATIONS') },
    otlp: otlpConfig(setting('OTLP_ENDPOINT'), setting('OTLP_HEADERS'), setting('OTLP_SERVICE_NAME')),
    dashboardToken: setting('DASHBOARD_TOKEN'),
  };
}

function otlpConfig(endpoint: string | undefined, headers: Record<string, string> | undefined, serviceName: string): OtlpConfig | undefined {
  return endpoint ? { endpoint, headers: headers ?? {}, serviceName } : undefined;
}

function readOriginUrl(name: string, value: string): string {
  const url = URL.parse(value);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`[config] ${name} must be an http(s) URL, got "${value}"`);
  }
  return url.href.replace(/\/+$/, '');
}

function readOrigins(name: string, value: string): '*' | string[] {
  if (value.trim() === '*') return '*';
  return value.split(',').map((origin) => {
    const url = URL.parse(origin.trim());
    if (!url || url.origin !== origin.trim()) throw new Error(`[config] ${name} must be * or origins like https://shop.example.com, got "${origin}"`);
    return url.origin;
  });
}

/** An HTTP header name (a token, RFC 9110 §5.1), lower-cased. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/;

/** HTTP header names, lower-cased; at least one. */
function readHeaderNames(name: string, value: string): string[] {
  const names = value.split(',').map((header) => header.trim().toLowerCase()).filter(Boolean);
  if (!names.length || names.some((header) => !HEADER_NAME.test(header))) {
    throw new Error(`[config] ${name} must be a comma-separated list of header names, got "${value}"`);
  }
  return names;
}

/** `name=value` pairs, comma-separated, values percent-decoded: OpenTelemetry's `OTEL_EXPORTER_OTLP_HEADERS` format. */
function readHeaderPairs(name: string, value: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of value.split(',')) {
    const at = pair.indexOf('=');
    const header = pair.slice(0, at).trim().toLowerCase();
    let decoded: string | undefined;
    try {
      decoded = at < 0 ? undefined : decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      // A malformed %-escape: refused below, with the var's name.
    }
    if (!HEADER_NAME.test(header) || decoded === undefined) throw new Error(`[config] ${name} must be name=value pairs separated by commas, values percent-encoded, got "${pair.trim()}"`);
    headers[header] = decoded;
  }
  return headers;
}

function readChoice<T extends string>(name: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) throw new Error(`[config] ${name} must be one of ${choices.join(', ')}, got "${value}"`);
  return value as T;
}

function readBoolean(name: string, value: string): boolean {
  if (value === 'true' || value === 'false') return value === 'true';
  throw new Error(`[config] ${name} must be "true" or "false", got "${value}"`);
}

function readInt(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer from ${min} to ${max}`;
    throw new Error(`[config] ${name} must be ${range}, got "${value}"`);
  }
  return n;
}

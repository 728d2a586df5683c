/** The gateway's settings, read once per isolate from the Worker's vars. */
export interface GatewayConfig {
  /** Base URL of the legacy REST origin. Var `ORIGIN_URL`, default `http://127.0.0.1:4010`. */
  originUrl: string;
  /** Milliseconds before one origin call is abandoned. Var `ORIGIN_TIMEOUT_MS`, default 3000. */
  originTimeoutMs: number;
  /** `production` turns GraphiQL off. Var `ENVIRONMENT`, default `development`. */
  environment: string;
}

export const DEFAULT_ORIGIN_URL = 'http://127.0.0.1:4010';
export const DEFAULT_ORIGIN_TIMEOUT_MS = 3000;

/** Throws on a bad value: a misconfigured gateway must not start half-working. */
export function readConfig(env: Partial<Env>): GatewayConfig {
  return {
    originUrl: readOriginUrl(env.ORIGIN_URL || DEFAULT_ORIGIN_URL),
    originTimeoutMs: readPositiveInt('ORIGIN_TIMEOUT_MS', env.ORIGIN_TIMEOUT_MS, DEFAULT_ORIGIN_TIMEOUT_MS),
    environment: env.ENVIRONMENT || 'development',
  };
}

function readOriginUrl(value: string): string {
  const url = URL.parse(value);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new Error(`[config] ORIGIN_URL must be an http(s) URL, got "${value}"`);
  }
  return url.href.replace(/\/+$/, '');
}

function readPositiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new Error(`[config] ${name} must be a positive integer, got "${value}"`);
  }
  return n;
}

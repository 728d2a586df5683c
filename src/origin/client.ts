import type { OriginErrorBody } from './types.ts';
import type { OriginGate } from './origin-gate.ts';
import { OriginError, originStatusError, originUnavailable } from './origin-error.ts';

export interface OriginClientOptions {
  /** Base URL of the REST origin, without a trailing slash. */
  baseUrl: string;
  /** Abort a call that has not been answered after this many milliseconds. */
  timeoutMs: number;
  /** The caller's `Authorization` header; sent only on calls made with `{ auth: true }`. */
  authorization?: string | null;
  /** Told of every request sent, once it ends, with its duration, for Server-Timing and the log line. */
  onCall?: (ms: number) => void;
  /** The origin shield every call passes. Without one, calls go straight out. */
  gate?: OriginGate;
  /** Retries of an idempotent GET. Default 2. */
  retries?: number;
}

export interface CallOptions {
  /** Forward the caller's `Authorization`. Public reads go without it. */
  auth?: boolean;
}

/** The one way the gateway talks to the origin. Every failure is an `OriginError`. */
export interface OriginClient {
  /** True when the caller sent an `Authorization` header. */
  readonly authenticated: boolean;
  get<T>(path: string, options?: CallOptions): Promise<T>;
  /** Like `get`, but an origin 404 is `null`. */
  find<T>(path: string, options?: CallOptions): Promise<T | null>;
  send<T>(method: 'POST' | 'PUT', path: string, body: unknown, options?: CallOptions): Promise<T>;
}

/**
 * Statuses after which a GET is tried again (as in ofetch): the origin or a
 * proxy in front of it could not answer this time. Only GETs, which change
 * nothing (RFC 9110 §9.2.2), and never after a timeout, which already cost
 * the whole `timeoutMs`.
 */
export const RETRYABLE_STATUSES: readonly number[] = [502, 503, 504];
const BACKOFF_MS = 100;

type Attempt = { response: Response; text: string } | { failure: 'network' | 'timeout'; error: unknown };

export function createOriginClient(options: OriginClientOptions): OriginClient {
  const { baseUrl, timeoutMs, authorization, onCall, gate, retries = 2 } = options;

  async function attempt(url: string, init: RequestInit): Promise<Attempt> {
    const started = Date.now();
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      return { response, text: await response.text() };
    } catch (error) {
      return { failure: isTimeout(error) ? 'timeout' : 'network', error };
    } finally {
      onCall?.(Date.now() - started);
    }
  }

  async function call<T>(method: string, path: string, body: unknown, callOptions: CallOptions = {}): Promise<T> {
    const url = baseUrl + path;
    const request = `[${method}] "${url}"`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (callOptions.auth && authorization) headers.authorization = authorization;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const init = { method, headers, body: body === undefined ? undefined : JSON.stringify(body) };

    async function send(): Promise<T> {
      for (let tries = 0; ; tries++) {
        const result = await attempt(url, init);
        const retryable = 'failure' in result ? result.failure === 'network' : RETRYABLE_STATUSES.includes(result.response.status);
        if (retryable && method === 'GET' && tries < retries) {
          await backoff(tries);
          continue;
        }
        if ('failure' in result) {
          const reason = result.failure === 'timeout' ? `no answer within ${timeoutMs}ms` : `network error: ${describe(result.error)}`;
          throw originUnavailable(request, reason, result.error);
        }
        const { response, text } = result;
        if (!response.ok) throw originStatusError(request, response.status, response.statusText, errorMessageOf(text));
        try {
          return JSON.parse(text) as T;
        } catch (error) {
          throw originUnavailable(request, `${response.status}, body is not JSON`, error);
        }
      }
    }

    return gate ? gate(request, send) : send();
  }

  return {
    authenticated: Boolean(authorization),
    get: (path, callOptions) => call('GET', path, undefined, callOptions),
    async find(path, callOptions) {
      try {
        return await call('GET', path, undefined, callOptions);
      } catch (error) {
        if (error instanceof OriginError && error.status === 404) return null;
        throw error;
      }
    },
    send: (method, path, body, callOptions) => call(method, path, body, callOptions),
  };
}

/** Exponential with full jitter, so that retries from many isolates do not arrive together. */
function backoff(tries: number): Promise<void> {
  const ms = BACKOFF_MS * 2 ** tries * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function errorMessageOf(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as Partial<OriginErrorBody>;
    return typeof body.error?.message === 'string' ? body.error.message : undefined;
  } catch {
    return undefined;
  }
}

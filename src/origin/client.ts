import type { OriginErrorBody } from './types.ts';
import { OriginError, originStatusError, originUnavailable } from './origin-error.ts';

export interface OriginClientOptions {
  /** Base URL of the REST origin, without a trailing slash. */
  baseUrl: string;
  /** Abort a call that has not been answered after this many milliseconds. */
  timeoutMs: number;
  /** The caller's `Authorization` header; sent only on calls made with `{ auth: true }`. */
  authorization?: string | null;
  /** Told of every call once it ends, with its duration, for Server-Timing and the log line. */
  onCall?: (ms: number) => void;
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

export function createOriginClient({ baseUrl, timeoutMs, authorization, onCall }: OriginClientOptions): OriginClient {
  async function call<T>(method: string, path: string, body: unknown, options: CallOptions = {}): Promise<T> {
    const url = baseUrl + path;
    const request = `[${method}] "${url}"`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.auth && authorization) headers.authorization = authorization;
    if (body !== undefined) headers['content-type'] = 'application/json';

    let response: Response;
    let text: string;
    const started = Date.now();
    try {
      response = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const reason = isTimeout(error) ? `no answer within ${timeoutMs}ms` : `network error: ${describe(error)}`;
      throw originUnavailable(request, reason, error);
    } finally {
      onCall?.(Date.now() - started);
    }

    if (!response.ok) {
      throw originStatusError(request, response.status, response.statusText, errorMessageOf(text));
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw originUnavailable(request, `${response.status}, body is not JSON`, error);
    }
  }

  return {
    authenticated: Boolean(authorization),
    get: (path, options) => call('GET', path, undefined, options),
    async find(path, options) {
      try {
        return await call('GET', path, undefined, options);
      } catch (error) {
        if (error instanceof OriginError && error.status === 404) return null;
        throw error;
      }
    },
    send: (method, path, body, options) => call(method, path, body, options),
  };
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

/**
 * The upstream stage: the one way the gateway talks to an origin (this
 * client, and the shield every call passes). It sends what the connectors
 * built, and answers the origin's JSON or throws an `UpstreamError`, a
 * transport error that the resolver boundary, not this stage, turns into
 * what clients see. It is the last stage: it may import only the leaves
 * (src/shared, src/single-flight, src/cache-hints, src/config.ts), never
 * another stage nor src/invalidation.
 */
import { DEFAULT_MAX_BODY_BYTES } from '../config.ts';
import { nestsDeeperThan } from '../shared/json-depth.ts';
import type { OriginShield } from './origin-shield.ts';
import { UpstreamError, type UpstreamCall } from './upstream-error.ts';
import { sharingOf, type OriginSharing } from '../shared/origin-sharing.ts';
import { readBody } from './read-body.ts';
import { isRedirect, nextHop, type Hop } from './redirects.ts';
import { retryAfterSeconds } from './retry-after.ts';

export interface OriginClientOptions {
  /** Abort a call that has not been answered after this many milliseconds. */
  timeoutMs: number;
  /** Told of every request sent, once it ends, with its duration, for Server-Timing and the log line. */
  onCall?: (ms: number) => void;
  /** The origin shield of the URL's host, which every call passes. Without one, calls go straight out. */
  shieldFor?: (url: URL) => OriginShield | undefined;
  /** Retries of an idempotent GET. Default 2. */
  retries?: number;
  /** Whether the origin's `Cache-Control: private` / `no-store` and `Set-Cookie` are heeded (`ORIGIN_CACHE_CONTROL`). Default true. */
  honorCacheControl?: boolean;
  /** The most bytes of one answer's body that are read, decompressed (`ORIGIN_MAX_BODY_BYTES`). Default 8 MiB. */
  maxBodyBytes?: number;
}

export interface OriginRequest {
  method: string;
  url: string;
  /** Sent as they are: the connectors decide which of the caller's headers are forwarded. */
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is, in place of `body`, with the `content-type` the headers give (a form). */
  encodedBody?: string | undefined;
  /** A 4xx other than 429 is an answer, not an error: the connector maps it (`errors`, `isSuccess`). 429 and 5xx stay failures, which the shield and stale-if-error handle. */
  answerClientErrors?: boolean;
  /** Answer headers (lower-case) the connector reads as `$response.headers.<name>`. */
  responseHeaders?: readonly string[];
}

/** An origin's JSON answer, and whether its headers let it be shared with other callers. */
export interface OriginAnswer<T> {
  body: T;
  sharing: OriginSharing;
  status: number;
  /** The `responseHeaders` asked for that the origin sent, each as a list of values. */
  headers: Record<string, string[]>;
}

/**
 * The one way the gateway talks to an origin. Every failure is an `UpstreamError`.
 * It follows redirects only within the origin, reads at most `maxBodyBytes`,
 * and refuses JSON nested deeper than the gateway can map.
 */
export interface OriginClient {
  request<T>(request: OriginRequest): Promise<OriginAnswer<T>>;
}

/**
 * Statuses after which a GET is tried again (as in ofetch): the origin or a
 * proxy in front of it could not answer this time. Only GETs, which change
 * nothing (RFC 9110 §9.2.2), and never after a timeout, which already cost
 * the whole `timeoutMs`.
 */
export const RETRYABLE_STATUSES: readonly number[] = [502, 503, 504];
const BACKOFF_MS = 100;
/** Deeper JSON is refused: far beyond any real answer, far within what the mapping's recursion survives. */
const MAX_JSON_DEPTH = 512;
/** Statuses that carry no content, whatever the origin sends with them (RFC 9110 §15.3.5, §15.3.6). */
const NO_CONTENT_STATUSES: readonly number[] = [204, 205];

type Attempt = { response: Response; text: string } | { failure: 'network' | 'timeout'; error: unknown };

export function createOriginClient(options: OriginClientOptions): OriginClient {
  const { timeoutMs, onCall, shieldFor, retries = 2, honorCacheControl = true, maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options;

  /**
   * One try: the request, the redirects it may follow (fetch's own `follow`
   * would take the caller's headers and body to any host, 20 times), and the
   * body, all within one `timeoutMs`. An answer that must not be used throws
   * its `UpstreamError` rather than returning a failure: it is not retried.
   */
  async function attempt(call: UpstreamCall, first: Hop): Promise<Attempt> {
    const signal = AbortSignal.timeout(timeoutMs);
    let hop = first;
    try {
      for (let followed = 0; ; followed++) {
        const started = Date.now();
        try {
          const response = await fetch(hop.url, { ...hop.init, redirect: 'manual', signal });
          if (!isRedirect(response.status)) return { response, text: await readBody(call, response, maxBodyBytes) };
          await response.body?.cancel();
          hop = nextHop(call, hop, response, followed);
        } finally {
          onCall?.(Date.now() - started);
        }
      }
    } catch (error) {
      if (error instanceof UpstreamError) throw error;
      return { failure: isTimeout(error) ? 'timeout' : 'network', error };
    }
  }

  async function request<T>({ method, url, headers = {}, body, encodedBody, answerClientErrors = false, responseHeaders = [] }: OriginRequest): Promise<OriginAnswer<T>> {
    const call: UpstreamCall = { method, url };
    const sent: Record<string, string> = { accept: 'application/json', ...headers };
    if (body !== undefined && encodedBody === undefined) sent['content-type'] = 'application/json';
    const first: Hop = { url, init: { method, headers: sent, body: encodedBody ?? (body === undefined ? undefined : JSON.stringify(body)) } };

    async function send(): Promise<OriginAnswer<T>> {
      for (let tries = 0; ; tries++) {
        const result = await attempt(call, first);
        const retryable = 'failure' in result ? result.failure === 'network' : RETRYABLE_STATUSES.includes(result.response.status);
        if (retryable && method === 'GET' && tries < retries) {
          await backoff(tries);
          continue;
        }
        if ('failure' in result) {
          const reason = result.failure === 'timeout' ? `no answer within ${timeoutMs}ms` : `network error: ${describe(result.error)}`;
          throw new UpstreamError(result.failure, call, reason, { cause: result.error });
        }
        const { response, text } = result;
        const { status } = response;
        if (!response.ok && !(answerClientErrors && status >= 400 && status < 500 && status !== 429)) {
          const retryAfter = status === 429 ? retryAfterSeconds(response.headers.get('retry-after')) : undefined;
          throw new UpstreamError('status', call, `${status} ${response.statusText}`.trimEnd(), { status, data: parsedOrText(text), retryAfter });
        }
        const sharing = honorCacheControl ? sharingOf(response.headers) : 'shared';
        const answered: Record<string, string[]> = {};
        for (const name of responseHeaders) {
          const value = response.headers.get(name);
          if (value !== null) answered[name] = [value];
        }
        const answer = (parsed: unknown): OriginAnswer<T> => ({ body: parsed as T, sharing, status, headers: answered });
        // Else an empty body is a write that answers nothing.
        if (NO_CONTENT_STATUSES.includes(status) || !text) return answer(null);
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch (error) {
          // An error answer the connector maps may be plain text: `$` is then that text.
          if (!response.ok) return answer(text);
          throw new UpstreamError('not-json', call, `${status}, body is not JSON`, { status, data: text, cause: error });
        }
        if (nestsDeeperThan(parsed, MAX_JSON_DEPTH)) throw new UpstreamError('too-deep', call, `${status}, JSON nested deeper than ${MAX_JSON_DEPTH} levels`, { status });
        return answer(parsed);
      }
    }

    const shield = shieldFor?.(new URL(url));
    return shield ? shield(call, send) : send();
  }

  return { request };
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

/** An error answer's body as `UpstreamError.data`: its JSON, else its text (already within `maxBodyBytes`); undefined when empty. */
function parsedOrText(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A call as the gateway made it. Its URL names an internal host and may carry secrets: for logs, never for clients. */
export interface UpstreamCall {
  method: string;
  url: string;
}

/**
 * Why a call failed:
 * - `status`: the origin answered with a status the caller does not take as an answer;
 * - `timeout`, `network`: no answer at all;
 * - `not-json`, `too-deep`: a 2xx whose body is not JSON, or JSON nested deeper than the gateway maps;
 * - `too-large`: a body over the client's `maxBodyBytes`, decompressed;
 * - `redirect-refused`: a redirect the client does not follow (another origin, no usable `Location`, one hop too many);
 * - `unexpected-shape`: JSON the caller cannot use (a batch answer that is no list);
 * - `shield-busy`, `shield-open`, `shield-paused`: the shield did not send it (no slot in time, the breaker open, the origin's pause).
 */
export type UpstreamFailure =
  | 'status'
  | 'timeout'
  | 'network'
  | 'not-json'
  | 'too-deep'
  | 'too-large'
  | 'redirect-refused'
  | 'unexpected-shape'
  | 'shield-busy'
  | 'shield-open'
  | 'shield-paused';

/** Statuses the caller caused, not the origin: the breaker counts them as answers, and the resolver boundary maps each its own way. */
export const CALLER_STATUSES = [400, 401, 403, 404, 409, 413, 422] as const;
export type CallerStatus = (typeof CALLER_STATUSES)[number];

export function isCallerStatus(status: number | undefined): status is CallerStatus {
  return (CALLER_STATUSES as readonly (number | undefined)[]).includes(status);
}

/** What an `UpstreamError` keeps beside its call, as its fields of the same names. */
export interface UpstreamErrorOptions {
  /** The origin's status when it answered; undefined for a network error, a timeout or a call the shield held back. */
  status?: number;
  /** The answer's body: parsed when it is JSON, else its text, within the client's `maxBodyBytes`. */
  data?: unknown;
  /** Seconds before the origin may be asked again: a 429's `Retry-After`, or the shield's wait. */
  retryAfter?: number;
  cause?: unknown;
}

/**
 * A failed origin call, as the transport knows it: which call, the status and
 * body when the origin answered, and the error underneath. It says nothing
 * the client sees: the resolver boundary (src/connect/upstream-to-graphql.ts)
 * maps it to a GraphQL error. The message is the log line:
 * `[GET] "http://origin/api/products/7": 503 Service Unavailable`.
 * `status`, `data` and `retryAfter`: see `UpstreamErrorOptions`.
 */
export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  readonly kind: UpstreamFailure;
  readonly request: UpstreamCall;
  readonly status: number | undefined;
  readonly data: unknown;
  readonly retryAfter: number | undefined;

  constructor(kind: UpstreamFailure, { method, url }: UpstreamCall, reason: string, { status, data, retryAfter, cause }: UpstreamErrorOptions = {}) {
    super(`[${method}] ${JSON.stringify(url)}: ${reason}`, cause === undefined ? undefined : { cause });
    this.kind = kind;
    // A copy: the call's headers and body (an `Authorization`) are not kept.
    this.request = { method, url };
    this.status = status;
    this.data = data;
    this.retryAfter = retryAfter;
  }
}

/** The origin's "none": a 404 it answered, not another failure that happened to come with a 404. */
export function isNotFound(error: unknown): boolean {
  return error instanceof UpstreamError && error.kind === 'status' && error.status === 404;
}

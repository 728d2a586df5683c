import { GraphQLError } from 'graphql';
import { isPublicOriginMessage } from './public-message.ts';
import { retryAfterSeconds } from './retry-after.ts';

/** The `extensions.code` values that origin failures map to. */
export type OriginErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'ORIGIN_RATE_LIMITED'
  | 'ORIGIN_UNAVAILABLE'
  | 'ORIGIN_BUSY'
  | 'ORIGIN_REDIRECT_REFUSED'
  | 'ORIGIN_BODY_TOO_LARGE'
  | 'ORIGIN_INVALID_VALUE';

const INVALID_REQUEST = { code: 'BAD_USER_INPUT', message: 'The origin refused the request as invalid.' } as const;

/**
 * Statuses the caller caused, with the message the client gets when the
 * origin's own may not be shown (see `isPublicOriginMessage`). Every other
 * status is the origin's fault.
 */
const CALLER_STATUSES: Record<number, { code: OriginErrorCode; message: string }> = {
  400: INVALID_REQUEST,
  401: { code: 'UNAUTHENTICATED', message: 'The origin did not accept the credentials.' },
  403: { code: 'FORBIDDEN', message: 'The origin does not allow this.' },
  404: { code: 'NOT_FOUND', message: 'The origin has no such resource.' },
  409: { code: 'CONFLICT', message: "The request conflicts with the origin's current state." },
  413: INVALID_REQUEST,
  422: INVALID_REQUEST,
};

/** The origin answered, but nothing usable: these count against it in the circuit breaker. */
const ORIGIN_FAULTS: ReadonlySet<OriginErrorCode> = new Set(['ORIGIN_UNAVAILABLE', 'ORIGIN_REDIRECT_REFUSED', 'ORIGIN_BODY_TOO_LARGE', 'ORIGIN_INVALID_VALUE']);

/** How much of a withheld origin message `detail` keeps for the log. */
const WITHHELD_MESSAGE_CHARS = 1000;

const UNAVAILABLE_MESSAGE = 'The origin is unavailable; try again later.';

export interface OriginErrorOptions {
  /** The origin's HTTP status, when it answered. */
  status?: number;
  cause?: unknown;
  /** The execution error this one stands for: its path and locations in the operation. */
  replaces?: GraphQLError;
}

/**
 * A failed origin call, as the client sees it: a GraphQL error with a public
 * message and `extensions.code`. The request line and status, which name an
 * internal host, stay in `detail` for logs and never reach the response.
 */
export class OriginError extends GraphQLError {
  /** `[GET] "http://origin/api/products/7": 503 Service Unavailable` */
  readonly detail: string;
  readonly status: number | undefined;

  constructor(code: OriginErrorCode, message: string, detail: string, { status, cause, replaces }: OriginErrorOptions = {}) {
    super(message, { extensions: { code }, nodes: replaces?.nodes, source: replaces?.source, positions: replaces?.positions, path: replaces?.path });
    this.detail = detail;
    this.status = status;
    if (cause !== undefined) this.cause = cause;
  }

  get code(): OriginErrorCode {
    return this.extensions.code as OriginErrorCode;
  }

  /** Whether the origin is to blame (no usable answer) rather than the caller (a 4xx) or the load (a 429). */
  get originFault(): boolean {
    return ORIGIN_FAULTS.has(this.code);
  }
}

/**
 * Maps an origin answer that was not 2xx nor a redirect it followed.
 * `originMessage` comes from its JSON error body: the client sees it only when
 * it names nothing of the origin's insides, else the status's own message,
 * and the origin's text stays in `detail`. The reason phrase never reaches the client.
 */
export function originStatusError(request: string, response: Response, originMessage?: string): OriginError {
  const { status, statusText } = response;
  const detail = `${request}: ${status} ${statusText}`.trimEnd();
  if (status === 429) return originRateLimited(detail, retryAfterSeconds(response.headers.get('retry-after')), status);
  const known = CALLER_STATUSES[status];
  if (!known) return new OriginError('ORIGIN_UNAVAILABLE', UNAVAILABLE_MESSAGE, detail, { status });
  if (!originMessage) return new OriginError(known.code, known.message, detail, { status });
  if (isPublicOriginMessage(originMessage)) return new OriginError(known.code, originMessage, detail, { status });
  const withheld = JSON.stringify(originMessage.slice(0, WITHHELD_MESSAGE_CHARS));
  return new OriginError(known.code, known.message, `${detail}; the origin's message, withheld: ${withheld}`, { status });
}

/** The origin asked for a pause (its 429), or the shield holds it off for the rest of one: come back in `retryAfter` seconds. */
export function originRateLimited(detail: string, retryAfter: number, status?: number): OriginError {
  const error = new OriginError('ORIGIN_RATE_LIMITED', 'The origin is rate-limiting requests; retry later.', detail, { status });
  error.extensions.retryAfter = retryAfter;
  return error;
}

/** The shield's queue wait ran out: the origin is at its concurrency cap. */
export function originBusy(request: string, retryAfterMs: number): OriginError {
  const error = new OriginError('ORIGIN_BUSY', 'The origin is busy; retry shortly.', `${request}: no origin slot within the queue timeout`);
  error.extensions.retryAfter = Math.ceil(retryAfterMs / 1000);
  return error;
}

/** A call that got no usable answer: network error, timeout, unreadable or invalid body. */
export function originUnavailable(request: string, reason: string, cause?: unknown): OriginError {
  return new OriginError('ORIGIN_UNAVAILABLE', UNAVAILABLE_MESSAGE, `${request}: ${reason}`, { cause });
}

/** A redirect the client does not follow: to another origin, without a usable `Location`, or one hop too many. `reason` names the target, for logs only. */
export function originRedirectRefused(request: string, reason: string): OriginError {
  return new OriginError('ORIGIN_REDIRECT_REFUSED', 'The origin answered with a redirect that the gateway does not follow.', `${request}: ${reason}`);
}

/** A body over `ORIGIN_MAX_BODY_BYTES`, decompressed. */
export function originBodyTooLarge(request: string, reason: string): OriginError {
  return new OriginError('ORIGIN_BODY_TOO_LARGE', "The origin's answer is too large.", `${request}: ${reason}`);
}

/** A JSON answer that the gateway cannot map: nested too deep. (A value its field's type cannot hold is `invalidValueError`'s.) */
export function originInvalidValue(request: string, reason: string): OriginError {
  return new OriginError('ORIGIN_INVALID_VALUE', "The origin's answer cannot be mapped.", `${request}: ${reason}`);
}

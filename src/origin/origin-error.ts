import { GraphQLError } from 'graphql';

/** The `extensions.code` values that origin failures map to. */
export type OriginErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'ORIGIN_UNAVAILABLE'
  | 'ORIGIN_BUSY';

/** Statuses the caller caused: the origin's own message is passed on. Every other status is the origin's fault. */
const CODE_BY_STATUS: Record<number, OriginErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'BAD_USER_INPUT',
  422: 'BAD_USER_INPUT',
};

const UNAVAILABLE_MESSAGE = 'The origin is unavailable; try again later.';

/**
 * A failed origin call, as the client sees it: a GraphQL error with a public
 * message and `extensions.code`. The request line and status, which name an
 * internal host, stay in `detail` for logs and never reach the response.
 */
export class OriginError extends GraphQLError {
  /** `[GET] "http://origin/api/products/7": 503 Service Unavailable` */
  readonly detail: string;
  readonly status: number | undefined;

  constructor(code: OriginErrorCode, message: string, detail: string, status?: number, cause?: unknown) {
    super(message, { extensions: { code } });
    this.detail = detail;
    this.status = status;
    if (cause !== undefined) this.cause = cause;
  }

  get code(): OriginErrorCode {
    return this.extensions.code as OriginErrorCode;
  }
}

/** Maps an origin answer that was not 2xx. `originMessage` comes from its JSON error body. */
export function originStatusError(request: string, status: number, statusText: string, originMessage?: string): OriginError {
  const detail = `${request}: ${status} ${statusText}`.trimEnd();
  const code = CODE_BY_STATUS[status];
  if (code) {
    return new OriginError(code, originMessage || statusText || code, detail, status);
  }
  return new OriginError('ORIGIN_UNAVAILABLE', UNAVAILABLE_MESSAGE, detail, status);
}

/** The shield's queue wait ran out: the origin is at its concurrency cap. */
export function originBusy(request: string, retryAfterMs: number): OriginError {
  const error = new OriginError('ORIGIN_BUSY', 'The origin is busy; retry shortly.', `${request}: no origin slot within the queue timeout`);
  error.extensions.retryAfter = Math.ceil(retryAfterMs / 1000);
  return error;
}

/** A call that got no usable answer: network error, timeout, unreadable or invalid body. */
export function originUnavailable(request: string, reason: string, cause?: unknown): OriginError {
  return new OriginError('ORIGIN_UNAVAILABLE', UNAVAILABLE_MESSAGE, `${request}: ${reason}`, undefined, cause);
}

import type { OutgoingHttpHeaders } from 'node:http';

export type ErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'OVERLOADED'
  | 'INTERNAL';

const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  OVERLOADED: 503,
  INTERNAL: 500,
};

/** An error the origin answers itself, as `{ error: { code, message } }`. */
export class OriginError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly headers: OutgoingHttpHeaders;

  constructor(code: ErrorCode, message: string, headers: OutgoingHttpHeaders = {}) {
    super(message);
    this.name = 'OriginError';
    this.code = code;
    this.status = STATUS[code];
    this.headers = headers;
  }
}

/** What tells one simulator's failures from another's: the body it answers and the name its logs carry. */
export interface ErrorStyle {
  /** Starts its log lines, e.g. `origin: unexpected error`. */
  name: string;
  errorBody(error: OriginError): unknown;
}

export function orNotFound<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new OriginError('NOT_FOUND', `${what} not found`);
  return value;
}

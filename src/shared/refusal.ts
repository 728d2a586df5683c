/**
 * A request answered without being run: refused by the http stage as it read
 * it, or by the response cache (a persisted operation it cannot resolve, a
 * query too long, the origin busy), or failed unexpectedly (500). Only the
 * http stage turns one into a response (respond.ts), so status, body and
 * Retry-After are set in one place.
 */
export interface Refusal {
  status: number;
  /** The GraphQL error's `extensions.code`. */
  code: string;
  message: string;
  /** Seconds the client should wait before asking again (RFC 9110 §10.2.3). */
  retryAfter?: number;
  /** The methods the endpoint takes, which a 405 must list (RFC 9110 §15.5.6). */
  allow?: string;
}

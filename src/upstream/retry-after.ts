/** The longest pause an origin's `Retry-After` imposes, on clients and on the shield: a hostile origin cannot shut the gateway out for longer. */
export const MAX_RETRY_AFTER_SECONDS = 60;

/**
 * Seconds to wait, from a `Retry-After` header (RFC 9110 §10.2.3: seconds, or
 * an HTTP date), from 1 to 60: a 429 without a usable one still holds off for
 * a second rather than letting every caller straight back in.
 */
export function retryAfterSeconds(header: string | null, now = Date.now()): number {
  const value = header?.trim() ?? '';
  const seconds = /^\d+$/.test(value) ? Number(value) : (Date.parse(value) - now) / 1000;
  if (!Number.isFinite(seconds)) return 1;
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Math.ceil(seconds)));
}

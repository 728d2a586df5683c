/**
 * The gateway's JSON log lines, one object a line, written in one place so
 * every line has the same shape: an `event` line names what happened first,
 * then its fields. The request line is the exception: it has no `event` key,
 * and operators already parse it as docs/reference/observability.md shows it.
 */
import type { CacheStatus } from './cache-stats.ts';

export type LogLevel = 'warn' | 'error';

/** `{"event": event, ...fields}` on the console method of `level`. */
export function logEvent(level: LogLevel, event: string, fields: Record<string, unknown>): void {
  console[level](JSON.stringify({ event, ...fields }));
}

/** Something failed and was survived: `{"event", ...fields, "error"}` as an error line. */
export function logFailure(event: string, error: unknown, fields: Record<string, unknown> = {}): void {
  logEvent('error', event, { ...fields, error: String(error) });
}

/** The one line per request, keys in this order. */
export interface RequestLine {
  operationName: string | null;
  cache: CacheStatus;
  originCalls: number;
  durationMs: number;
  status: number;
}

export function logRequest({ operationName, cache, originCalls, durationMs, status }: RequestLine): void {
  console.log(JSON.stringify({ operationName, cache, originCalls, durationMs, status }));
}

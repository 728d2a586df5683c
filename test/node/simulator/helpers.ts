import { afterAll, beforeAll } from 'vitest';
import type { OriginFault, OriginStats } from '../../../simulator/types.ts';
import { startOrigin, type OriginOptions, type RunningOrigin } from '../../../simulator/server.ts';
import { originAdmin } from '../../support/simulator-admin.ts';

/** Starts an origin before the file's tests and closes it after; call the returned getter inside tests. */
export function useOrigin(options: OriginOptions = {}): () => RunningOrigin {
  let origin: RunningOrigin | undefined;
  beforeAll(async () => {
    origin = await startOrigin({ port: 0, latencyMs: 0, ...options });
  });
  afterAll(async () => {
    await origin?.close();
  });
  return () => {
    if (origin === undefined) throw new Error('origin not started yet');
    return origin;
  };
}

export interface CallOptions {
  method?: string;
  token?: string | undefined;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent verbatim, for malformed bodies. */
  body?: string;
  /** Sent as they are, under the token's authorization if both are given. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface CallResult<T> {
  status: number;
  headers: Headers;
  body: T;
}

/** One HTTP request to a simulator; the body is parsed as JSON and typed as the caller expects. */
export async function call<T = unknown>(origin: RunningOrigin, path: string, options: CallOptions = {}): Promise<CallResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${origin.url}${path}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.json === undefined ? (options.body ?? null) : JSON.stringify(options.json),
    signal: options.signal ?? null,
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as T };
}

export interface ErrorBody {
  error: { code: string; message: string };
}

/** Asserts nothing by itself: returns the status and error code so one `toEqual` can check both. */
export async function callForError(origin: RunningOrigin, path: string, options: CallOptions = {}): Promise<{ status: number; code: string }> {
  const { status, body } = await call<ErrorBody>(origin, path, options);
  return { status, code: body.error.code };
}

/** The admin API of a simulator started in this process, through the one client (test/support/simulator-admin.ts). */
export function stats(origin: RunningOrigin): Promise<OriginStats> {
  return originAdmin(origin.url).stats();
}

/** Zeroes the counters and clears faults; `reseed` also restores the data. */
export async function reset(origin: RunningOrigin, reseed = false): Promise<void> {
  const admin = originAdmin(origin.url);
  await (reseed ? admin.reset() : admin.resetCounters());
}

export async function setFault(origin: RunningOrigin, fault: OriginFault): Promise<void> {
  await originAdmin(origin.url).fault(fault);
}

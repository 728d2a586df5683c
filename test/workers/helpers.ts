import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import worker from '../../src/index.ts';
import { originAdmin } from '../support/simulator-admin.ts';

export interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } & Record<string, unknown> }[];
}

export interface GraphQLRequest<V> {
  variables?: V;
  token?: string;
  operationName?: string;
  headers?: Record<string, string>;
}

export const PURGE_TOKEN = 'test-purge-token';

/** Sends one GraphQL request to the Worker under test, as a client would over HTTP. */
export async function gql<T = Record<string, unknown>, V = Record<string, unknown>>(
  document: string | TypedDocumentNode<T, V>,
  { variables, token, operationName, headers: extra }: GraphQLRequest<V> = {},
): Promise<{ status: number; headers: Headers; body: GraphQLBody<T> }> {
  const query = typeof document === 'string' ? document : print(document);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', ...extra };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await exports.default.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables, operationName }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLBody<T> };
}

/** `count` copies of the same request, all in flight at once. */
export function concurrently<T>(count: number, send: (i: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => send(i)));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds, for work the gateway does in the background; fails after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs}ms`);
    await sleep(25);
  }
}

export function errorCodes(body: GraphQLBody<unknown>): (string | undefined)[] {
  return (body.errors ?? []).map((error) => error.extensions?.code);
}

/**
 * Calls the Worker's default export with another env (other vars), and waits
 * for its background work. The Worker keeps one isolate state per env object:
 * build each scenario's env once and reuse it.
 */
export async function fetchWorker(target: Env, path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const request = new Request(`http://gateway.test${path}`, init) as Request<unknown, IncomingRequestCfProperties>;
  const response = await worker.fetch(request, target, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

/** Calls the gateway's admin API with the test token. */
export async function admin(path: string, body?: unknown, token = PURGE_TOKEN): Promise<Response> {
  return exports.default.fetch(`http://gateway.test/admin/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A clean slate: the origin reseeded, its counters zeroed, and every cache tier empty. */
export async function resetAll(): Promise<void> {
  const purged = await admin('purge', { all: true });
  if (!purged.ok) throw new Error(`purge failed: ${purged.status} ${await purged.text()}`);
  await origin.reset();
}

/** The origin simulator's own view: how many calls the gateway really made. */
export const origin = originAdmin(env.ORIGIN_URL);

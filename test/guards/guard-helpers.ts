import { env, exports } from 'cloudflare:workers';
import { fetchWorker } from '../helpers.ts';

export const GATEWAY = 'http://gateway.test';

export const JSON_HEADERS: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };

/** A GraphQL-over-HTTP answer as the guards write it, or as Yoga does. */
export interface ErrorBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** `undefined` when the body is not JSON (or empty). */
  body: ErrorBody | undefined;
}

export async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: ErrorBody | undefined;
  try {
    body = JSON.parse(text) as ErrorBody;
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

/**
 * The test env with other vars. The Worker keeps one isolate state per env
 * object, so build each scenario's env once and reuse it: an APQ registration
 * or a memory-tier entry lives in that state.
 */
export function envWith(vars: Partial<Env>): Env {
  return { ...env, ...vars };
}

/** Calls the Worker's default export with `target` as its env. */
export async function fetchWith(target: Env, path: string, init: RequestInit = {}): Promise<Answer> {
  return answer(await fetchWorker(target, path, init));
}

/** Through the Worker's own entry with the test bindings. */
export async function fetchGateway(path: string, init: RequestInit = {}): Promise<Answer> {
  return answer(await exports.default.fetch(`${GATEWAY}${path}`, init));
}

export function postJson(value: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(value) };
}

export function graphqlPath(params: Record<string, string>): string {
  return `/graphql?${new URLSearchParams(params)}`;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function codes(body: ErrorBody | undefined): (string | undefined)[] {
  return (body?.errors ?? []).map((error) => error.extensions?.code);
}

/** Refused: a 4xx, or a 200 whose `errors` say why (GraphQL over HTTP with `application/json`). */
export function isRefusal({ status, body }: Answer): boolean {
  if (status >= 400 && status < 500) return true;
  return status === 200 && (body?.errors?.length ?? 0) > 0;
}

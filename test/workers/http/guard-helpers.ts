import { env, exports } from 'cloudflare:workers';
import { answer, type Answer } from '../../support/answers.ts';
import { fetchWorker } from '../helpers.ts';

const GATEWAY = 'http://gateway.test';

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

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

import type { CacheStats } from '../shared/cache-stats.ts';
import type { Invalidator, PurgeRequest } from '../invalidation/invalidator.ts';
import type { MemoryTier } from '../response-cache/memory-tier.ts';
import { json } from '../shared/json-response.ts';

export interface AdminOptions {
  /** Unset: the admin endpoints answer 404. */
  token: string | undefined;
  invalidator: Invalidator;
  stats: CacheStats;
  memory: MemoryTier;
}

const MAX_NAMES = 1000;

/** `POST /admin/purge` and `GET /admin/stats`, behind `Authorization: Bearer <PURGE_TOKEN>`. */
export function createAdmin({ token, invalidator, stats, memory }: AdminOptions): (request: Request, path: string) => Promise<Response> {
  return async function admin(request, path) {
    if (!token) return json(404, { error: 'The admin endpoints are off: set the PURGE_TOKEN secret.' });
    if (!(await bearerMatches(request.headers.get('authorization'), token))) {
      return json(401, { error: 'Send Authorization: Bearer <PURGE_TOKEN>.' }, { 'www-authenticate': 'Bearer' });
    }
    if (path === '/admin/stats') {
      if (request.method !== 'GET') return json(405, { error: 'Use GET.' }, { allow: 'GET' });
      return json(200, { ...stats, memoryBytes: memory.bytes });
    }
    if (path === '/admin/purge') {
      if (request.method !== 'POST') return json(405, { error: 'Use POST.' }, { allow: 'POST' });
      const purge = parsePurge(await request.text());
      if (typeof purge === 'string') return json(400, { error: purge });
      return json(200, { purged: await invalidator.purge(purge) });
    }
    return json(404, { error: `No admin route ${path}.` });
  };
}

function parsePurge(text: string): PurgeRequest | string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'The body must be JSON: {"entities": [...]}, {"types": [...]} or {"all": true}, with optional "soft": true.';
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'The body must be a JSON object.';
  const { entities, types, all, soft } = body as Record<string, unknown>;
  for (const [name, list] of Object.entries({ entities, types })) {
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length > MAX_NAMES || !list.every((item) => typeof item === 'string' && item !== '')) {
      return `"${name}" must be a list of at most ${MAX_NAMES} non-empty strings.`;
    }
  }
  if (all !== undefined && all !== true) return '"all" must be true when given.';
  if (soft !== undefined && typeof soft !== 'boolean') return '"soft" must be a boolean.';
  if (!entities && !types && !all) return 'Name what to purge: "entities", "types" or "all".';
  return { entities: entities as string[] | undefined, types: types as string[] | undefined, all: all === true, soft: soft === true };
}

/**
 * Compares SHA-256 digests byte by byte without stopping early, so that
 * neither the token's content nor its length shows in the timing.
 */
async function bearerMatches(header: string | null, token: string): Promise<boolean> {
  // The scheme is case-insensitive (RFC 9110 §11.1).
  const presented = /^bearer +(\S+)$/i.exec(header ?? '')?.[1] ?? '';
  const encoder = new TextEncoder();
  const digest = async (text: string) => new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  const [a, b] = await Promise.all([digest(presented), digest(token)]);
  let difference = presented === '' ? 1 : 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

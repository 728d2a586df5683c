import type { Analytics } from '../analytics/analytics.ts';
import type { CacheStats } from '../shared/cache-stats.ts';
import type { Invalidator, PurgeRequest } from '../invalidation/invalidator.ts';
import type { MemoryTier } from '../response-cache/memory-tier.ts';
import { json } from '../shared/json-response.ts';
import { DASHBOARD_PATH, type Dashboard } from './dashboard.ts';
import { METRICS_PATH, serveMetrics } from './metrics.ts';
import { secretMatches } from './secret-matches.ts';

export interface AdminOptions {
  /** Unset: the admin endpoints answer 404. */
  token: string | undefined;
  invalidator: Invalidator;
  stats: CacheStats;
  memory: MemoryTier;
  /** /admin/dashboard*, behind its own token and session cookie. */
  dashboard: Dashboard;
  /** DASHBOARD_TOKEN: a bearer for the read-only `/admin/metrics` as well, so that a scraper needs no right to purge. */
  dashboardToken: string | undefined;
  analytics: Analytics;
}

const MAX_NAMES = 1000;

/** `POST /admin/purge` and `GET /admin/stats`, behind `Authorization: Bearer <PURGE_TOKEN>`; the dashboard's routes, behind DASHBOARD_TOKEN. */
export function createAdmin({ token, invalidator, stats, memory, dashboard, dashboardToken, analytics }: AdminOptions): (request: Request, path: string) => Promise<Response> {
  /** Either token as a bearer, or the dashboard's session cookie. */
  async function mayRead(request: Request): Promise<boolean> {
    const header = request.headers.get('authorization');
    for (const secret of [token, dashboardToken]) if (secret && (await bearerMatches(header, secret))) return true;
    return dashboard.signedIn(request);
  }

  return async function admin(request, path) {
    if (path === DASHBOARD_PATH || path.startsWith(`${DASHBOARD_PATH}/`)) return dashboard.serve(request, path);
    if (path === METRICS_PATH) {
      if (!token && !dashboardToken) return json(404, { error: 'The metrics are off: set the DASHBOARD_TOKEN (or PURGE_TOKEN) secret.' });
      if (!(await mayRead(request))) return json(401, { error: 'Send Authorization: Bearer <DASHBOARD_TOKEN>.' }, { 'www-authenticate': 'Bearer' });
      return serveMetrics(request, analytics);
    }
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

function bearerMatches(header: string | null, token: string): Promise<boolean> {
  // The scheme is case-insensitive (RFC 9110 §11.1).
  return secretMatches(/^bearer +(\S+)$/i.exec(header ?? '')?.[1] ?? '', token);
}

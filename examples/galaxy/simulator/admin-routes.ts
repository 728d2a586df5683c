import { OriginError } from '../../../simulator/errors.ts';
import { isRecord, ok, parseJson, type Reply } from '../../../simulator/http.ts';
import { routesByPath, type Route } from '../../../simulator/router.ts';
import { API_KEY } from './auth.ts';
import type { GalaxyState } from './server.ts';
import type { GalaxyStats } from './types.ts';

export const ADMIN_PREFIX = '/__galaxy/';

interface GalaxyAdminContext {
  state: GalaxyState;
  body: string;
}

/** Control endpoints for tests: no key, never delayed or counted. */
export const ADMIN_ROUTES: readonly Route<GalaxyAdminContext>[] = routesByPath({
  '/__galaxy/stats': { GET: ({ state }) => ok(galaxyStats(state)) },
  '/__galaxy/reset': { POST: reset },
});

/** Zeroes the counters; the key becomes `{ "apiKey": "..." }`'s, or the default one when the body has none. */
function reset({ state, body }: GalaxyAdminContext): Reply {
  const input = body === '' ? {} : parseJson(body);
  const apiKey = isRecord(input) ? (input.apiKey ?? API_KEY) : undefined;
  if (typeof apiKey !== 'string' || apiKey === '') throw new OriginError('BAD_REQUEST', 'body must be empty or { "apiKey"?: non-empty string }');
  state.stats.reset();
  state.refused = 0;
  state.apiKey = apiKey;
  return ok({ ok: true });
}

/** The shared counters without the shop's capacity figures, and the calls refused for their key. */
function galaxyStats({ stats, refused }: GalaxyState): GalaxyStats {
  const { total, routes } = stats.snapshot();
  return { total, refused, routes };
}

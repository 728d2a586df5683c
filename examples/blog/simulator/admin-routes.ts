import type { AdminContext } from '../../../simulator/admin-routes.ts';
import { ok, type Reply } from '../../../simulator/http.ts';
import { routesByPath, type Route } from '../../../simulator/router.ts';
import type { RequestStats } from '../../../simulator/stats.ts';
import type { BlogStats } from './types.ts';
import type { BlogStore } from './store.ts';

export const ADMIN_PREFIX = '/__blog/';

/** Control endpoints for tests: never delayed or counted. */
export const ADMIN_ROUTES: readonly Route<AdminContext<BlogStore>>[] = routesByPath({
  '/__blog/stats': { GET: ({ state }) => ok(blogStats(state.stats)) },
  '/__blog/reset': { POST: reset },
});

/** Always back to the seed; the body, if any, is ignored. */
function reset({ state }: AdminContext<BlogStore>): Reply {
  state.store.reseed();
  state.stats.reset();
  return ok({ ok: true });
}

/** The shared counters without the shop's capacity figures, which the blog has no use for. */
function blogStats(stats: RequestStats): BlogStats {
  const { total, routes } = stats.snapshot();
  return { total, routes };
}

import { ok, type Reply } from '../../../simulator/http.ts';
import type { RouteParams } from '../../../simulator/router.ts';
import type { BlogContext } from './api-routes.ts';
import { idFilter, NOT_FOUND, parseId, pickDescending } from './ids.ts';

/** All users, or with `id=1&id=2` those found, highest id first. */
export function listUsers({ store, query }: BlogContext): Reply {
  const ids = idFilter(query, 'id');
  return ok(ids === undefined ? store.allUsers() : pickDescending(store.allUsers(), ids));
}

export function getUser({ store }: BlogContext, params: RouteParams): Reply {
  const id = parseId(params.get('id'));
  const user = id === undefined ? undefined : store.user(id);
  return user === undefined ? NOT_FOUND : ok(user);
}

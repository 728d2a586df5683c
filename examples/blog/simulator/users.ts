import type { ApiContext } from './api-routes.ts';
import { NOT_FOUND, ok, type Reply } from './http.ts';
import { idFilter, parseId, pickDescending } from './ids.ts';

/** All users, or with `id=1&id=2` those found, highest id first. */
export function listUsers({ store, query }: ApiContext): Reply {
  const ids = idFilter(query, 'id');
  return ok(ids === undefined ? store.allUsers() : pickDescending(store.allUsers(), ids));
}

export function getUser({ store }: ApiContext, params: ReadonlyMap<string, string>): Reply {
  const id = parseId(params.get('id'));
  const user = id === undefined ? undefined : store.user(id);
  return user === undefined ? NOT_FOUND : ok(user);
}

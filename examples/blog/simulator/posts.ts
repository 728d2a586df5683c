import type { ApiContext } from './api-routes.ts';
import { requireWriter } from './auth.ts';
import { BlogError, jsonObject, NOT_FOUND, ok, type Reply } from './http.ts';
import { idFilter, parseId, pickDescending } from './ids.ts';
import type { BlogPost } from './types.ts';

/** The 400 message for a missing or blank title, on create and on update. */
export const TITLE_REQUIRED = 'title is required and must not be empty';
export const UNKNOWN_AUTHOR = 'userId must be the id of an existing user';
export const BODY_NOT_TEXT = 'body must be a string';

/**
 * All posts in id order; `userId=3` (repeatable) keeps one author's;
 * `id=1&id=2` keeps those found, highest id first. Filters combine.
 */
export function listPosts({ store, query }: ApiContext): Reply {
  const ids = idFilter(query, 'id');
  const authors = idFilter(query, 'userId');
  let posts = store.allPosts();
  if (authors !== undefined) posts = posts.filter((post) => authors.has(post.userId));
  return ok(ids === undefined ? posts : pickDescending(posts, ids));
}

export function getPost({ store }: ApiContext, params: ReadonlyMap<string, string>): Reply {
  const post = postOf(store, params);
  return post === undefined ? NOT_FOUND : ok(post);
}

/**
 * `{ userId, title, body }`: 201 with the new post. `userId` may be a number
 * or its decimal string (GraphQL `ID` arguments arrive as strings); it is
 * stored, and answered, as a number.
 */
export function createPost({ store, authorization, body }: ApiContext): Reply {
  requireWriter(authorization);
  const input = jsonObject(body);
  const title = titleOf(input.title);
  if (title === undefined) throw new BlogError(400, TITLE_REQUIRED);
  const userId = typeof input.userId === 'number' ? input.userId : parseId(typeof input.userId === 'string' ? input.userId : undefined);
  if (userId === undefined || store.user(userId) === undefined) throw new BlogError(400, UNKNOWN_AUTHOR);
  const text = input.body ?? '';
  if (typeof text !== 'string') throw new BlogError(400, BODY_NOT_TEXT);
  return ok(store.createPost({ userId, title, body: text }), 201);
}

/** Merges `title` and `body`; a field absent or null is left as it is. */
export function updatePost({ store, authorization, body }: ApiContext, params: ReadonlyMap<string, string>): Reply {
  requireWriter(authorization);
  const post = postOf(store, params);
  if (post === undefined) return NOT_FOUND;
  const input = jsonObject(body);
  const changes: Partial<Pick<BlogPost, 'title' | 'body'>> = {};
  if (input.title != null) {
    const title = titleOf(input.title);
    if (title === undefined) throw new BlogError(400, TITLE_REQUIRED);
    changes.title = title;
  }
  if (input.body != null) {
    if (typeof input.body !== 'string') throw new BlogError(400, BODY_NOT_TEXT);
    changes.body = input.body;
  }
  return ok(store.updatePost(post.id, changes));
}

/** Removes the post and its comments; answers `{}`, as JSONPlaceholder does. */
export function deletePost({ store, authorization }: ApiContext, params: ReadonlyMap<string, string>): Reply {
  requireWriter(authorization);
  const post = postOf(store, params);
  if (post === undefined) return NOT_FOUND;
  store.deletePost(post.id);
  return ok({});
}

function postOf(store: ApiContext['store'], params: ReadonlyMap<string, string>): BlogPost | undefined {
  const id = parseId(params.get('id'));
  return id === undefined ? undefined : store.post(id);
}

/** A title with something in it besides spaces, as sent; undefined otherwise. */
function titleOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

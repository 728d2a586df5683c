import { OriginError } from '../../../simulator/errors.ts';
import { isRecord, ok, parseJson, type Reply } from '../../../simulator/http.ts';
import type { RouteParams } from '../../../simulator/router.ts';
import type { BlogContext } from './api-routes.ts';
import { requireWriter } from './auth.ts';
import { idFilter, NOT_FOUND, parseId, pickDescending } from './ids.ts';
import type { BlogPost } from './types.ts';

/** The 400 message for a missing or blank title, on create and on update. */
export const TITLE_REQUIRED = 'title is required and must not be empty';
export const UNKNOWN_AUTHOR = 'userId must be the id of an existing user';
export const BODY_NOT_TEXT = 'body must be a string';
const NOT_AN_OBJECT = 'request body must be a JSON object';

/**
 * All posts in id order; `userId=3` (repeatable) keeps one author's;
 * `id=1&id=2` keeps those found, highest id first. Filters combine.
 */
export function listPosts({ store, query }: BlogContext): Reply {
  const ids = idFilter(query, 'id');
  const authors = idFilter(query, 'userId');
  let posts = store.allPosts();
  if (authors !== undefined) posts = posts.filter((post) => authors.has(post.userId));
  return ok(ids === undefined ? posts : pickDescending(posts, ids));
}

export function getPost({ store }: BlogContext, params: RouteParams): Reply {
  const post = postOf(store, params);
  return post === undefined ? NOT_FOUND : ok(post);
}

/**
 * `{ userId, title, body }`: 201 with the new post. `userId` may be a number
 * or its decimal string (GraphQL `ID` arguments arrive as strings); it is
 * stored, and answered, as a number.
 */
export function createPost({ store, authorization, body }: BlogContext): Reply {
  requireWriter(authorization);
  const input = jsonObject(body);
  const title = titleOf(input.title);
  if (title === undefined) throw new OriginError('BAD_REQUEST', TITLE_REQUIRED);
  const userId = typeof input.userId === 'number' ? input.userId : parseId(typeof input.userId === 'string' ? input.userId : undefined);
  if (userId === undefined || store.user(userId) === undefined) throw new OriginError('BAD_REQUEST', UNKNOWN_AUTHOR);
  const text = input.body ?? '';
  if (typeof text !== 'string') throw new OriginError('BAD_REQUEST', BODY_NOT_TEXT);
  return ok(store.createPost({ userId, title, body: text }), 201);
}

/** Merges `title` and `body`; a field absent or null is left as it is. */
export function updatePost({ store, authorization, body }: BlogContext, params: RouteParams): Reply {
  requireWriter(authorization);
  const post = postOf(store, params);
  if (post === undefined) return NOT_FOUND;
  const input = jsonObject(body);
  const changes: Partial<Pick<BlogPost, 'title' | 'body'>> = {};
  if (input.title != null) {
    const title = titleOf(input.title);
    if (title === undefined) throw new OriginError('BAD_REQUEST', TITLE_REQUIRED);
    changes.title = title;
  }
  if (input.body != null) {
    if (typeof input.body !== 'string') throw new OriginError('BAD_REQUEST', BODY_NOT_TEXT);
    changes.body = input.body;
  }
  return ok(store.updatePost(post.id, changes));
}

/** Removes the post and its comments; answers `{}`, as JSONPlaceholder does. */
export function deletePost({ store, authorization }: BlogContext, params: RouteParams): Reply {
  requireWriter(authorization);
  const post = postOf(store, params);
  if (post === undefined) return NOT_FOUND;
  store.deletePost(post.id);
  return ok({});
}

function postOf(store: BlogContext['store'], params: RouteParams): BlogPost | undefined {
  const id = parseId(params.get('id'));
  return id === undefined ? undefined : store.post(id);
}

/** A title with something in it besides spaces, as sent; undefined otherwise. */
function titleOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A JSON object body; anything else is a 400. */
function jsonObject(text: string): Record<string, unknown> {
  const value = parseJson(text, NOT_AN_OBJECT);
  if (!isRecord(value)) throw new OriginError('BAD_REQUEST', NOT_AN_OBJECT);
  return value;
}

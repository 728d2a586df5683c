import { ok, type Reply } from '../../../simulator/http.ts';
import type { BlogContext } from './api-routes.ts';
import { idFilter } from './ids.ts';

/** All comments, or with `postId=7` (repeatable) those on the posts asked, in id order. */
export function listComments({ store, query }: BlogContext): Reply {
  const postIds = idFilter(query, 'postId');
  const comments = store.allComments();
  return ok(postIds === undefined ? comments : comments.filter((comment) => postIds.has(comment.postId)));
}

import type { ApiContext } from '../../../simulator/api-routes.ts';
import { routesByPath, type Route } from '../../../simulator/router.ts';
import { listComments } from './comments.ts';
import { createPost, deletePost, getPost, listPosts, updatePost } from './posts.ts';
import type { BlogStore } from './store.ts';
import { getUser, listUsers } from './users.ts';

/** What a blog handler sees of a request. */
export type BlogContext = ApiContext<BlogStore>;

export const API_ROUTES: readonly Route<BlogContext>[] = routesByPath({
  '/users': { GET: listUsers },
  '/users/:id': { GET: getUser },
  '/posts': { GET: listPosts, POST: createPost },
  '/posts/:id': { GET: getPost, PATCH: updatePost, DELETE: deletePost },
  '/comments': { GET: listComments },
});

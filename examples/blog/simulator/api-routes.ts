import { listComments } from './comments.ts';
import type { Route } from './router.ts';
import { createPost, deletePost, getPost, listPosts, updatePost } from './posts.ts';
import type { BlogStore } from './store.ts';
import { getUser, listUsers } from './users.ts';

/** What a handler sees of a request. */
export interface ApiContext {
  store: BlogStore;
  query: URLSearchParams;
  authorization: string | undefined;
  body: string;
}

export const API_ROUTES: readonly Route<ApiContext>[] = [
  { method: 'GET', pattern: '/users', handle: listUsers },
  { method: 'GET', pattern: '/users/:id', handle: getUser },
  { method: 'GET', pattern: '/posts', handle: listPosts },
  { method: 'POST', pattern: '/posts', handle: createPost },
  { method: 'GET', pattern: '/posts/:id', handle: getPost },
  { method: 'PATCH', pattern: '/posts/:id', handle: updatePost },
  { method: 'DELETE', pattern: '/posts/:id', handle: deletePost },
  { method: 'GET', pattern: '/comments', handle: listComments },
];

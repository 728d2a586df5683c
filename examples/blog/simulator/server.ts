import { startSimulator, type RunningOrigin } from '../../../simulator/lifecycle.ts';
import { resolveOptions } from '../../../simulator/options.ts';
import type { Simulator } from '../../../simulator/simulator.ts';
import { createState } from '../../../simulator/state.ts';
import type { BlogErrorBody } from './types.ts';
import { ADMIN_PREFIX, ADMIN_ROUTES } from './admin-routes.ts';
import { API_ROUTES } from './api-routes.ts';
import { BlogStore } from './store.ts';

export interface BlogOriginOptions {
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Delay before every API answer (not `/__blog/*`); default 0. */
  latencyMs?: number;
}

export type RunningBlogOrigin = RunningOrigin;

const BLOG: Simulator<BlogStore> = {
  name: 'blog',
  apiRoutes: API_ROUTES,
  adminRoutes: ADMIN_ROUTES,
  isApiPath: (path) => !path.startsWith(ADMIN_PREFIX),
  errorBody: ({ message }): BlogErrorBody => ({ error: { message } }),
  // An id is matched as written: `/users/%31` is no user, as `/users/01` is none.
  strictUrls: false,
};

/** Starts the blog simulator: a JSONPlaceholder-shaped REST API. Invalid options reject with a RangeError. */
export async function startBlogOrigin({ port, host, latencyMs = 0 }: BlogOriginOptions): Promise<RunningBlogOrigin> {
  return startSimulator(BLOG, createState(resolveOptions({ port, host, latencyMs }), new BlogStore()));
}

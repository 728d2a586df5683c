import type { OriginErrorBody } from './types.ts';
import { ADMIN_ROUTES } from './admin-routes.ts';
import { API_ROUTES } from './api-routes.ts';
import { startSimulator, type RunningOrigin } from './lifecycle.ts';
import { resolveOptions, type OriginOptions } from './options.ts';
import type { Simulator } from './simulator.ts';
import { createState } from './state.ts';
import { OriginStore } from './store.ts';

export type { OriginOptions } from './options.ts';
export type { RunningOrigin } from './lifecycle.ts';

const SHOP: Simulator<OriginStore> = {
  name: 'origin',
  apiRoutes: API_ROUTES,
  adminRoutes: ADMIN_ROUTES,
  isApiPath: (path) => path === '/api' || path.startsWith('/api/'),
  errorBody: ({ code, message }): OriginErrorBody => ({ error: { code, message } }),
  strictUrls: true,
};

/** Starts the simulated legacy REST origin. Invalid options reject with a RangeError. */
export async function startOrigin(options: OriginOptions = {}): Promise<RunningOrigin> {
  const config = resolveOptions(options);
  return startSimulator(SHOP, createState(config, new OriginStore(config.products)));
}

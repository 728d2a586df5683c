import type { AdminContext } from './admin-routes.ts';
import type { ApiContext } from './api-routes.ts';
import type { ErrorStyle } from './errors.ts';
import type { Route } from './router.ts';

/** What one simulator serves on the shared pipeline: the shop's (`server.ts`) or an example API's. */
export interface Simulator<Store> extends ErrorStyle {
  /** Counted, gated by capacity, faulted and delayed. */
  apiRoutes: readonly Route<ApiContext<Store>>[];
  /** Answered at once: every path outside the API. */
  adminRoutes: readonly Route<AdminContext<Store>>[];
  isApiPath(path: string): boolean;
  /**
   * True: path parameters and the query are percent-decoded, and a malformed
   * escape is a 400. False, for an API that takes URLs as sent: path
   * parameters stay encoded and a stray `%` in the query is kept.
   */
  strictUrls: boolean;
}

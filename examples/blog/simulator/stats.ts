import type { BlogStats } from './types.ts';

/** Counters behind `GET /__blog/stats`: API calls only, by `METHOD /pattern` when a route matched. */
export class BlogCounters {
  private total = 0;
  private routes = new Map<string, number>();

  received(routeKey: string | undefined): void {
    this.total++;
    if (routeKey !== undefined) this.routes.set(routeKey, (this.routes.get(routeKey) ?? 0) + 1);
  }

  reset(): void {
    this.total = 0;
    this.routes.clear();
  }

  snapshot(): BlogStats {
    return { total: this.total, routes: Object.fromEntries(this.routes) };
  }
}

import type { OriginStats } from './types.ts';

/** Counters behind `GET /__origin/stats`; only `/api` requests are counted. */
export class RequestStats {
  private total = 0;
  private inFlight = 0;
  private maxInFlight = 0;
  private rejected = 0;
  private routes = new Map<string, number>();

  get inFlightNow(): number {
    return this.inFlight;
  }

  /** Every `/api` request, whatever happens to it next. */
  received(routeKey: string | undefined): void {
    this.total++;
    if (routeKey !== undefined) this.routes.set(routeKey, (this.routes.get(routeKey) ?? 0) + 1);
  }

  rejectedForCapacity(): void {
    this.rejected++;
  }

  started(): void {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
  }

  finished(): void {
    this.inFlight--;
  }

  /** Requests still in flight stay counted, so the peak restarts from them. */
  reset(): void {
    this.total = 0;
    this.rejected = 0;
    this.maxInFlight = this.inFlight;
    this.routes.clear();
  }

  snapshot(): OriginStats {
    return {
      total: this.total,
      inFlight: this.inFlight,
      maxInFlight: this.maxInFlight,
      rejected: this.rejected,
      routes: Object.fromEntries(this.routes),
    };
  }
}

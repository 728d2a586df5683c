export type Admission = 'admitted' | 'over-capacity' | 'crashed';

/**
 * The legacy server's concurrency limit: beyond `maxConcurrency` requests in
 * flight it refuses new ones, and with `crashMs` set, the first refusal
 * "crashes" it so that it refuses everything for that long.
 */
export class CapacityGate {
  private readonly maxConcurrency: number;
  private readonly crashMs: number;
  private crashedUntil = 0;

  constructor(maxConcurrency: number, crashMs: number) {
    this.maxConcurrency = maxConcurrency;
    this.crashMs = crashMs;
  }

  /** Whether a new request may start while `inFlight` others are being handled. */
  admit(inFlight: number, now: number): Admission {
    if (now < this.crashedUntil) return 'crashed';
    if (this.maxConcurrency === 0 || inFlight < this.maxConcurrency) return 'admitted';
    if (this.crashMs > 0) this.crashedUntil = now + this.crashMs;
    return 'over-capacity';
  }

  reset(): void {
    this.crashedUntil = 0;
  }
}

/** What the scenarios ask of a load generator and what every generator answers. */

export interface Target {
  /** Names the run in progress lines and failures. */
  label: string;
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
}

export interface LoadPhase {
  /** Requests per second offered; absent: as fast as the connections go. */
  rate?: number;
  durationS?: number;
  /** A fixed number of requests instead of a duration. */
  amount?: number;
  connections: number;
}

/** Autocannon's phases, one after the other (bursts and stepped loads). */
export interface PhasedSpec extends Target {
  /** Each request's body; several are drawn from by `zipf`. */
  bodies: string[];
  /** Zipf exponent over `bodies` (first is the hottest); absent: the first body only. */
  zipf?: number;
  phases: LoadPhase[];
}

/** One body as fast as `connections` go, closed loop: what a system serves at most. */
export interface SaturationSpec extends Target {
  body: string;
  connections: number;
  durationS: number;
}

/** One body at a constant offered rate, open loop. */
export interface ConstantRateSpec extends Target {
  body: string;
  rate: number;
  durationS: number;
}

export interface PhaseResult {
  rate: number | undefined;
  /** Answers that were not errors, per second. */
  rps: number;
  p99Ms: number;
  errors: number;
}

export interface LoadResult {
  /** Each phase on its own: a stepped load's last step is its peak. */
  phases: PhaseResult[];
  /** Answers received, whatever their status (the open loop: every request sent, answered or not). */
  requests: number;
  durationS: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  p999Ms: number;
  /** Non-2xx answers, transport errors and timeouts, and 2xx answers whose body carries GraphQL errors. */
  errors: number;
  /** autocannon only: requests written, answered or not: `requests`, those it gave up on after 10 s (`timeouts`) and those in flight when a phase ended. */
  sent?: number;
  /** autocannon only: requests it gave up on after 10 s (among `errors`, not among `requests`). */
  timeouts?: number;
  stale: number;
  statuses: Record<string, number>;
  /** Open loop only: how late requests went out (p99), the generator being busy or all its connections; counted in the latencies already. */
  sendLagP99Ms?: number;
}

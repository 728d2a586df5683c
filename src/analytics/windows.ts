/** The rolling windows the analytics objects keep, and which slots a range reads. */
import { RANGES, type Range } from './analytics.ts';

export interface Window {
  resolutionMs: number;
  /** Slots older than this are pruned. */
  keepMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** 10 s slots for 15 minutes, 1 min slots for a day, 1 h slots for a week. */
export const WINDOWS: readonly Window[] = [
  { resolutionMs: 10_000, keepMs: 15 * MINUTE },
  { resolutionMs: MINUTE, keepMs: 24 * HOUR },
  { resolutionMs: HOUR, keepMs: 7 * 24 * HOUR },
];

/**
 * Operations, connectors and error codes one stored slot keeps by name: each
 * isolate sends at most `ANALYTICS_MAX_OPERATIONS`, but isolates' top names
 * differ, so a slot keeps more of their union before folding into `OTHER`.
 */
export const STORED_NAMES = 1000;

export const slotStart = (at: number, resolutionMs: number): number => at - (at % resolutionMs);

/** The starts of the slots a range shows at `now`, oldest first: the current slot last. */
export function slotsOf(range: Range, now: number): { resolutionMs: number; starts: number[] } {
  const { resolutionMs, spanMs } = RANGES[range];
  const last = slotStart(now, resolutionMs);
  const count = spanMs / resolutionMs;
  const starts = Array.from({ length: count }, (_, index) => last - (count - 1 - index) * resolutionMs);
  return { resolutionMs, starts };
}

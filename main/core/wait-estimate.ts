import type { WaitEstimate } from '../../contract/queue';

export interface WaitInputs {
  /** Tickets that will be called before this one in the same service. */
  readonly peopleAhead: number;
  /** Average service time of recent finished tickets of the service, or its default. */
  readonly avgServiceMinutes: number;
  /** Open, unpaused counters that serve the service (0 at lunch: assume one will open). */
  readonly openCounters: number;
  /** Tickets of the service finished in the recent window, and the window's length. */
  readonly recentCompletions: number;
  readonly windowMinutes: number;
}

/**
 * The wait as a range, from queue.md: people ahead × average service time ÷ counters serving,
 * blended with Little's law (people ahead ÷ completions per minute) when there is recent
 * throughput to measure. Never "0 phút": the range starts at one minute.
 */
export function estimateWait(w: WaitInputs): WaitEstimate {
  const byCapacity = (w.peopleAhead * w.avgServiceMinutes) / Math.max(1, w.openCounters);
  const rate = w.windowMinutes > 0 ? w.recentCompletions / w.windowMinutes : 0;
  const minutes = rate > 0 ? (byCapacity + w.peopleAhead / rate) / 2 : byCapacity;
  const minMinutes = Math.max(1, roundTo(minutes * 0.8, Math.floor));
  const maxMinutes = Math.max(minMinutes + 4, roundTo(minutes * 1.25, Math.ceil));
  return { minMinutes, maxMinutes, text: `khoảng ${minMinutes}–${maxMinutes} phút` };
}

/** Whole minutes up to 10, then steps of 5: "khoảng 15–20 phút" reads better than "13–19". */
function roundTo(minutes: number, round: (x: number) => number): number {
  return minutes <= 10 ? round(minutes) : round(minutes / 5) * 5;
}

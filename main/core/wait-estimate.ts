import type { Counter, WaitEstimate } from '../../contract/queue';

export interface WaitInputs {
  /** Tickets that will be called before this one in the same service. */
  readonly peopleAhead: number;
  /** Average service time of recent finished tickets of the service, or its default. */
  readonly avgServiceMinutes: number;
  /** Open, unpaused counters that serve the service (`openCountersFor`). */
  readonly openCounters: number;
  /** Tickets of the service finished in the recent window, and the window's length. */
  readonly recentCompletions: number;
  readonly windowMinutes: number;
  /** When the desk's next session starts today (HH:MM), if it is between sessions now; said when no counter is open. */
  readonly nextSessionAt: string | null;
}

/** An open counter session as the estimate needs it. */
export interface SessionFact {
  readonly counterId: string;
  readonly paused: boolean;
}

/**
 * Counters that will call this service's numbers now: an open session, not paused, at an active
 * counter that has the service among its skills. A paused counter (the officer stepped away)
 * calls nobody, so counting it would promise a wait that does not happen.
 */
export function openCountersFor(serviceId: string, counters: readonly Counter[], sessions: readonly SessionFact[]): number {
  const serving = new Set(counters.filter((c) => c.active && c.skills.some((k) => k.serviceId === serviceId)).map((c) => c.id));
  return new Set(sessions.filter((s) => !s.paused && serving.has(s.counterId)).map((s) => s.counterId)).size;
}

/** What the kiosk, the ticket and the citizen's page say when no counter serves the service. */
export const NO_COUNTER_TEXT = 'Chưa có quầy nào đang mở cho dịch vụ này';

/**
 * The wait as a range, from queue.md: people ahead × average service time ÷ counters serving,
 * blended with Little's law (people ahead ÷ completions per minute) when there is recent
 * throughput to measure. Never "0 phút": the range starts at one minute. With no counter open
 * there is no range to give — it once assumed one counter and promised "khoảng 1–5 phút" to a
 * citizen facing an empty desk — so it says that no counter is open, and when the next session
 * starts if the desk is between sessions.
 */
export function estimateWait(w: WaitInputs): WaitEstimate {
  if (w.openCounters < 1) {
    return {
      kind: 'noCounter',
      opensAt: w.nextSessionAt,
      // The second sentence is glued with no-break spaces: on the kiosk and on paper it moves to a
      // line of its own rather than splitting "Quầy dự / kiến mở lúc 07:30".
      text: w.nextSessionAt === null ? `${NO_COUNTER_TEXT}.` : `${NO_COUNTER_TEXT}. ${`Quầy dự kiến mở lúc ${w.nextSessionAt}.`.replace(/ /g, '\u00a0')}`,
    };
  }
  const byCapacity = (w.peopleAhead * w.avgServiceMinutes) / w.openCounters;
  const rate = w.windowMinutes > 0 ? w.recentCompletions / w.windowMinutes : 0;
  const minutes = rate > 0 ? (byCapacity + w.peopleAhead / rate) / 2 : byCapacity;
  const minMinutes = Math.max(1, roundTo(minutes * 0.8, Math.floor));
  const maxMinutes = Math.max(minMinutes + 4, roundTo(minutes * 1.25, Math.ceil));
  return rangeEstimate(minMinutes, maxMinutes);
}

/** A range in the words the ticket prints; also how a reprint gives back the range stored at issue. */
export function rangeEstimate(minMinutes: number, maxMinutes: number): WaitEstimate {
  return { kind: 'range', minMinutes, maxMinutes, text: `khoảng ${minMinutes}–${maxMinutes} phút` };
}

/** Whole minutes up to 10, then steps of 5: "khoảng 15–20 phút" reads better than "13–19". */
function roundTo(minutes: number, round: (x: number) => number): number {
  return minutes <= 10 ? round(minutes) : round(minutes / 5) * 5;
}

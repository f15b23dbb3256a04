import type { QueueReport } from '../../../contract/reports';
import { vnClock } from '../vn-time';
import { durations, share } from './stats';

/**
 * One ticket's turn at a service, read from its events: a ticket moved to the back of another
 * service (counter.redirect) goes on as a new ticket, a continuation of the same citizen.
 */
export interface QueueLeg {
  /** When the number was taken, or the citizen moved to the back of this service. */
  readonly issuedAt: number;
  /** Whether this ticket continues a citizen's visit (moved from another service), so not a new arrival. */
  readonly continues: boolean;
  readonly firstCalledAt: number | null;
  /** The last call and the start key: service time runs from the later of them. */
  readonly lastCalledAt: number | null;
  readonly startedAt: number | null;
  readonly moved: boolean;
  /** The ticket's last event: how its turn ended (or where it stands). */
  readonly lastType: string;
  readonly lastAt: number;
  readonly counterId: string | null;
}

export type LegOutcome = 'served' | 'noShow' | 'cancelled' | 'unfinished';

/**
 * How a turn ended, from its last event. Redirected is served: the officer served the citizen,
 * then sent him on to another service (the next turn is a ticket of its own). A skipped ticket
 * that nobody brought back is a no-show; anything else is still open (or was left at closing).
 */
export function legOutcome(lastType: string): LegOutcome {
  switch (lastType) {
    case 'finished':
    case 'redirected':
      return 'served';
    case 'skipped':
      return 'noShow';
    case 'cancelled':
      return 'cancelled';
    default:
      return 'unfinished';
  }
}

export interface CounterSpan {
  readonly counterId: string;
  readonly openedAt: number;
  readonly closedAt: number | null;
}

export interface CounterInfo {
  readonly id: string;
  readonly number: number;
  readonly label: string;
}

const HOUR_MS = 3_600_000;

/** How long a counter was open inside [start, end), a session still open counting up to `now`, in ms. */
export function openTime(spans: readonly CounterSpan[], start: number, end: number, now: number): number {
  return spans.reduce((sum, s) => sum + Math.max(0, Math.min(s.closedAt ?? now, end, now) - Math.max(s.openedAt, start)), 0);
}

/** Arrivals by weekday (0 = Chủ nhật) and hour, in Vietnam time. */
export function arrivalHeatMap(instants: readonly number[]): number[][] {
  const cells = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const at of instants) {
    const c = vnClock(at);
    cells[c.weekday]![Math.floor(c.minuteOfDay / 60)]! += 1;
  }
  return cells;
}

/** The queue figures of a period from its tickets' turns and the counters' open sessions. */
export function queueFigures(
  legs: readonly QueueLeg[],
  sessions: readonly CounterSpan[],
  counters: readonly CounterInfo[],
  bounds: { start: number; end: number; now: number },
  targetWaitMinutes: number,
): Omit<QueueReport, 'scope' | 'targetWaitMinutes' | 'unstaffedWaiting'> {
  const outcomes = legs.map((l) => ({ leg: l, outcome: legOutcome(l.lastType) }));
  const served = outcomes.filter((o) => o.outcome === 'served').map((o) => o.leg);
  const count = (o: LegOutcome) => outcomes.filter((x) => x.outcome === o).length;
  const waitOf = (l: QueueLeg) => (l.firstCalledAt === null ? null : l.firstCalledAt - l.issuedAt);
  const waits = legs.map(waitOf).filter((w): w is number => w !== null);
  const serviceTime = (l: QueueLeg) => l.lastAt - Math.max(l.startedAt ?? 0, l.lastCalledAt ?? l.lastAt);
  const withinTarget = served.filter((l) => (waitOf(l) ?? 0) <= targetWaitMinutes * 60_000).length;
  const rows = counters.map((c) => {
    const here = served.filter((l) => l.counterId === c.id);
    const open = openTime(sessions.filter((s) => s.counterId === c.id), bounds.start, bounds.end, bounds.now);
    return {
      counterId: c.id, number: c.number, label: c.label, served: here.length, openHours: Math.round((open / HOUR_MS) * 10) / 10,
      servedPerHour: open === 0 ? null : Math.round((here.length / (open / HOUR_MS)) * 10) / 10,
      utilisation: share(Math.min(here.reduce((sum, l) => sum + serviceTime(l), 0), open), open),
    };
  });
  return {
    counts: {
      issued: legs.filter((l) => !l.continues).length,
      served: served.length,
      noShow: count('noShow'),
      cancelled: count('cancelled'),
      unfinished: count('unfinished'),
      transferred: legs.filter((l) => l.moved).length,
    },
    wait: durations(waits),
    service: durations(served.map(serviceTime)),
    servedWithinTarget: { count: withinTarget, share: share(withinTarget, served.length) },
    counters: rows.filter((r) => r.served > 0 || r.utilisation !== null), // utilisation is null only for a counter never open
    arrivals: arrivalHeatMap(legs.filter((l) => !l.continues).map((l) => l.issuedAt)),
  };
}

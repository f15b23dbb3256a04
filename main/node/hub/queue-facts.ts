import { HubError } from '../../../contract/errors';
import type { Service, WaitEstimate } from '../../../contract/queue';
import { nextSessionStartToday } from '../../core/calendar/working-time';
import { estimateWait, openCountersFor, rangeEstimate, type SessionFact } from '../../core/wait-estimate';
import type { TicketRow } from '../db/ticket-store';
import { vnDate } from '../../core/vn-time';
import type { HubDeps } from './context';
import { siteCalendar } from './site-calendar';

/** Recent window for measuring throughput (queue.md: about 45 minutes). */
const THROUGHPUT_WINDOW_MIN = 45;

/**
 * What every service's estimate shares at one instant: the open counter sessions and the desk's
 * next session start. Read once for a whole kiosk menu rather than once per service.
 */
export interface WaitFacts {
  readonly sessions: readonly SessionFact[];
  readonly nextSessionAt: string | null;
}

export function waitFacts(deps: HubDeps, now: number): WaitFacts {
  return {
    sessions: deps.sessions.openAll().map((s) => ({ counterId: s.counter_id, paused: s.paused_at !== null })),
    nextSessionAt: nextSessionStartToday(siteCalendar(deps), now),
  };
}

/** The wait estimate for someone with `peopleAhead` in front of them, from what the hub measured. */
export function estimateFor(deps: HubDeps, service: Service, peopleAhead: number, now: number, facts: WaitFacts = waitFacts(deps, now)): WaitEstimate {
  const { completions, avgServiceMinutes } = deps.tickets.recentThroughput(service.id, vnDate(now), now - THROUGHPUT_WINDOW_MIN * 60_000);
  return estimateWait({
    peopleAhead,
    avgServiceMinutes: avgServiceMinutes ?? service.defaultServiceMinutes,
    openCounters: openCountersFor(service.id, deps.catalog.counters(), facts.sessions),
    recentCompletions: completions,
    windowMinutes: THROUGHPUT_WINDOW_MIN,
    nextSessionAt: facts.nextSessionAt,
  });
}

/**
 * The wait a reprinted ticket shows: the range printed when it was issued, or — when none was
 * (no counter was open then) — what the hub would say now, rather than a blank line.
 */
export function reprintedWait(deps: HubDeps, t: TicketRow, peopleAhead: number, now: number): WaitEstimate {
  if (t.est_wait_min !== null && t.est_wait_max !== null) return rangeEstimate(t.est_wait_min, t.est_wait_max);
  return currentWait(deps, t, peopleAhead, now);
}

/** The estimate for a ticket's service as of now, with `peopleAhead` in front of it. */
export function currentWait(deps: HubDeps, t: TicketRow, peopleAhead: number, now: number): WaitEstimate {
  const service = deps.catalog.service(t.service_id);
  if (!service) throw new HubError('NOT_FOUND', 'Không tìm thấy dịch vụ của số thứ tự.');
  return estimateFor(deps, service, peopleAhead, now);
}

/** Waiting counts for every active service (zero included), in the catalogue's order. */
export function queueCounts(deps: HubDeps, serviceDate: string) {
  const counts = new Map(deps.tickets.queueCounts(serviceDate).map((c) => [c.service_id, c]));
  return deps.catalog
    .services()
    .filter((s) => s.active)
    .map((s) => ({
      serviceId: s.id,
      name: s.name,
      prefix: s.prefix,
      icon: s.icon,
      waiting: counts.get(s.id)?.waiting ?? 0,
      waitingPriority: counts.get(s.id)?.waiting_priority ?? 0,
    }));
}

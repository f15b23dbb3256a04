import type { Service, WaitEstimate } from '../../../contract/queue';
import { estimateWait } from '../../core/wait-estimate';
import { vnDate } from '../../core/vn-time';
import type { HubDeps } from './context';

/** Recent window for measuring throughput (queue.md: about 45 minutes). */
const THROUGHPUT_WINDOW_MIN = 45;

/** The wait estimate for someone with `peopleAhead` in front of them, from what the hub measured. */
export function estimateFor(deps: HubDeps, service: Service, peopleAhead: number, now: number): WaitEstimate {
  const { completions, avgServiceMinutes } = deps.tickets.recentThroughput(service.id, vnDate(now), now - THROUGHPUT_WINDOW_MIN * 60_000);
  const counters = deps.catalog.counters();
  const openCounters = deps.sessions
    .working()
    .filter((s) => counters.find((c) => c.id === s.counter_id)?.skills.some((k) => k.serviceId === service.id)).length;
  return estimateWait({
    peopleAhead,
    avgServiceMinutes: avgServiceMinutes ?? service.defaultServiceMinutes,
    openCounters,
    recentCompletions: completions,
    windowMinutes: THROUGHPUT_WINDOW_MIN,
  });
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
      waiting: counts.get(s.id)?.waiting ?? 0,
      waitingPriority: counts.get(s.id)?.waiting_priority ?? 0,
    }));
}

import type { TicketStatus } from '../../../contract/queue';
import { vnDate } from '../../core/vn-time';
import type { Handlers, HubDeps } from './context';
import { queueCounts } from './queue-facts';

/** How a recent call is marked on the waiting-room display. */
const marks: Record<TicketStatus, 'called' | 'serving' | 'served' | 'absent' | 'moved'> = {
  called: 'called',
  serving: 'serving',
  finished: 'served',
  skipped: 'absent',
  waiting: 'moved',
  redirected: 'moved',
  cancelled: 'moved',
};

/** What displays read. No personal data exists in any of it: codes, counters, services, counts. */
export function displayHandlers(deps: HubDeps) {
  return {
    'calls.since': ({ after, limit }) => {
      const calls = deps.tickets.callsSince(after, limit);
      return { calls, lastId: calls.length > 0 ? calls[calls.length - 1]!.id : Math.max(after, 0) };
    },

    'display.state': (_input, ctx) => {
      const date = vnDate(ctx.now);
      const site = deps.site.site();
      return {
        siteName: site.name,
        sampleData: site.sampleData,
        ticker: site.ticker,
        recent: deps.tickets.recentCalls(date, 8).map((r) => ({ call: r.call, mark: marks[r.status] })),
        queue: queueCounts(deps, date),
        lastCallId: deps.tickets.lastCallId(),
      };
    },
  } satisfies Partial<Handlers>;
}

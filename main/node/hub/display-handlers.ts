import { displayCurrent, displayMarks } from '../../core/display-current';
import { vnDate } from '../../core/vn-time';
import type { Handlers, HubDeps } from './context';
import { queueCounts } from './queue-facts';

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
      const recent = deps.tickets.recentCalls(date, 8).map((r) => ({ call: r.call, mark: displayMarks[r.status] }));
      return {
        siteName: site.name,
        sampleData: site.sampleData,
        ticker: site.ticker,
        recent,
        current: displayCurrent(recent),
        queue: queueCounts(deps, date),
        lastCallId: deps.tickets.lastCallId(),
      };
    },
  } satisfies Partial<Handlers>;
}

import { HubError } from '../../../contract/errors';
import { closeWarningText, servicesLeftAlone } from '../../core/close-check';
import { vnDate } from '../../core/vn-time';
import { staffOf } from './auth-handlers';
import type { Handlers, HubDeps } from './context';
import { queueCounts } from './queue-facts';

/** Before "Đóng quầy": who would be left waiting for a service no other working counter serves. */
export function counterCloseCheckHandlers(deps: HubDeps) {
  return {
    'counter.closeCheck': (_input, ctx) => {
      const session = deps.sessions.openForStaff(staffOf(ctx).staffId);
      if (!session) throw new HubError('COUNTER_NOT_OPEN');
      const skillsOf = (counterId: string) => deps.catalog.counter(counterId)?.skills.map((k) => k.serviceId) ?? [];
      const services = servicesLeftAlone({
        ownServiceIds: skillsOf(session.counter_id),
        otherWorkingServiceIds: deps.sessions.working().filter((s) => s.id !== session.id).map((s) => skillsOf(s.counter_id)),
        queue: queueCounts(deps, vnDate(ctx.now)),
      });
      const reservedHere = deps.tickets.list(vnDate(ctx.now), ['waiting']).filter((t) => t.reservedCounterId === session.counter_id).length;
      return { services, reservedHere, warning: closeWarningText(services, reservedHere) };
    },
  } satisfies Partial<Handlers>;
}

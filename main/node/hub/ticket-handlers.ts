import { HubError } from '../../../contract/errors';
import { hoursText } from '../../core/hours';
import { closedReasonIn, inEveryLanguage, priorityLabelIn, serviceHintIn, serviceNameIn, ticketLanguage } from '../../core/citizen-language';
import { checkCanIssue } from '../../core/issue-rules';
import { queueDayOf, type QueueDay } from '../../core/queue-day';
import { nextNumber } from '../../core/numbering';
import { transition } from '../../core/ticket-lifecycle';
import { vnDate } from '../../core/vn-time';
import type { Handlers, HubDeps } from './context';
import { appointmentSettings } from './appointment-rules';
import { announcePrintJob } from './print-handlers';
import { siteCalendar } from './site-calendar';
import { estimateFor, waitFacts } from './queue-facts';
import { guardNumbering } from './recovery-guard';
import { eventActor, issueTicket } from './ticket-issue';

/** Taking a number, and what staff do with waiting or absent tickets outside a counter's current one. */
export function ticketHandlers(deps: HubDeps) {
  const write = deps.writer.run.bind(deps.writer);
  const { catalog, tickets, site } = deps;

  /** Holidays and làm bù days from the site's working calendar (the one dossier due dates use). */
  const today = (now: number) => queueDayOf(siteCalendar(deps), vnDate(now));

  /** Why this service cannot hand out a number now, or null when it can. */
  const closedReason = (serviceId: string, now: number, day: QueueDay): string | null => {
    const service = catalog.service(serviceId)!;
    const date = vnDate(now);
    try {
      checkCanIssue({ service, priorityClass: null, siteHours: site.site().queueHours, issuedToday: service.dailyCap === null ? 0 : tickets.countIssued(service.id, date), now, day });
      nextNumber(catalog.sequence(service.sequenceId)!, tickets.lastNumber(service.sequenceId, date));
      return null;
    } catch (e) {
      // A priority-only service is open to the citizens it serves; the kiosk asks for the class.
      if (e instanceof HubError && e.code === 'PRIORITY_REQUIRED') return null;
      if (e instanceof HubError) return e.message;
      throw e;
    }
  };

  return {
    'kiosk.menu': async (_input, ctx) => {
      const date = vnDate(ctx.now);
      const counts = new Map(tickets.queueCounts(date).map((c) => [c.service_id, c.waiting]));
      const siteHours = site.site().queueHours;
      // Read once for every tile: the calendar's word on today, the open counters, the next session.
      const day = today(ctx.now);
      const facts = waitFacts(deps, ctx.now);
      return {
        siteName: site.site().name,
        sampleData: site.site().sampleData,
        language: site.site().language,
        takesBookings: appointmentSettings(deps).rules.some((r) => r.enabled),
        services: catalog
          .services()
          .filter((s) => s.active)
          .map((s) => {
            const reason = closedReason(s.id, ctx.now, day);
            const waiting = counts.get(s.id) ?? 0;
            return {
              id: s.id, name: s.name, nameEn: s.nameEn, hint: s.hint, hintEn: s.hintEn, prefix: s.prefix, icon: s.icon,
              texts: inEveryLanguage((l) => ({ name: serviceNameIn(l, s), hint: serviceHintIn(l, s), closedReason: closedReasonIn(l, reason) })),
              priorityMode: s.priorityMode, waiting, open: reason === null, closedReason: reason,
              hoursText: hoursText(s.hours ?? siteHours),
              // A normal number taken now would have everyone waiting ahead of it.
              waitEstimate: reason === null ? estimateFor(deps, s, waiting, ctx.now, facts) : null,
            };
          }),
        priorityClasses: catalog.priorityClasses().filter((p) => p.active).map((p) => ({ ...p, texts: inEveryLanguage((l) => priorityLabelIn(l, p)) })),
      };
    },

    'tickets.issue': async ({ serviceId, priorityClassId, language: chosen }, ctx) => {
      await guardNumbering(deps, ctx.now);
      const result = await write(() => {
        const service = catalog.service(serviceId);
        if (!service) throw new HubError('NOT_FOUND', 'Không tìm thấy dịch vụ đã chọn.');
        const priorityClass = priorityClassId === null ? null : catalog.priorityClass(priorityClassId);
        if (priorityClassId !== null && !priorityClass) throw new HubError('NOT_FOUND', 'Không tìm thấy đối tượng ưu tiên đã chọn.');
        checkCanIssue({ service, priorityClass, siteHours: site.site().queueHours, issuedToday: service.dailyCap === null ? 0 : tickets.countIssued(service.id, vnDate(ctx.now)), now: ctx.now, day: today(ctx.now) });
        return issueTicket(deps, ctx, { service, priorityClass, source: ctx.principal.kind === 'device' ? 'kiosk' : 'staff', appointment: null, language: ticketLanguage(chosen, site.site().language) });
      });
      ctx.notify.changed('queue');
      if (result.printerId) announcePrintJob(deps, ctx, result.printerId);
      return result.issued;
    },

    'tickets.list': async ({ date, statuses }, ctx) => tickets.list(date ?? vnDate(ctx.now), statuses ?? null),

    'tickets.returnToQueue': async ({ ticketId }, ctx) => {
      const t = await write(() => {
        const row = tickets.row(ticketId);
        if (!row) throw new HubError('NOT_FOUND', 'Không tìm thấy số thứ tự.');
        const status = transition(row.status, 'returnToQueue', row.display_code);
        if (row.service_date !== vnDate(ctx.now)) throw new HubError('TICKET_NOT_TODAY');
        // Back at its original place: the citizen missed the call, they did not arrive late.
        tickets.update(row.id, { status, counter_id: null, staff_id: null });
        tickets.appendEvent({ ...row, status }, 'returned', eventActor(ctx.principal), {}, ctx.now);
        return tickets.ticket(row.id)!;
      });
      ctx.notify.changed('queue');
      return t;
    },

    'tickets.cancel': async ({ ticketId, reason }, ctx) => {
      const t = await write(() => {
        const row = tickets.row(ticketId);
        if (!row) throw new HubError('NOT_FOUND', 'Không tìm thấy số thứ tự.');
        const status = transition(row.status, 'cancel', row.display_code);
        tickets.update(row.id, { status, finished_at: ctx.now });
        tickets.appendEvent({ ...row, status }, 'cancelled', eventActor(ctx.principal), { reason }, ctx.now);
        return tickets.ticket(row.id)!;
      });
      ctx.notify.changed('queue');
      return t;
    },
  } satisfies Partial<Handlers>;
}

import { HubError } from '../../../contract/errors';
import type { CallReason, Counter } from '../../../contract/queue';
import { chooseNext } from '../../core/calling-order';
import { deskActions, deskStatusText } from '../../core/counter-desk';
import { transition, type TicketAction } from '../../core/ticket-lifecycle';
import { vnDate } from '../../core/vn-time';
import { actorOf } from '../db/audit-store';
import type { CounterSessionRow } from '../db/counter-session-store';
import { TicketStore, type TicketPatch, type TicketRow } from '../db/ticket-store';
import { uuidv7 } from '../db/uuidv7';
import { staffOf } from './auth-handlers';
import type { HandlerContext, Handlers, HubDeps } from './context';
import { undoOfferFor } from './counter-undo-handlers';
import { appointmentSettings } from './appointment-rules';
import { queueCounts } from './queue-facts';

const toSession = (s: CounterSessionRow) => ({
  id: s.id, counterId: s.counter_id, staffId: s.staff_id, openedAt: new Date(s.opened_at).toISOString(), paused: s.paused_at !== null,
});

/** A counter officer's work: open the counter, call, recall, skip, serve, finish, move tickets on. */
export function counterHandlers(deps: HubDeps) {
  const write = deps.writer.run.bind(deps.writer);
  const { catalog, tickets, sessions, site } = deps;

  const mySession = (ctx: HandlerContext): CounterSessionRow => {
    const s = sessions.openForStaff(staffOf(ctx).staffId);
    if (!s) throw new HubError('COUNTER_NOT_OPEN');
    return s;
  };

  /** The session's current ticket, which must be the one the officer's screen acted on. */
  const current = (session: CounterSessionRow, ticketId: string): TicketRow => {
    const row = tickets.activeForSession(session.id);
    if (!row || row.id !== ticketId) throw new HubError('NOT_CURRENT_TICKET');
    return row;
  };

  const actor = (session: CounterSessionRow) => ({ staffId: session.staff_id, deviceId: null, counterId: session.counter_id });

  /** Waiting → called at this counter, with its reason, and announced to every display. */
  const call = (ctx: HandlerContext, session: CounterSessionRow, counter: Counter, row: TicketRow, reason: CallReason) => {
    const status = transition(row.status, 'call', row.display_code);
    tickets.update(row.id, {
      status, called_at: ctx.now, counter_id: counter.id, staff_id: session.staff_id, active_session_id: session.id,
      reserved_counter_id: null, call_reason_code: reason.code, call_reason: reason.text,
    });
    const updated = { ...row, status };
    tickets.appendEvent(updated, 'called', actor(session), { reason: reason.code, reasonText: reason.text }, ctx.now);
    ctx.notify.call(announce(ctx, row, counter, 'call'));
    return { ticket: tickets.ticket(row.id)!, reason };
  };

  const announce = (ctx: HandlerContext, row: TicketRow, counter: Counter, kind: 'call' | 'recall') =>
    tickets.insertCall({
      ticket_id: row.id, kind, at: ctx.now, service_date: row.service_date, display_code: row.display_code,
      counter_id: counter.id, counter_number: counter.number, counter_label: counter.label, service_id: row.service_id,
      service_name: catalog.service(row.service_id)!.name, is_priority: row.priority_weight === null ? 0 : 1,
      language: row.language,
      is_appointment: row.appointment_id === null ? 0 : 1,
      appointment_time: row.appointment_id === null ? null : (deps.appointments.row(row.appointment_id)?.slot_time ?? null),
    });

  /** Preconditions for taking a new ticket at this counter. */
  const readyToCall = (session: CounterSessionRow): Counter => {
    if (session.paused_at !== null) throw new HubError('COUNTER_PAUSED');
    const busy = tickets.activeForSession(session.id);
    if (busy) {
      throw new HubError('COUNTER_BUSY', `Quầy đang có số ${busy.display_code}: hãy kết thúc, chuyển hoặc đánh dấu vắng mặt trước khi gọi số mới.`, { ticketId: busy.id });
    }
    return catalog.counter(session.counter_id)!;
  };

  /** A one-step change of the current ticket; the state machine decides whether it is legal. */
  const act = async (ctx: HandlerContext, ticketId: string, action: TicketAction, event: string, patch: (row: TicketRow) => TicketPatch) => {
    const t = await write(() => {
      const session = mySession(ctx);
      const row = current(session, ticketId);
      const status = transition(row.status, action, row.display_code);
      const p = { ...patch(row), status };
      tickets.update(row.id, p);
      tickets.appendEvent({ ...row, ...p }, event, actor(session), {}, ctx.now);
      return tickets.ticket(row.id)!;
    });
    ctx.notify.changed('queue');
    return t;
  };

  return {
    'counters.overview': () => {
      const open = new Map(sessions.openAll().map((s) => [s.counter_id, s]));
      return catalog.counters().map((counter) => {
        const s = open.get(counter.id);
        const active = s ? tickets.activeForSession(s.id) : null;
        return {
          counter,
          session: s
            ? { staffId: s.staff_id, staffName: deps.people.staffById(s.staff_id)?.fullName ?? '', openedAt: new Date(s.opened_at).toISOString(), paused: s.paused_at !== null }
            : null,
          current: active ? { displayCode: active.display_code, status: active.status } : null,
        };
      });
    },

    'counter.open': async ({ counterId }, ctx) => {
      const me = staffOf(ctx);
      const session = await write(() => {
        const counter = catalog.counter(counterId);
        if (!counter || !counter.active) throw new HubError('NOT_FOUND', 'Không tìm thấy quầy hoặc quầy đã ngừng hoạt động.');
        const mine = sessions.openForStaff(me.staffId);
        if (mine && mine.counter_id === counterId) return mine; // a reload or a second tab: same session
        if (mine) throw new HubError('STAFF_ALREADY_AT_COUNTER', `Bạn đang làm việc tại quầy ${catalog.counter(mine.counter_id)?.number}. Hãy đóng quầy đó trước.`);
        const other = sessions.openForCounter(counterId);
        if (other) {
          const who = deps.people.staffById(other.staff_id)?.fullName ?? '';
          throw new HubError('COUNTER_IN_USE', `Quầy ${counter.number} đang được ${who} sử dụng.`);
        }
        const row = { id: uuidv7(ctx.now), counter_id: counterId, staff_id: me.staffId, opened_at: ctx.now, closed_at: null, paused_at: null };
        sessions.insert(row);
        deps.audit.record(actorOf(ctx.principal), 'counter.opened', { type: 'counter', id: counterId }, {}, ctx.now);
        return row;
      });
      ctx.notify.changed('counters');
      return toSession(session);
    },

    'counter.close': async (_input, ctx) => {
      await write(() => {
        const session = mySession(ctx);
        const busy = tickets.activeForSession(session.id);
        if (busy) throw new HubError('COUNTER_BUSY', `Quầy đang có số ${busy.display_code}: hãy kết thúc hoặc chuyển số đó trước khi đóng quầy.`);
        sessions.close(session.id, ctx.now);
        deps.audit.record(actorOf(ctx.principal), 'counter.closed', { type: 'counter', id: session.counter_id }, {}, ctx.now);
      });
      ctx.notify.changed('counters');
      return { ok: true as const };
    },

    'counter.setPaused': async ({ paused }, ctx) => {
      const s = await write(() => {
        const session = mySession(ctx);
        sessions.setPaused(session.id, paused ? ctx.now : null);
        deps.audit.record(actorOf(ctx.principal), paused ? 'counter.paused' : 'counter.resumed', { type: 'counter', id: session.counter_id }, {}, ctx.now);
        return sessions.openForStaff(session.staff_id)!;
      });
      ctx.notify.changed('counters');
      return toSession(s);
    },

    'counter.state': async (_input, ctx) => {
      const me = staffOf(ctx);
      const date = vnDate(ctx.now);
      const session = sessions.openForStaff(me.staffId);
      const counter = session ? catalog.counter(session.counter_id) : null;
      const active = session ? tickets.activeForSession(session.id) : null;
      const serves = (t: { serviceId: string; reservedCounterId: string | null }) =>
        counter === null || t.reservedCounterId === counter.id || counter.skills.some((k) => k.serviceId === t.serviceId);
      const all = tickets.list(date, ['waiting', 'skipped']);
      const current = active ? tickets.ticket(active.id)! : null;
      // The most recently called first: the citizen who just missed the call is the one likely back.
      const skipped = all.filter((t) => t.status === 'skipped' && serves(t)).sort((a, b) => (b.calledAt ?? '').localeCompare(a.calledAt ?? ''));
      return {
        session: session ? toSession(session) : null,
        counter,
        current: current
          ? {
              ticket: current,
              reason: active!.call_reason_code ? ({ code: active!.call_reason_code, text: active!.call_reason ?? '' } as CallReason) : null,
              statusText: deskStatusText[current.status],
            }
          : null,
        actions: deskActions({ current: current?.status ?? null, paused: session !== null && session.paused_at !== null, canCallSpecific: me.canCallSpecific, absent: skipped.length }),
        undo: undoOfferFor(deps, session, ctx.now),
        queue: queueCounts(deps, date),
        waiting: all.filter((t) => t.status === 'waiting' && serves(t) && (t.reservedCounterId === null || t.reservedCounterId === counter?.id)),
        skipped,
        served: counter ? tickets.servedAt(counter.id, date, 30) : [],
      };
    },

    'counter.callNext': async ({ serviceId }, ctx) => {
      const result = await write(() => {
        const session = mySession(ctx);
        const counter = readyToCall(session);
        if (serviceId !== undefined && !counter.skills.some((k) => k.serviceId === serviceId)) throw new HubError('COUNTER_NO_SKILL');
        const date = vnDate(ctx.now);
        const services = catalog.services();
        const rules = site.site().callingRules;
        const { maxInARow } = appointmentSettings(deps);
        const choice = chooseNext(tickets.waiting(date), {
          now: ctx.now,
          counterId: counter.id,
          counterMode: counter.mode,
          skills: new Map(counter.skills.map((k) => [k.serviceId, k.weight])),
          rules,
          serviceMaxWait: new Map(services.map((s) => [s.id, s.maxWaitMinutes])),
          serviceNames: new Map(services.map((s) => [s.id, s.name])),
          priorityStreak: tickets.priorityStreak(counter.id, date, (rules.interleaveAfterPriority ?? 0) + 1),
          appointmentStreak: tickets.appointmentStreak(counter.id, date, maxInARow + 1),
          maxInARow,
          ...(serviceId !== undefined ? { onlyServiceId: serviceId } : {}),
        });
        if (!choice) return { ticket: null, reason: { code: 'fifo' as const, text: 'Không có công dân nào đang chờ ở các dịch vụ quầy này phục vụ.' } };
        return call(ctx, session, counter, tickets.row(choice.ticketId)!, choice.reason);
      });
      ctx.notify.changed('queue');
      return result;
    },

    'counter.callSpecific': async ({ ticketId }, ctx) => {
      const me = staffOf(ctx);
      if (!me.canCallSpecific) throw new HubError('FORBIDDEN', 'Bạn không có quyền gọi số chỉ định. Liên hệ tổ trưởng.');
      const result = await write(() => {
        const session = mySession(ctx);
        const counter = readyToCall(session);
        const row = tickets.row(ticketId);
        if (!row) throw new HubError('NOT_FOUND', 'Không tìm thấy số thứ tự.');
        if (row.service_date !== vnDate(ctx.now)) throw new HubError('TICKET_NOT_TODAY');
        const fullName = deps.people.staffById(me.staffId)?.fullName ?? me.username;
        deps.audit.record(actorOf(ctx.principal), 'ticket.calledSpecific', { type: 'ticket', id: row.id }, { displayCode: row.display_code, counterId: counter.id }, ctx.now);
        return call(ctx, session, counter, row, { code: 'specific', text: `Gọi số chỉ định bởi cán bộ ${fullName}` });
      });
      ctx.notify.changed('queue');
      return result;
    },

    'counter.recall': async ({ ticketId }, ctx) => {
      const t = await write(() => {
        const session = mySession(ctx);
        const row = current(session, ticketId);
        transition(row.status, 'recall', row.display_code);
        const count = row.recall_count + 1;
        tickets.update(row.id, { recall_count: count });
        tickets.appendEvent(row, 'recalled', actor(session), { count }, ctx.now);
        ctx.notify.call(announce(ctx, row, catalog.counter(session.counter_id)!, 'recall'));
        return tickets.ticket(row.id)!;
      });
      return t;
    },

    'counter.skip': async ({ ticketId }, ctx) => act(ctx, ticketId, 'skip', 'skipped', () => ({ active_session_id: null })),
    'counter.start': async ({ ticketId }, ctx) => act(ctx, ticketId, 'start', 'started', () => ({ started_at: ctx.now })),
    'counter.finish': async ({ ticketId }, ctx) =>
      act(ctx, ticketId, 'finish', 'finished', (row) => ({ finished_at: ctx.now, started_at: row.started_at ?? ctx.now, active_session_id: null })),

    'counter.transfer': async ({ ticketId, serviceId, counterId }, ctx) => {
      const t = await write(() => {
        const session = mySession(ctx);
        const row = current(session, ticketId);
        const status = transition(row.status, 'transfer', row.display_code);
        const service = serviceId === undefined ? null : catalog.service(serviceId);
        if (serviceId !== undefined && (!service || !service.active)) throw new HubError('NOT_FOUND', 'Không tìm thấy dịch vụ để chuyển đến.');
        const target = counterId === undefined ? null : catalog.counter(counterId);
        if (counterId !== undefined && (!target || !target.active)) throw new HubError('NOT_FOUND', 'Không tìm thấy quầy để chuyển đến.');
        // The ticket keeps queue_entered_at: it goes back to where it stood, not to the end.
        const patch: TicketPatch = {
          status, active_session_id: null, counter_id: null, staff_id: null,
          service_id: service?.id ?? row.service_id, reserved_counter_id: target?.id ?? null,
        };
        tickets.update(row.id, patch);
        tickets.appendEvent({ ...row, ...patch }, 'transferred', actor(session), { fromServiceId: row.service_id, toServiceId: patch.service_id, toCounterId: target?.id ?? null }, ctx.now);
        return tickets.ticket(row.id)!;
      });
      ctx.notify.changed('queue');
      return t;
    },

    'counter.redirect': async ({ ticketId, serviceId }, ctx) => {
      const t = await write(() => {
        const session = mySession(ctx);
        const row = current(session, ticketId);
        const status = transition(row.status, 'redirect', row.display_code);
        const service = catalog.service(serviceId);
        if (!service || !service.active) throw new HubError('NOT_FOUND', 'Không tìm thấy dịch vụ để chuyển đến.');
        // Same display code so the citizen keeps the paper they hold; the back of the new queue.
        const next = TicketStore.newRow({
          service_date: row.service_date, sequence_id: row.sequence_id, number: row.number, display_code: row.display_code,
          service_id: service.id, priority_class_id: row.priority_class_id, priority_weight: row.priority_weight,
          priority_label: row.priority_label, source: 'staff', issued_at: ctx.now, queue_entered_at: ctx.now, parent_ticket_id: row.id,
          // The citizen is the same: the ticket goes on in their language.
          language: row.language,
        });
        tickets.update(row.id, { status, active_session_id: null, finished_at: ctx.now, started_at: row.started_at ?? ctx.now });
        tickets.appendEvent({ ...row, status }, 'redirected', actor(session), { toServiceId: service.id, newTicketId: next.id }, ctx.now);
        tickets.insert(next);
        tickets.appendEvent(next, 'issued', actor(session), { source: 'staff', redirectedFrom: row.id, ...(next.language === 'vi' ? {} : { language: next.language }) }, ctx.now);
        return tickets.ticket(next.id)!;
      });
      ctx.notify.changed('queue');
      return t;
    },
  } satisfies Partial<Handlers>;
}

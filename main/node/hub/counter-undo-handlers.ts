import { HubError } from '../../../contract/errors';
import type { CounterUndo } from '../../../contract/queue';
import { checkUndo, restoredStatus, undoOffer, UNDO_WINDOW_MS, type UndoEvent, type UndoSituation } from '../../core/counter-undo';
import { vnDate } from '../../core/vn-time';
import type { CounterSessionRow } from '../db/counter-session-store';
import type { TicketEventRow, TicketPatch, TicketRow } from '../db/ticket-store';
import { staffOf } from './auth-handlers';
import type { Handlers, HubDeps } from './context';

const toUndoEvent = (e: TicketEventRow | null): UndoEvent | null =>
  e ? { type: e.type, at: e.at, counterId: e.counter_id, staffId: e.staff_id } : null;

/** The facts the undo rule judges, read for one ticket and one counter session. */
function situation(deps: HubDeps, session: CounterSessionRow, row: TicketRow, now: number): UndoSituation {
  return {
    displayCode: row.display_code,
    lastEvent: toUndoEvent(deps.tickets.lastEvent(row.id)),
    counterId: session.counter_id,
    staffId: session.staff_id,
    sessionOpenedAt: session.opened_at,
    busyWith: deps.tickets.activeForSession(session.id)?.display_code ?? null,
    now,
  };
}

/** What `counter.state` offers to undo: this session's latest absent mark or transfer, if still undoable. */
export function undoOfferFor(deps: HubDeps, session: CounterSessionRow | null, now: number): CounterUndo | null {
  if (!session) return null;
  const ticketId = deps.tickets.lastUndoableAt(vnDate(now), session.counter_id, session.staff_id, Math.max(session.opened_at, now - UNDO_WINDOW_MS));
  const row = ticketId === null ? null : deps.tickets.row(ticketId);
  return row ? undoOffer({ ...situation(deps, session, row, now), ticketId: row.id }) : null;
}

/**
 * Ctrl+Z at the counter: the ticket marked absent or transferred a moment ago is back as it was
 * at this counter. The central knows only the ticket event types of docs/SYNC.md, so the undo is
 * written as the steps that lead back: a `returned` (absent → waiting) or a `transferred` back to
 * this counter's service, then a `called` at this counter. The display is not asked to call the
 * number again (no row in `calls`): the citizen is at the desk.
 */
export function counterUndoHandlers(deps: HubDeps) {
  const write = deps.writer.run.bind(deps.writer);
  const { tickets } = deps;

  return {
    'counter.undo': async ({ ticketId }, ctx) => {
      const t = await write(() => {
        const session = deps.sessions.openForStaff(staffOf(ctx).staffId);
        if (!session) throw new HubError('COUNTER_NOT_OPEN');
        const row = tickets.row(ticketId);
        if (!row) throw new HubError('NOT_FOUND', 'Không tìm thấy số thứ tự.');
        const action = checkUndo(situation(deps, session, row, ctx.now));
        const actor = { staffId: session.staff_id, deviceId: null, counterId: session.counter_id };
        // A transfer's event says where the ticket came from: it goes back to that service.
        const serviceId = action === 'transfer' ? ((JSON.parse(tickets.lastEvent(row.id)!.data) as { fromServiceId?: string }).fromServiceId ?? row.service_id) : row.service_id;
        if (action === 'skip') {
          tickets.appendEvent({ ...row, status: 'waiting' }, 'returned', actor, { undo: 'skipped' }, ctx.now);
        } else {
          const back: TicketRow = { ...row, status: 'waiting', service_id: serviceId, reserved_counter_id: session.counter_id };
          tickets.appendEvent(back, 'transferred', actor, { fromServiceId: row.service_id, toServiceId: serviceId, toCounterId: session.counter_id, undo: 'transferred' }, ctx.now);
        }
        // Back in the state it left this desk in; called_at and started_at are those of the first call.
        const patch: TicketPatch = {
          status: restoredStatus(action, row.started_at), service_id: serviceId, counter_id: session.counter_id,
          staff_id: session.staff_id, active_session_id: session.id, reserved_counter_id: null,
        };
        tickets.update(row.id, patch);
        tickets.appendEvent({ ...row, ...patch }, 'called', actor, { reason: 'undo', reasonText: 'Hoàn tác tại quầy' }, ctx.now);
        return tickets.ticket(row.id)!;
      });
      ctx.notify.changed('queue');
      return t;
    },
  } satisfies Partial<Handlers>;
}

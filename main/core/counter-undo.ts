import { HubError } from '../../contract/errors';
import type { CounterUndo, TicketStatus } from '../../contract/queue';

/**
 * How long an officer may take back an absent mark (F6) or a transfer (F7): long enough to see the
 * mistake on the desk, short enough that the citizen has not yet been called elsewhere. A few
 * seconds, counted on the hub's clock.
 */
export const UNDO_WINDOW_MS = 8_000;

/** The ticket events a counter may undo, with the action the desk names them by. */
const undoable = { skipped: 'skip', transferred: 'transfer' } as const;
type UndoableType = keyof typeof undoable;

/** One event of a ticket's history, as far as the undo rule needs it. */
export interface UndoEvent {
  readonly type: string;
  readonly at: number;
  readonly counterId: string | null;
  readonly staffId: string | null;
}

/** What the hub knows when an officer asks to undo an action on a ticket. */
export interface UndoSituation {
  readonly displayCode: string;
  /** The ticket's latest event: the action to undo only if nobody acted on the ticket since. */
  readonly lastEvent: UndoEvent | null;
  readonly counterId: string;
  readonly staffId: string;
  /** When this counter session opened: an action of an earlier session is not this desk's to undo. */
  readonly sessionOpenedAt: number;
  /** The ticket the counter holds now, if any: one called/serving ticket per session. */
  readonly busyWith: string | null;
  readonly now: number;
}

const isUndoable = (type: string): type is UndoableType => type === 'skipped' || type === 'transferred';

/** Why the undo must not happen, or the action it undoes. */
function judge(s: UndoSituation): HubError | 'skip' | 'transfer' {
  const e = s.lastEvent;
  if (e === null || !isUndoable(e.type) || e.counterId !== s.counterId || e.staffId !== s.staffId || e.at < s.sessionOpenedAt) {
    return new HubError('UNDO_SUPERSEDED', `Số ${s.displayCode} đã được xử lý tiếp sau thao tác của quầy, không thể hoàn tác.`);
  }
  if (s.now - e.at > UNDO_WINDOW_MS) {
    return new HubError('UNDO_EXPIRED', `Đã quá ${UNDO_WINDOW_MS / 1000} giây, không thể hoàn tác thao tác với số ${s.displayCode}. Hãy tìm số trong danh sách.`);
  }
  if (s.busyWith !== null) {
    return new HubError('COUNTER_BUSY', `Quầy đang có số ${s.busyWith}: hãy kết thúc hoặc chuyển số đó trước khi hoàn tác số ${s.displayCode}.`);
  }
  return undoable[e.type];
}

/**
 * Refuses an undo the hub must not do, with the reason in words: the ticket was acted on since
 * (called at another counter, returned, cancelled), the window passed, or the counter already holds
 * another ticket. Returns the action being undone.
 */
export function checkUndo(s: UndoSituation): 'skip' | 'transfer' {
  const r = judge(s);
  if (r instanceof HubError) throw r;
  return r;
}

/** The undo the desk may offer now (the one `checkUndo` would accept), or null when there is none. */
export function undoOffer(s: UndoSituation & { readonly ticketId: string }): CounterUndo | null {
  const action = judge(s);
  if (action instanceof HubError) return null;
  return {
    ticketId: s.ticketId,
    displayCode: s.displayCode,
    action,
    text: action === 'skip' ? `Đã đánh dấu vắng ${s.displayCode}` : `Đã chuyển ${s.displayCode}`,
    until: new Date(s.lastEvent!.at + UNDO_WINDOW_MS).toISOString(),
  };
}

/** Where an undone ticket goes back to: the state it had at this counter before the action. */
export function restoredStatus(action: 'skip' | 'transfer', startedAt: number | null): TicketStatus {
  // An absent mark is only given to a called ticket; a transfer keeps started_at, which says whether it was being served.
  return action === 'transfer' && startedAt !== null ? 'serving' : 'called';
}

import { describe, expect, it } from 'vitest';
import { HubError } from '../../../contract/errors';
import { checkUndo, restoredStatus, undoOffer, UNDO_WINDOW_MS, type UndoSituation } from '../../../main/core/counter-undo';

const t0 = Date.parse('2026-11-25T09:00:00+07:00');
const at = (s: Partial<UndoSituation> = {}): UndoSituation => ({
  displayCode: 'A015',
  lastEvent: { type: 'skipped', at: t0, counterId: 'q1', staffId: 'cb1' },
  counterId: 'q1',
  staffId: 'cb1',
  sessionOpenedAt: t0 - 3_600_000,
  busyWith: null,
  now: t0 + 1_000,
  ...s,
});
const codeOf = (s: UndoSituation) => {
  try {
    return checkUndo(s);
  } catch (e) {
    return e instanceof HubError ? e.code : 'thrown';
  }
};

describe('the counter’s undo rule', () => {
  it('undoes its own absent mark or transfer up to the end of the window, on the hub’s clock', () => {
    expect(codeOf(at())).toBe('skip');
    expect(codeOf(at({ lastEvent: { type: 'transferred', at: t0, counterId: 'q1', staffId: 'cb1' } }))).toBe('transfer');
    expect(codeOf(at({ now: t0 + UNDO_WINDOW_MS }))).toBe('skip');
    expect(codeOf(at({ now: t0 + UNDO_WINDOW_MS + 1 }))).toBe('UNDO_EXPIRED');
  });

  it('refuses once someone acted on the ticket, or for another desk, officer or session', () => {
    expect(codeOf(at({ lastEvent: { type: 'called', at: t0, counterId: 'q2', staffId: 'cb2' } }))).toBe('UNDO_SUPERSEDED');
    expect(codeOf(at({ lastEvent: { type: 'returned', at: t0, counterId: null, staffId: 'tt1' } }))).toBe('UNDO_SUPERSEDED');
    expect(codeOf(at({ counterId: 'q2' }))).toBe('UNDO_SUPERSEDED');
    expect(codeOf(at({ staffId: 'cb2' }))).toBe('UNDO_SUPERSEDED');
    expect(codeOf(at({ sessionOpenedAt: t0 + 1 }))).toBe('UNDO_SUPERSEDED');
    expect(codeOf(at({ lastEvent: null }))).toBe('UNDO_SUPERSEDED');
  });

  it('refuses while the counter holds another ticket, and offers only what it would accept', () => {
    expect(codeOf(at({ busyWith: 'A016' }))).toBe('COUNTER_BUSY');
    expect(undoOffer({ ...at({ busyWith: 'A016' }), ticketId: 't' })).toBeNull();
    expect(undoOffer({ ...at({ now: t0 + UNDO_WINDOW_MS + 1 }), ticketId: 't' })).toBeNull();
    expect(undoOffer({ ...at(), ticketId: 't' })).toEqual({
      ticketId: 't', displayCode: 'A015', action: 'skip', text: 'Đã đánh dấu vắng A015', until: new Date(t0 + UNDO_WINDOW_MS).toISOString(),
    });
  });

  it('brings a ticket back as it left: called, or serving if a transfer took it while served', () => {
    expect(restoredStatus('skip', null)).toBe('called');
    expect(restoredStatus('transfer', null)).toBe('called');
    expect(restoredStatus('transfer', t0)).toBe('serving');
  });
});

import { describe, expect, it } from 'vitest';
import {
  centralIsAhead, dossierCodeSeqOf, issueGate, MISSING_KEPT, offlineStart, sequencesReading, startCursors, ticketNumberOf, withMissing,
} from '../../main/core/restore-recovery';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

describe('a restored hub’s recovery rules', () => {
  it('takes a central holding more of this stream than the outbox ever had for a whole folder copied back', () => {
    expect(centralIsAhead([{ incarnation: A, lastSeq: 58 }], A, 6)).toBe(true);
    // The live database: the central never holds more than the outbox wrote.
    expect(centralIsAhead([{ incarnation: A, lastSeq: 58 }], A, 58)).toBe(false);
    expect(centralIsAhead([{ incarnation: B, lastSeq: 90 }], A, 6)).toBe(false);
  });

  it('reads the earlier streams above what this copy holds of its own, and from the start of those it never knew', () => {
    const streams = [{ incarnation: C, baseSeq: 7, lastSeq: 9 }, { incarnation: A, baseSeq: 1, lastSeq: 58 }, { incarnation: B, baseSeq: 40, lastSeq: 70 }];
    expect(startCursors(streams, C, new Set([A, C]), 6)).toEqual({ [A]: 6, [B]: 39 });
    // Nothing past what the copy holds: nothing to read.
    expect(startCursors([{ incarnation: A, lastSeq: 6 }], C, new Set([A]), 6)).toEqual({});
  });

  it('refuses numbers while the central can be asked, and serves with the sequences moved forward when it cannot', () => {
    const pending = { doneAt: null };
    const none = { pending: false, enrolled: true };
    expect([issueGate(null, true, none), issueGate({ doneAt: 1 }, true, none), issueGate(pending, true, none), issueGate(pending, false, none)]).toEqual(['serve', 'serve', 'refuse', 'serve-offline']);
  });

  it('settles a restore record itself on a hub with no central, and leaves it to the recovery on an enrolled one', () => {
    expect(issueGate(null, false, { pending: true, enrolled: false })).toBe('settle-locally');
    expect(issueGate(null, false, { pending: false, enrolled: false })).toBe('serve');
    // Enrolled: the sync worker takes the record up; until it has, its first check decides.
    expect(issueGate({ doneAt: null }, true, { pending: true, enrolled: true })).toBe('refuse');
  });

  it('finds every sequence a display code may have come from, its own service gone or not', () => {
    const services = [{ prefix: 'A', sequenceId: 's1' }, { prefix: 'A', sequenceId: 's2' }, { prefix: 'AB', sequenceId: 's3' }, { prefix: 'B', sequenceId: 's1' }];
    expect(sequencesReading('A050', services)).toEqual([{ sequenceId: 's1', number: 50 }, { sequenceId: 's2', number: 50 }]);
    expect(sequencesReading('AB007', services)).toEqual([{ sequenceId: 's3', number: 7 }]);
    expect(sequencesReading('C001', services)).toEqual([]);
  });

  it('moves a sequence forward by the margin, keeping half the room left in its range', () => {
    expect(offlineStart(12, { rangeStart: 1, rangeEnd: 999 }, 200)).toBe(212);
    expect(offlineStart(null, { rangeStart: 901, rangeEnd: 999 }, 200)).toBe(949);
    expect(offlineStart(999, { rangeStart: 1, rangeEnd: 999 }, 200)).toBe(999);
  });

  it('reads the number inside a display code, and the sequence inside a dossier code its settings could make', () => {
    expect([ticketNumberOf('A015', 'A'), ticketNumberOf('A1000', 'A'), ticketNumberOf('B015', 'A'), ticketNumberOf('A01x', 'A')]).toEqual([15, 1000, null, null]);
    const settings = { pattern: '{agency}-{yymmdd}-{desk}{seq}', deskPart: '', sequenceWidth: 4 };
    expect(dossierCodeSeqOf(settings, '000.00.00.H21', '2026-12-02', '000.00.00.H21-261202-0056')).toBe(56);
    expect(dossierCodeSeqOf(settings, '000.00.00.H21', '2026-12-02', '000.00.00.H21-261202-12345')).toBe(12345);
    // Another day, another agency, a desk part, digits too few: not a code these settings make on that day.
    expect(dossierCodeSeqOf(settings, '000.00.00.H21', '2026-12-03', '000.00.00.H21-261202-0056')).toBeNull();
    expect(dossierCodeSeqOf(settings, '000.00.00.H22', '2026-12-02', '000.00.00.H21-261202-0056')).toBeNull();
    expect(dossierCodeSeqOf(settings, '000.00.00.H21', '2026-12-02', '000.00.00.H21-261202-056')).toBeNull();
    const desk = { ...settings, deskPart: 'TN1' };
    expect(dossierCodeSeqOf(desk, '000.00.00.H21', '2026-12-02', '000.00.00.H21-261202-TN10056')).toBe(56);
    expect(dossierCodeSeqOf(desk, '000.00.00.H21', '2026-12-02', '000.00.00.H21-261202-0056')).toBeNull();
  });

  it('keeps the list for staff short, each kept line once', () => {
    let lines: string[] = [];
    for (let i = 0; i < MISSING_KEPT; i++) lines = withMissing(withMissing(lines, `dòng ${i}`), `dòng ${i}`);
    for (let i = 0; i < 3; i++) lines = withMissing(lines, `thêm ${i}`);
    expect(lines).toHaveLength(MISSING_KEPT + 1);
    expect(lines.at(-1)).toBe('… và 3 mục khác.');
  });
});

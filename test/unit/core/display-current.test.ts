import { describe, expect, it } from 'vitest';
import type { Call } from '../../../contract/queue';
import { displayCurrent, type DisplayMark } from '../../../main/core/display-current';

const call = (id: number, code: string): Call => ({
  id, at: new Date(Date.UTC(2026, 10, 25, 2, id)).toISOString(), kind: 'call', ticketId: `t${id}`, displayCode: code,
  counterId: 'q1', counterNumber: 1, counterLabel: 'Quầy số 1', serviceId: 's', serviceName: 'Hộ tịch', language: 'vi', appointmentTime: null,
});
const recent = (...marks: DisplayMark[]) => marks.map((mark, i) => ({ call: call(marks.length - i, `A00${marks.length - i}`), mark }));

describe('the TV’s large call', () => {
  it('is the newest call while its citizen is invited, served or was served', () => {
    for (const mark of ['called', 'serving', 'served'] as const) expect(displayCurrent(recent(mark, 'called'))?.displayCode).toBe('A002');
  });

  it('leaves a number marked absent or moved on, for the newest one still inviting, or none', () => {
    expect(displayCurrent(recent('absent', 'served', 'called'))?.displayCode).toBe('A001');
    expect(displayCurrent(recent('moved', 'served'))).toBeNull();
    expect(displayCurrent([])).toBeNull();
  });
});

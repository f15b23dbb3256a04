import { describe, expect, it } from 'vitest';
import type { WeeklyHours } from '../../contract/queue';
import { nextSessionStartToday, workingCalendar } from '../../main/core/calendar/working-time';
import { openStateAt } from '../../main/core/hours';
import { queueDayOf } from '../../main/core/queue-day';

/** Monday to Friday, the usual commune desk; nothing at the weekend. */
const office: WeeklyHours = [[], ...Array(5).fill([{ from: '07:30', to: '11:00' }, { from: '13:30', to: '16:30' }]), []] as WeeklyHours;
const at = (local: string) => Date.parse(`${local}+07:00`);
const cal = workingCalendar();
const stateOn = (local: string) => openStateAt(office, at(local), 'Hộ tịch', queueDayOf(cal, local.slice(0, 10)));

describe('taking numbers on the working calendar (2026, national schedule)', () => {
  it('refuses on Quốc khánh, naming the holiday, though the weekly hours say Wednesday is open', () => {
    expect(stateOn('2026-09-02T09:00:00')).toEqual({ open: false, reason: 'Hôm nay nghỉ lễ Quốc khánh: không cấp số thứ tự.' });
  });

  it('refuses on the weekday swapped for a worked Saturday, saying why', () => {
    expect(stateOn('2026-08-31T09:00:00')).toEqual({ open: false, reason: 'Hôm nay là ngày nghỉ: Nghỉ hoán đổi (làm bù thứ Bảy 22/8). Không cấp số thứ tự.' });
  });

  it('opens on the worked Saturday with a weekday’s hours, and keeps its lunch break', () => {
    expect(stateOn('2026-08-22T09:00:00')).toEqual({ open: true });
    expect(stateOn('2026-08-22T12:00:00')).toEqual({ open: false, reason: 'Dịch vụ Hộ tịch chưa đến giờ lấy số. Mời quay lại lúc 13:30.' });
    // An ordinary Saturday stays closed.
    expect(stateOn('2026-08-29T09:00:00').open).toBe(false);
  });

  it('leaves an ordinary weekday to the weekly hours', () => {
    expect(queueDayOf(cal, '2026-11-25')).toEqual({ kind: 'usual' });
    expect(stateOn('2026-11-25T09:00:00')).toEqual({ open: true });
  });
});

describe('when the counters are expected to open', () => {
  it('is the next session start between sessions, and unknown inside one or after the last', () => {
    // National default sessions: 07:30–11:30, 13:30–17:00.
    expect(nextSessionStartToday(cal, at('2026-11-25T07:00:00'))).toBe('07:30');
    expect(nextSessionStartToday(cal, at('2026-11-25T12:00:00'))).toBe('13:30');
    expect(nextSessionStartToday(cal, at('2026-11-25T09:00:00'))).toBeNull();
    expect(nextSessionStartToday(cal, at('2026-11-25T13:30:00'))).toBeNull();
    expect(nextSessionStartToday(cal, at('2026-11-25T17:30:00'))).toBeNull();
  });

  it('is unknown on a holiday', () => expect(nextSessionStartToday(cal, at('2026-09-02T07:00:00'))).toBeNull());
});

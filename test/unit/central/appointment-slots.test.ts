import { describe, expect, it } from 'vitest';
import { hoursOn, offeredSlots, slotStartAt, slotTimes } from '../../../central/appointments/slots';
import type { CalendarYear } from '../../../contract/calendar';
import { USUAL_HOURS } from '../../../contract/queue';

/** The central's slot rule (central/appointments/slots.ts, docs/APPOINTMENTS.md "Slots"), as plain data. */
const weekdays = USUAL_HOURS; // Mon–Fri 07:00–11:30 and 13:00–17:00
const cal2026: CalendarYear = {
  year: 2026, province: null, source: 'official', sameDayCutoff: '15:00', sessions: weekdays,
  holidays: [{ date: '2026-09-02', name: 'Quốc khánh' }], extraDaysOff: [{ date: '2026-09-01', name: 'Nghỉ bù' }],
  workedWeekendDays: [{ date: '2026-08-29', name: 'Làm bù' }],
};

describe('the slots the central offers', () => {
  it('clips a window to the hours of the day and ends every slot within it', () => {
    const monday = weekdays[1]!;
    expect(slotTimes({ windows: [{ from: '06:00', to: '08:00' }], slotMinutes: 20 }, monday)).toEqual(['07:00', '07:20', '07:40']);
    expect(slotTimes({ windows: [{ from: '10:30', to: '14:00' }], slotMinutes: 45 }, monday)).toEqual(['10:30', '13:00']);
    expect(slotTimes({ windows: [{ from: '08:00', to: '09:00' }, { from: '08:30', to: '09:30' }], slotMinutes: 30 }, monday)).toEqual(['08:00', '08:30', '09:00']);
  });

  it('has no hours on holidays, days off, weekends or years without a calendar; a làm bù Saturday takes Monday\'s', () => {
    expect(hoursOn([cal2026], weekdays, '2026-09-02')).toEqual([]);
    expect(hoursOn([cal2026], weekdays, '2026-09-01')).toEqual([]);
    expect(hoursOn([cal2026], weekdays, '2026-09-05')).toEqual([]); // a Saturday
    expect(hoursOn([cal2026], weekdays, '2026-08-29')).toEqual(weekdays[1]);
    expect(hoursOn([cal2026], weekdays, '2026-09-03')).toEqual(weekdays[4]);
    expect(hoursOn([], weekdays, '2026-09-03')).toEqual([]);
  });

  it('offers only future slots up to daysAhead, written with +07:00', () => {
    const now = Date.parse('2026-08-31T01:10:00Z'); // Monday 08:10 in Vietnam
    const slots = offeredSlots({ windows: [{ from: '08:00', to: '09:00' }], slotMinutes: 30, daysAhead: 3 }, weekdays, [cal2026], now);
    expect(slots.map((s) => s.start)).toEqual(['2026-08-31T08:30:00+07:00', '2026-09-03T08:00:00+07:00', '2026-09-03T08:30:00+07:00']);
    expect(slotStartAt(Date.parse('2026-09-03T01:30:00Z'))).toBe('2026-09-03T08:30:00+07:00');
  });
});

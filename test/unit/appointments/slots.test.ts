import { describe, expect, it } from 'vitest';
import { BookingCode, type AppointmentRule } from '../../../contract/appointments';
import { USUAL_HOURS, type WeeklyHours } from '../../../contract/queue';
import { bookingCode, withinBookingLimit } from '../../../main/core/appointments/booking-code';
import { normalSlotStart, slotsOn } from '../../../main/core/appointments/slots';
import { workingCalendar } from '../../../main/core/calendar/working-time';
import { queueDayOf } from '../../../main/core/queue-day';

const calendar = workingCalendar();
const ALL_DAY: WeeklyHours = Array.from({ length: 7 }, () => [{ from: '00:00', to: '24:00' }]);
const rule = (over: Partial<AppointmentRule> = {}): AppointmentRule => ({
  serviceId: 'svc-ho-tich', enabled: true, windows: [{ from: '08:00', to: '10:30' }], slotMinutes: 30, capacity: 3, siteSeats: 1, daysAhead: 7, ...over,
});
/** The slot times of a date, asked at `now` (Vietnam time written with its offset). */
const times = (date: string, over: Partial<AppointmentRule> = {}, hours: WeeklyHours = USUAL_HOURS, now = '2026-12-09T12:00:00+07:00') =>
  slotsOn({ rule: rule(over), hours, date, day: queueDayOf(calendar, date), now: Date.parse(now) }).map((s) => s.time);

describe('the slots of a service on a day', () => {
  it('cuts each window into slots that end by its end, on a working day', () => {
    expect(times('2026-12-10')).toEqual(['08:00', '08:30', '09:00', '09:30', '10:00']);
    expect(times('2026-12-10', { slotMinutes: 40 })).toEqual(['08:00', '08:40', '09:20']);
  });

  it('clips a window to the day’s hours (the lunch break, the closing time)', () => {
    expect(times('2026-12-10', { windows: [{ from: '11:00', to: '14:00' }], slotMinutes: 20 })).toEqual(['11:00', '13:00', '13:20', '13:40']);
    expect(times('2026-12-10', { windows: [{ from: '16:00', to: '18:00' }] })).toEqual(['16:00', '16:30']);
  });

  it('has none on a holiday, a swapped day off or a weekend; a làm bù Saturday has Monday’s', () => {
    expect(times('2026-09-02', {}, USUAL_HOURS, '2026-08-28T12:00:00+07:00')).toEqual([]);
    expect(times('2026-08-31', {}, USUAL_HOURS, '2026-08-28T12:00:00+07:00')).toEqual([]);
    expect(times('2026-12-12')).toEqual([]);
    expect(times('2026-08-22', {}, USUAL_HOURS, '2026-08-20T12:00:00+07:00')).toEqual(['08:00', '08:30', '09:00', '09:30', '10:00']);
  });

  it('offers today’s slots still ahead and days up to daysAhead, none when bookings are off', () => {
    expect(times('2026-12-09', {}, USUAL_HOURS, '2026-12-09T09:10:00+07:00')).toEqual(['09:30', '10:00']);
    expect(times('2026-12-16', { daysAhead: 7 })).toHaveLength(5);
    expect(times('2026-12-17', { daysAhead: 7 })).toEqual([]);
    expect(times('2026-12-08')).toEqual([]);
    expect(times('2026-12-10', { enabled: false })).toEqual([]);
  });

  it('writes a slot just after midnight in Vietnam with its Vietnam date, though it is the day before in UTC', () => {
    const [first] = slotsOn({ rule: rule({ windows: [{ from: '00:10', to: '01:00' }], slotMinutes: 50 }), hours: ALL_DAY, date: '2026-12-10', day: queueDayOf(calendar, '2026-12-10'), now: Date.parse('2026-12-09T12:00:00+07:00') });
    expect(first).toEqual({ start: '2026-12-10T00:10:00+07:00', time: '00:10', at: Date.parse('2026-12-09T17:10:00Z') });
    expect(normalSlotStart('2026-12-09T17:10:00.000Z')).toEqual({ ...first, date: '2026-12-10' });
  });

  it('reads a slot start in any offset, and refuses one that is not a whole minute', () => {
    expect(normalSlotStart('2026-12-10T02:00:00Z')?.start).toBe('2026-12-10T09:00:00+07:00');
    expect(normalSlotStart('2026-12-10T09:00:30+07:00')).toBeNull();
    expect(normalSlotStart('hôm nay')).toBeNull();
  });
});

describe('booking codes and the per-ID limit', () => {
  it('starts with the owner’s letter and uses the alphabet read aloud over the phone', () => {
    let i = 0;
    const code = bookingCode('site', (n) => i++ % n);
    expect(code).toBe('Q23456');
    expect(BookingCode.parse(code)).toBe(code);
    expect(bookingCode('central', (n) => n - 1)).toBe('TXXXXX');
  });

  it('lets an ID number hold up to the limit of active bookings', () => {
    expect([0, 1, 2].map((n) => withinBookingLimit(n, 2))).toEqual([true, true, false]);
  });
});

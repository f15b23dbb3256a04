import { describe, expect, it } from 'vitest';
import { appointmentFigures, punctuality, type BookingFact } from '../../../main/core/reports/appointments';

/** `YYYY-MM-DD HH:MM` in Vietnam → epoch ms. */
const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+07:00`);
const MIN = 60_000;
const slot = at('2026-12-10 09:00');

describe('appointment report rules', () => {
  it('times a check-in against its slot: before the start early, up to the late window on time, after it late', () => {
    expect(punctuality(slot - 20 * MIN, slot, 15)).toBe('early');
    expect(punctuality(slot - 1, slot, 15)).toBe('early');
    expect(punctuality(slot, slot, 15)).toBe('onTime');
    expect(punctuality(slot + 15 * MIN, slot, 15)).toBe('onTime');
    expect(punctuality(slot + 15 * MIN + 1, slot, 15)).toBe('late');
    // A window of 0: only the minute of the start itself is on time.
    expect(punctuality(slot + 1, slot, 0)).toBe('late');
  });

  it('counts a booking as a no-show only once its late window is over, upcoming until then', () => {
    const booked: BookingFact = { serviceId: 's', status: 'booked', slotAt: slot, checkedInAt: null };
    expect(appointmentFigures([booked], 15, slot + 15 * MIN).total).toMatchObject({ noShows: 0, upcoming: 1 });
    expect(appointmentFigures([booked], 15, slot + 15 * MIN + 1).total).toMatchObject({ noShows: 1, upcoming: 0 });
  });

  it('splits each service’s bookings into cancelled, checked in (by punctuality), no-shows and upcoming, adding up to booked', () => {
    const f = (serviceId: string, status: BookingFact['status'], slotAt: number, checkedInAt: number | null = null): BookingFact => ({ serviceId, status, slotAt, checkedInAt });
    const later = at('2026-12-10 14:00');
    const facts = [
      f('ho-tich', 'checked_in', slot, slot - 10 * MIN),
      f('ho-tich', 'checked_in', slot, slot + 5 * MIN),
      f('ho-tich', 'checked_in', slot, slot + 40 * MIN),
      f('ho-tich', 'cancelled', slot),
      f('ho-tich', 'booked', slot),
      f('chung-thuc', 'booked', later),
      f('chung-thuc', 'checked_in', later, later),
    ];
    const now = at('2026-12-10 10:00');
    const { byService, total } = appointmentFigures(facts, 15, now);
    expect(byService.get('ho-tich')).toEqual({ booked: 5, cancelled: 1, checkedIn: 3, noShows: 1, upcoming: 0, early: 1, onTime: 1, late: 1 });
    expect(byService.get('chung-thuc')).toEqual({ booked: 2, cancelled: 0, checkedIn: 1, noShows: 0, upcoming: 1, early: 0, onTime: 1, late: 0 });
    expect(total).toEqual({ booked: 7, cancelled: 1, checkedIn: 4, noShows: 1, upcoming: 1, early: 1, onTime: 2, late: 1 });
    for (const c of [...byService.values(), total]) {
      expect(c.cancelled + c.checkedIn + c.noShows + c.upcoming).toBe(c.booked);
      expect(c.early + c.onTime + c.late).toBe(c.checkedIn);
    }
  });
});

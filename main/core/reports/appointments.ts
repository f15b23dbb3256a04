import type { AppointmentReportCounts } from '../../../contract/reports';
import { isNoShow } from '../appointments/check-in';

/** One booking of the period as the report reads it (report-store.ts `appointmentFacts`). */
export interface BookingFact {
  readonly serviceId: string;
  readonly status: 'booked' | 'cancelled' | 'checked_in';
  /** The slot's start, epoch ms. */
  readonly slotAt: number;
  readonly checkedInAt: number | null;
}

export type Punctuality = 'early' | 'onTime' | 'late';

const MINUTE_MS = 60_000;

/**
 * How a check-in was timed against its slot: before the slot's start is early, from the start
 * to `lateMinutes` after it on time, later than that late (the kiosk refuses it, but a clerk's
 * check-in or a narrower window set since can leave one).
 */
export function punctuality(checkedInAt: number, slotAt: number, lateMinutes: number): Punctuality {
  const from = checkedInAt - slotAt;
  return from < 0 ? 'early' : from <= lateMinutes * MINUTE_MS ? 'onTime' : 'late';
}

const zero = (): AppointmentReportCounts => ({ booked: 0, cancelled: 0, checkedIn: 0, noShows: 0, upcoming: 0, early: 0, onTime: 0, late: 0 });

/**
 * The bookings of a period per service, and the site's total: every booking made for a slot in
 * the period (`booked`) ends up cancelled, checked in (early, on time or late), a no-show (by the
 * rule the day's lists use: still booked after the late window), or is still upcoming — the four
 * add up to `booked`.
 */
export function appointmentFigures(facts: readonly BookingFact[], lateMinutes: number, now: number): { byService: Map<string, AppointmentReportCounts>; total: AppointmentReportCounts } {
  const byService = new Map<string, AppointmentReportCounts>();
  const total = zero();
  for (const f of facts) {
    let row = byService.get(f.serviceId);
    if (!row) byService.set(f.serviceId, (row = zero()));
    for (const c of [row, total]) {
      c.booked += 1;
      if (f.status === 'cancelled') c.cancelled += 1;
      else if (f.status === 'checked_in') {
        c.checkedIn += 1;
        c[punctuality(f.checkedInAt ?? f.slotAt, f.slotAt, lateMinutes)] += 1;
      } else if (isNoShow(f.status, f.slotAt, now, lateMinutes)) c.noShows += 1;
      else c.upcoming += 1;
    }
  }
  return { byService, total };
}

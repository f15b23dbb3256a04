import { minutesToHhmm, vnClock } from '../vn-time';

/**
 * Whether a booking may be checked in now (docs/APPOINTMENTS.md, "Check-in"): from `early` minutes
 * before its slot's start to `late` minutes after, by instants (Vietnam has no DST, and a window may
 * cross midnight, in UTC or in Vietnam). Too early on the slot's own day (or the evening before a
 * slot just after midnight) says when check-in opens; too early on an earlier day says it is not
 * today; past the window, the booking is missed.
 */
export type CheckInWindow =
  | { readonly kind: 'open'; readonly minutesFromSlot: number }
  | { readonly kind: 'tooEarly'; readonly opensAt: string }
  | { readonly kind: 'notToday'; readonly slotDate: string }
  | { readonly kind: 'missed'; readonly closedAt: string };

export function checkInWindow(slotAt: number, now: number, earlyMinutes: number, lateMinutes: number): CheckInWindow {
  const opens = slotAt - earlyMinutes * 60_000;
  const closes = slotAt + lateMinutes * 60_000;
  if (now < opens) {
    const open = vnClock(opens);
    return open.date === vnClock(now).date ? { kind: 'tooEarly', opensAt: minutesToHhmm(open.minuteOfDay) } : { kind: 'notToday', slotDate: vnClock(slotAt).date };
  }
  if (now > closes) return { kind: 'missed', closedAt: minutesToHhmm(vnClock(closes).minuteOfDay) };
  return { kind: 'open', minutesFromSlot: Math.round((now - slotAt) / 60_000) };
}

/** A booked appointment whose late window has passed: a no-show (derived, never stored). */
export const isNoShow = (status: string, slotAt: number, now: number, lateMinutes: number): boolean =>
  status === 'booked' && now > slotAt + lateMinutes * 60_000;

/** An ID number as the day's list shows it: the last 4 digits only. */
export const maskIdNumber = (idNumber: string): string => '•'.repeat(Math.max(0, idNumber.length - 4)) + idNumber.slice(-4);

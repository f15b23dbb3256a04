import { slotStartOf, type AppointmentRule } from '../../../contract/appointments';
import type { WeeklyHours } from '../../../contract/queue';
import { queueWindowsOn, type QueueDay } from '../queue-day';
import { hhmmToMinutes, minutesToHhmm, vnClock, vnMidnight } from '../vn-time';

/** One bookable slot: its start as both sides write it, its Vietnam time and its instant. */
export interface SlotTime {
  readonly start: string;
  readonly time: string;
  readonly at: number;
}

export interface SlotDay {
  readonly rule: AppointmentRule;
  /** The service's own hours, or the site's when it has none. */
  readonly hours: WeeklyHours;
  /** The Vietnam date asked for, `YYYY-MM-DD`. */
  readonly date: string;
  /** The calendar's word on that date (a holiday has no slots; a làm bù Saturday has Monday's). */
  readonly day: QueueDay;
  readonly now: number;
}

/** Sunday 0 … Saturday 6 of a Vietnam date. */
const weekdayOf = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

/** Whole days from the Vietnam date of `now` to `date` (negative: in the past). */
export const daysFromToday = (date: string, now: number): number => Math.round((vnMidnight(date) - vnMidnight(vnClock(now).date)) / 86_400_000);

/**
 * The slots of a service on a day (docs/APPOINTMENTS.md, "Slots"): none when bookings are off for
 * it, the day is outside today … today + daysAhead or not worked; else each of the rule's windows
 * clipped to the day's hours, cut into slots that end by the clipped window's end, and only those
 * still ahead of `now`. Sorted, without duplicates (two windows may overlap once clipped).
 */
export function slotsOn(d: SlotDay): SlotTime[] {
  const ahead = daysFromToday(d.date, d.now);
  if (!d.rule.enabled || ahead < 0 || ahead > d.rule.daysAhead) return [];
  const open = queueWindowsOn(d.hours, d.day, weekdayOf(d.date));
  const starts = new Set<number>();
  for (const w of d.rule.windows) {
    for (const o of open) {
      const from = Math.max(hhmmToMinutes(w.from), hhmmToMinutes(o.from));
      const to = Math.min(hhmmToMinutes(w.to), hhmmToMinutes(o.to));
      for (let m = from; m + d.rule.slotMinutes <= to; m += d.rule.slotMinutes) starts.add(m);
    }
  }
  const midnight = vnMidnight(d.date);
  return [...starts]
    .sort((a, b) => a - b)
    .map((m) => ({ start: slotStartOf(d.date, minutesToHhmm(m)), time: minutesToHhmm(m), at: midnight + m * 60_000 }))
    .filter((s) => s.at > d.now);
}

/**
 * A slot start as a citizen or a screen sent it (any offset), written the one way both sides
 * store it (`…T09:00:00+07:00`), with its Vietnam date; null when it is not a whole minute.
 */
export function normalSlotStart(text: string): (SlotTime & { date: string }) | null {
  const at = Date.parse(text);
  if (!Number.isFinite(at) || at % 60_000 !== 0) return null;
  const c = vnClock(at);
  const time = minutesToHhmm(c.minuteOfDay);
  return { start: slotStartOf(c.date, time), time, at, date: c.date };
}

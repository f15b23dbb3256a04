import { slotStartOf, type AppointmentRule } from '../../contract/appointments';
import type { CalendarYear } from '../../contract/calendar';
import type { WeeklyHours } from '../../contract/queue';
import { vnDate, vnMidnight } from '../reports/period';

/**
 * The slots the central offers (docs/APPOINTMENTS.md, "Slots"), as a pure function of the site's
 * rule, its hours and the province's calendar. The hub has its own in main/core, which the central
 * may not import; the rule both follow is short:
 *
 * - a day has slots only if it is a working day of the calendar: not a holiday or another day off,
 *   and either a weekday with sessions or a weekend day worked in exchange (làm bù);
 * - that day's hours are the service's (or the site's) on its weekday; a làm bù day takes the
 *   first weekday's that has any (Monday's, normally), as the queue does (main/core/queue-day.ts);
 * - each bookable window is clipped to those hours; slots follow each other from the clipped
 *   window's start, `slotMinutes` long, and the last must end by its end;
 * - only slots that start after now, on today and the next `daysAhead` days (Vietnam dates).
 *
 * A year without a calendar the province published (the `calendar` feed) has no slots: the central
 * cannot know its holidays, and a booking on one would send a citizen to a closed office.
 */

export interface OfferedSlot {
  /** `YYYY-MM-DDTHH:MM:00+07:00`, the key of the slot everywhere. */
  readonly start: string;
  readonly date: string;
  readonly time: string;
}

const DAY_MS = 86_400_000;
const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmmOf = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The calendar of a year: the province's own when it published one, else the national one. */
export function calendarOf(calendars: readonly CalendarYear[], year: number): CalendarYear | null {
  return calendars.find((c) => c.year === year && c.province !== null) ?? calendars.find((c) => c.year === year && c.province === null) ?? null;
}

/** The hours a date has for bookings: none on a day off, or in a year without a calendar. */
export function hoursOn(calendars: readonly CalendarYear[], hours: WeeklyHours, date: string): readonly { from: string; to: string }[] {
  const cal = calendarOf(calendars, Number(date.slice(0, 4)));
  if (cal === null) return [];
  if ([...cal.holidays, ...cal.extraDaysOff].some((e) => e.date === date)) return [];
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (cal.workedWeekendDays.some((e) => e.date === date)) return [1, 2, 3, 4, 5].map((d) => hours[d] ?? []).find((w) => w.length > 0) ?? [];
  if ((cal.sessions[weekday] ?? []).length === 0) return [];
  return hours[weekday] ?? [];
}

/** The slot times of one day: each bookable window clipped to the day's hours, slots ending within it. */
export function slotTimes(rule: Pick<AppointmentRule, 'windows' | 'slotMinutes'>, dayHours: readonly { from: string; to: string }[]): string[] {
  const times = new Set<number>();
  for (const w of rule.windows) {
    for (const h of dayHours) {
      const end = Math.min(minutesOf(w.to), minutesOf(h.to));
      for (let t = Math.max(minutesOf(w.from), minutesOf(h.from)); t + rule.slotMinutes <= end; t += rule.slotMinutes) times.add(t);
    }
  }
  return [...times].sort((a, b) => a - b).map(hhmmOf);
}

/** The instant a slot starts (`start` as offered: with +07:00). */
export const slotInstant = (start: string): number => Date.parse(start);

/** A stored instant written back as a slot start with Vietnam's offset. */
export function slotStartAt(ms: number): string {
  const date = vnDate(ms);
  return slotStartOf(date, hhmmOf(Math.round((ms - vnMidnight(date)) / 60_000)));
}

/** Every slot of a service from now to `daysAhead` days ahead, in order. */
export function offeredSlots(
  rule: Pick<AppointmentRule, 'windows' | 'slotMinutes' | 'daysAhead'>, hours: WeeklyHours, calendars: readonly CalendarYear[], now: number,
): OfferedSlot[] {
  const today = vnMidnight(vnDate(now));
  const out: OfferedSlot[] = [];
  for (let d = 0; d <= rule.daysAhead; d++) {
    const date = vnDate(today + d * DAY_MS);
    for (const time of slotTimes(rule, hoursOn(calendars, hours, date))) {
      const start = slotStartOf(date, time);
      if (slotInstant(start) > now) out.push({ start, date, time });
    }
  }
  return out;
}

import type { TimeWindow, WeeklyHours } from '../../contract/queue';
import type { WorkingCalendar } from './calendar/working-time';

/**
 * What the working calendar says of a day, for taking numbers: a public holiday, another day off
 * (nghỉ bù, a weekday swapped for a worked Saturday), a weekend day worked in exchange (làm bù),
 * or a usual day that follows the weekly hours. Names come from the calendar data ("Quốc khánh").
 */
export type QueueDay =
  | { readonly kind: 'usual' }
  | { readonly kind: 'holiday'; readonly name: string }
  | { readonly kind: 'dayOff'; readonly name: string }
  | { readonly kind: 'worked'; readonly name: string };

export const USUAL_DAY: QueueDay = { kind: 'usual' };

/** The calendar's word on a Vietnam date (YYYY-MM-DD). */
export function queueDayOf(cal: WorkingCalendar, date: string): QueueDay {
  const data = cal.year(Number(date.slice(0, 4)));
  const holiday = data.holidays.find((e) => e.date === date);
  if (holiday) return { kind: 'holiday', name: holiday.name };
  const off = data.extraDaysOff.find((e) => e.date === date);
  if (off) return { kind: 'dayOff', name: off.name };
  const worked = data.workedWeekendDays.find((e) => e.date === date);
  if (worked) return { kind: 'worked', name: worked.name };
  return USUAL_DAY;
}

/**
 * The windows for taking numbers on a day. A làm bù Saturday replaces a weekday, so it takes the
 * hours of the first weekday that has any (Monday's, normally) — the same rule the calendar uses
 * for its sessions; a day off has none (the caller says why).
 */
export function queueWindowsOn(hours: WeeklyHours, day: QueueDay, weekday: number): readonly TimeWindow[] {
  if (day.kind === 'holiday' || day.kind === 'dayOff') return [];
  if (day.kind === 'worked') return [1, 2, 3, 4, 5].map((d) => hours[d] ?? []).find((w) => w.length > 0) ?? hours[weekday] ?? [];
  return hours[weekday] ?? [];
}

/** Why no number is given on a day off, naming it: "Hôm nay nghỉ lễ Quốc khánh: không cấp số thứ tự." */
export function dayOffReason(day: QueueDay): string | null {
  if (day.kind === 'holiday') return `Hôm nay nghỉ lễ ${day.name}: không cấp số thứ tự.`;
  if (day.kind === 'dayOff') return `Hôm nay là ngày nghỉ: ${day.name}. Không cấp số thứ tự.`;
  return null;
}

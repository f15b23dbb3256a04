import { workingCalendar } from '../../main/core/calendar/working-time';
import { queueDayOf } from '../../main/core/queue-day';
import { vnDate } from '../../main/core/vn-time';

export const DAY_MS = 24 * 60 * 60_000;

/**
 * How far back (ms, whole days, ≤ 0) from `at` the nearest day is that the official calendar does
 * not keep off (1 January, Tết, a swapped day off): a test hub lives on that day, because on a day
 * off the hub gives no numbers (main/core/queue-day.ts) and a suite run on one would test nothing
 * else. The time of day stays the real one.
 */
export function workingDayOffset(at: number): number {
  const calendar = workingCalendar();
  let day = at;
  for (let i = 0; i < 30; i++) {
    const kind = queueDayOf(calendar, vnDate(day)).kind;
    if (kind !== 'holiday' && kind !== 'dayOff') break;
    day -= DAY_MS;
  }
  return day - at;
}

/** libfaketime, which moves a hub started as its own process to the same working day (scripts/preflight.mjs installs it). */
export const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';

import type { WeeklyHours } from '../../contract/queue';
import { hhmmToMinutes, vnClock } from './vn-time';

/**
 * When the hub PC may install an update, which stops the hub for a minute or two and restarts
 * it. Never while the office is open: a counter would lose its screen in front of a citizen and
 * the kiosk would stop issuing numbers. "Open" is every window of the site's and its services'
 * hours, stretched by a margin on each side (staff switch on before the doors open and finish
 * their files after they close), and the gap at noon counts as open: people stay at their desks.
 *
 * - `busy`: inside that span — install nothing;
 * - `quiet`: outside it but by day — no restart by itself (someone may still be at the PC), but
 *   quitting the app installs the waiting update, after a backup set (update-schedule.ts);
 * - `night`: outside it and between 22:00 and 05:00 — the app may restart by itself to install,
 *   since nobody is expected at the PC (a site with no hours at all still only restarts at night).
 */
export type UpdateMoment = 'busy' | 'quiet' | 'night';

export const OPEN_MARGIN_MINUTES = 60;
const NIGHT_FROM = 22 * 60;
const NIGHT_TO = 5 * 60;
const DAY = 24 * 60;

export function updateMomentAt(hours: readonly WeeklyHours[], epochMs: number, marginMinutes = OPEN_MARGIN_MINUTES): UpdateMoment {
  const now = vnClock(epochMs);
  // Yesterday's and tomorrow's spans can reach into today (a window until 24:00, an opening at 00:30).
  const busy = [-1, 0, 1].some((dayOffset) => {
    const span = openSpan(hours, (now.weekday + dayOffset + 7) % 7);
    if (span === null) return false;
    const from = span.from - marginMinutes + dayOffset * DAY;
    const to = span.to + marginMinutes + dayOffset * DAY;
    return now.minuteOfDay >= from && now.minuteOfDay < to;
  });
  if (busy) return 'busy';
  return now.minuteOfDay >= NIGHT_FROM || now.minuteOfDay < NIGHT_TO ? 'night' : 'quiet';
}

/** From the first opening to the last closing of one weekday over all the given hours; null = closed all day. */
function openSpan(hours: readonly WeeklyHours[], weekday: number): { from: number; to: number } | null {
  const windows = hours.flatMap((h) => h[weekday] ?? []);
  if (windows.length === 0) return null;
  return {
    from: Math.min(...windows.map((w) => hhmmToMinutes(w.from))),
    to: Math.max(...windows.map((w) => hhmmToMinutes(w.to))),
  };
}

import { isWorkingDay, type WorkingCalendar } from '../calendar/working-time';
import { jdnFromIso, jdnToIso } from '../calendar/lunar';
import { timeliness } from '../dossier/lifecycle';
import { vnDate, vnDayNumber, vnMidnight } from '../vn-time';

/**
 * The dossier rules of the reports: the QĐ 766 on-time measure, processing time in working days,
 * what "due soon" means, and what counts as digitised at intake.
 */

/**
 * The due time a handled dossier is scored against. An extension comes with a letter of apology
 * for not meeting the time promised (NĐ 61/2018, art. 18): it moves the citizen's return time,
 * not the desk's score, so a dossier extended is scored against the time before its first extension.
 */
export function scoredDueAt(dueAt: number, firstExtensionPreviousDue: number | null): number {
  return firstExtensionPreviousDue ?? dueAt;
}

/** Early / on time / late as QĐ 766 scores it (main/core/dossier/lifecycle.ts `timeliness`). */
export function handledTimeliness(d: { dueAt: number; firstExtensionPreviousDue: number | null; handledAt: number }): 'early' | 'on_time' | 'late' {
  return timeliness(scoredDueAt(d.dueAt, d.firstExtensionPreviousDue), d.handledAt);
}

/**
 * Working days from receipt to result: the receipt day is not counted, the result's day is (the
 * way a time limit of N working days is counted), so a dossier done on its receipt day took 0. A
 * year's report counts hundreds of thousands of dossiers over a few hundred pairs of days, so the
 * counter counts each pair once.
 */
export function workingDaysCounter(cal: WorkingCalendar): (fromMs: number, toMs: number) => number {
  const known = new Map<string, number>();
  return (fromMs, toMs) => {
    const key = `${vnDayNumber(fromMs)}|${vnDayNumber(toMs)}`;
    let days = known.get(key);
    if (days === undefined) {
      days = 0;
      const last = jdnFromIso(vnDate(toMs));
      for (let jdn = jdnFromIso(vnDate(fromMs)) + 1; jdn <= last; jdn++) if (isWorkingDay(cal, jdnToIso(jdn))) days += 1;
      known.set(key, days);
    }
    return days;
  };
}

/** Longer than any run of days off: a calendar with no working day ahead gives up here. */
const LOOK_AHEAD_DAYS = 400;

/**
 * The end of the `n`th working day after today: a dossier due from now until then is "due soon"
 * (today's own remaining hours included, whether or not today is a working day).
 */
export function dueSoonUntil(cal: WorkingCalendar, now: number, n: number): number {
  let jdn = jdnFromIso(vnDate(now));
  for (let found = 0, guard = 0; found < n && guard < LOOK_AHEAD_DAYS; guard++) {
    jdn += 1;
    if (isWorkingDay(cal, jdnToIso(jdn))) found += 1;
  }
  return vnMidnight(jdnToIso(jdn + 1)) - 1;
}

/** Digitised at intake: a scan was attached by the end of the day the dossier was received. */
export function digitisedAtIntake(receivedAt: number, firstScanAt: number | null): boolean {
  return firstScanAt !== null && vnDate(firstScanAt) <= vnDate(receivedAt);
}

import { HubError } from '../../../contract/errors';
import { hhmmToMinutes, minutesToHhmm, vnClock, vnMidnight } from '../vn-time';
import type { CalendarYear } from '../../../contract/calendar';
import type { ProcessingTime } from '../../../contract/dossier';
import { officialCalendars } from './calendar-data';
import { computedCalendarYear } from './holidays';
import { jdnFromIso, jdnToIso, weekdayOfJdn } from './lunar';

/**
 * Working days and the return time (ngày hẹn trả) of a dossier. Instants are UTC epoch ms;
 * days and session windows are in Vietnam time (fixed UTC+7). Session windows are closed
 * intervals: 17:00 is still a working moment, so "by the end of the day" is a valid return time.
 */

export interface WorkingCalendar {
  /** The calendar data in force for a solar year. */
  readonly year: (year: number) => CalendarYear;
}

/**
 * The calendar data for a year: the province's official data if there is one, else the national
 * official data, else the defaults computed from the Labour Code. A province's entry replaces the
 * national one whole — provinces re-issue the full schedule, not a difference.
 */
export function effectiveCalendarYear(
  year: number,
  province: string | null = null,
  available: readonly CalendarYear[] = officialCalendars,
): CalendarYear {
  return (
    (province !== null ? available.find((c) => c.year === year && c.province === province) : undefined) ??
    available.find((c) => c.year === year && c.province === null) ??
    computedCalendarYear(year)
  );
}

/** A calendar over all years, resolving each year once. */
export function workingCalendar(options: { province?: string | null; calendars?: readonly CalendarYear[] } = {}): WorkingCalendar {
  const byYear = new Map<number, CalendarYear>();
  return {
    year(year) {
      let data = byYear.get(year);
      if (!data) {
        data = effectiveCalendarYear(year, options.province ?? null, options.calendars ?? officialCalendars);
        byYear.set(year, data);
      }
      return data;
    },
  };
}

export function isWorkingDay(cal: WorkingCalendar, date: string): boolean {
  return windowsOn(cal, jdnFromIso(date)).length > 0;
}

export function isWorkingMoment(cal: WorkingCalendar, epochMs: number): boolean {
  const { date } = vnClock(epochMs);
  const msOfDay = epochMs - vnMidnight(date);
  return windowsOn(cal, jdnFromIso(date)).some((w) => msOfDay >= w.from * MINUTE && msOfDay <= w.to * MINUTE);
}

/**
 * The start (HH:MM) of the next working session later today, when this moment falls between
 * sessions of a working day (before opening, at lunch); null inside a session, after the last one
 * and on a day off. A session's first minute counts as inside it.
 */
export function nextSessionStartToday(cal: WorkingCalendar, epochMs: number): string | null {
  const c = vnClock(epochMs);
  const windows = windowsOn(cal, jdnFromIso(c.date));
  if (windows.some((w) => c.minuteOfDay >= w.from && c.minuteOfDay < w.to)) return null;
  const later = windows.find((w) => w.from > c.minuteOfDay);
  return later ? minutesToHhmm(later.from) : null;
}

/**
 * When the result is due, to the minute. Rules (domain-vn.md "Working days and the return time"):
 * - The receipt counts from its minute (the one printed). Received outside a session — before
 *   opening, at lunch, after closing, on a day off (online filings) — it counts as received at the
 *   next session start, and the receipt day is that session's day. This is our choice, not a text
 *   of law: it keeps the result monotone and never counts time the desk was closed.
 * - N working days: the receipt day is not counted; the due moment is the receipt's time of day on
 *   the Nth working day after it, moved into that day's sessions (to the next session start if
 *   it falls in a gap, to the end of the last session if after it).
 * - N working hours: N × 60 minutes counted inside sessions of working days, from the receipt;
 *   a count that ends exactly at a session end returns at that end, not at the next start.
 * - Same day: received before the cut-off (default 15:00) → the end of that day's last session;
 *   at or after the cut-off → the end of the next working day's last session (a full working day,
 *   as if received at its opening, rather than the cut-off time of that day).
 */
export function returnTime(cal: WorkingCalendar, receivedAtMs: number, processing: ProcessingTime): number {
  if (!Number.isFinite(receivedAtMs)) throw new HubError('VALIDATION_FAILED', 'Thời điểm tiếp nhận không hợp lệ.');
  const start = nextWorkingMinute(cal, receivedAtMs);
  switch (processing.unit) {
    case 'working_days': {
      if (!Number.isInteger(processing.value) || processing.value < 1) {
        throw new HubError('VALIDATION_FAILED', 'Thời hạn giải quyết theo ngày làm việc phải là số nguyên dương.');
      }
      let jdn = start.jdn;
      for (let i = 0; i < processing.value; i++) jdn = nextWorkingDay(cal, jdn);
      return instant(jdn, clampInto(windowsOn(cal, jdn), start.minute));
    }
    case 'working_hours': {
      const minutes = processing.value * 60;
      if (!Number.isInteger(minutes) || minutes < 1) {
        throw new HubError('VALIDATION_FAILED', 'Thời hạn giải quyết theo giờ làm việc phải là số dương, tính tròn phút.');
      }
      return addWorkingMinutes(cal, start, minutes);
    }
    case 'same_day': {
      const cutoff = hhmmToMinutes(cal.year(yearOf(start.jdn)).sameDayCutoff);
      const jdn = start.minute < cutoff ? start.jdn : nextWorkingDay(cal, start.jdn);
      const windows = windowsOn(cal, jdn);
      return instant(jdn, windows[windows.length - 1]!.to);
    }
  }
}

const MINUTE = 60_000;
/** Longer than any run of days off (Tết with weekends is 9–10 days): more means no working days at all. */
const MAX_DAYS_OFF_IN_A_ROW = 400;

/** A session window in minutes after local midnight. */
interface Span {
  readonly from: number;
  readonly to: number;
}

interface YearIndex {
  readonly off: ReadonlySet<string>;
  readonly worked: ReadonlySet<string>;
  readonly byWeekday: readonly (readonly Span[])[];
  /** Sessions of a làm bù day: it replaces a weekday, so it works a full weekday (Monday's, normally). */
  readonly fullDay: readonly Span[];
}

const indexes = new WeakMap<CalendarYear, YearIndex>();

function indexOf(data: CalendarYear): YearIndex {
  let index = indexes.get(data);
  if (!index) {
    const byWeekday = data.sessions.map((day) => day.map((w) => ({ from: hhmmToMinutes(w.from), to: hhmmToMinutes(w.to) })));
    index = {
      off: new Set([...data.holidays, ...data.extraDaysOff].map((e) => e.date)),
      worked: new Set(data.workedWeekendDays.map((e) => e.date)),
      byWeekday,
      fullDay: [1, 2, 3, 4, 5].map((d) => byWeekday[d]!).find((w) => w.length > 0) ?? [],
    };
    indexes.set(data, index);
  }
  return index;
}

/** The session windows of a day; none on a day off. */
function windowsOn(cal: WorkingCalendar, jdn: number): readonly Span[] {
  const date = jdnToIso(jdn);
  const index = indexOf(cal.year(yearOf(jdn)));
  if (index.off.has(date)) return [];
  if (index.worked.has(date)) return index.fullDay;
  return index.byWeekday[weekdayOfJdn(jdn)] ?? [];
}

function nextWorkingDay(cal: WorkingCalendar, jdn: number): number {
  for (let next = jdn + 1; next <= jdn + MAX_DAYS_OFF_IN_A_ROW; next++) {
    if (windowsOn(cal, next).length > 0) return next;
  }
  throw new HubError('VALIDATION_FAILED', 'Lịch làm việc không có ngày làm việc nào, không tính được ngày hẹn trả.');
}

/** The receipt's minute if it is inside a session, else the next session start. */
function nextWorkingMinute(cal: WorkingCalendar, epochMs: number): { jdn: number; minute: number } {
  const c = vnClock(epochMs);
  const jdn = jdnFromIso(c.date);
  for (const w of windowsOn(cal, jdn)) {
    if (c.minuteOfDay < w.from) return { jdn, minute: w.from };
    if (c.minuteOfDay <= w.to) return { jdn, minute: c.minuteOfDay };
  }
  const next = nextWorkingDay(cal, jdn);
  return { jdn: next, minute: windowsOn(cal, next)[0]!.from };
}

/** A time of day moved into a working day's sessions, never past its last session. */
function clampInto(windows: readonly Span[], minute: number): number {
  for (const w of windows) {
    if (minute < w.from) return w.from;
    if (minute <= w.to) return minute;
  }
  return windows[windows.length - 1]!.to;
}

function addWorkingMinutes(cal: WorkingCalendar, start: { jdn: number; minute: number }, minutes: number): number {
  let remaining = minutes;
  let { jdn, minute } = start;
  for (;;) {
    for (const w of windowsOn(cal, jdn)) {
      const cursor = Math.max(minute, w.from);
      if (cursor >= w.to) continue;
      if (remaining <= w.to - cursor) return instant(jdn, cursor + remaining);
      remaining -= w.to - cursor;
    }
    jdn = nextWorkingDay(cal, jdn);
    minute = 0;
  }
}

function instant(jdn: number, minute: number): number {
  return vnMidnight(jdnToIso(jdn)) + minute * MINUTE;
}

function yearOf(jdn: number): number {
  return Number(jdnToIso(jdn).slice(0, 4));
}

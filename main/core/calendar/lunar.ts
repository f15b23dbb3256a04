import { HubError } from '../../../contract/errors';

/**
 * The Vietnamese lunar calendar (âm lịch), after Hồ Ngọc Đức's published algorithm
 * ("Thuật toán tính âm lịch", informatik.uni-leipzig.de/~duc/amlich): new moons and the sun's
 * longitude from Meeus' "Astronomical Algorithms", simplified to well under a day's error.
 *
 * Rules of the calendar: a month starts on the local day containing the new moon; the month
 * containing the winter solstice is month 11; a year with 13 months between two months 11 repeats
 * (as a leap month) the first month after month 11 that contains no major solar term.
 *
 * Everything is computed at UTC+7 (the 105°E meridian), Vietnam's legal time. Chinese lunar
 * libraries use UTC+8 and give a different Tết in some years (1968, 1969, 1985 — a month apart —,
 * 2007, 2030, 2053), which is why this is not an npm package.
 */
const TIME_ZONE_DAYS = 7 / 24;
const SYNODIC_MONTH = 29.530588853;

/** The simplified astronomy is validated for these years (Hồ Ngọc Đức publishes tables for them). */
export const LUNAR_MIN_YEAR = 1800;
export const LUNAR_MAX_YEAR = 2199;

export interface LunarDate {
  readonly day: number;
  readonly month: number;
  /** The lunar year, named after the solar year in which it mostly falls (Tết 2026 starts year 2026). */
  readonly year: number;
  readonly leap: boolean;
}

export interface SolarDate {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

/** Julian day number of a Gregorian date (the integer day count dates in this folder are compared by). */
export function jdnFromDate(y: number, m: number, d: number): number {
  const a = Math.floor((14 - m) / 12);
  const yy = y + 4800 - a;
  const mm = m + 12 * a - 3;
  return d + Math.floor((153 * mm + 2) / 5) + 365 * yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) - 32045;
}

export function jdnToDate(jdn: number): SolarDate {
  const a = jdn + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    d: e - Math.floor((153 * m + 2) / 5) + 1,
    m: m + 3 - 12 * Math.floor(m / 10),
    y: 100 * b + d - 4800 + Math.floor(m / 10),
  };
}

/** `YYYY-MM-DD` → Julian day number; the format dates are stored in. */
export function jdnFromIso(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new HubError('VALIDATION_FAILED', `Ngày "${date}" không đúng dạng YYYY-MM-DD.`);
  return checkedJdn(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function jdnToIso(jdn: number): string {
  const { y, m, d } = jdnToDate(jdn);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 0 = Chủ nhật … 6 = Thứ bảy, as in `vnClock`. */
export function weekdayOfJdn(jdn: number): number {
  return (jdn + 1) % 7;
}

/** Solar date → lunar date (Vietnam). */
export function solarToLunar(y: number, m: number, d: number): LunarDate {
  assertYear(y);
  const dayNumber = checkedJdn(y, m, d);
  // The mean lunation only estimates which new moon began this month; the true one can fall a
  // lunation off that estimate (7 May 2054 came out as "day 0"), so step to the last new moon on
  // or before the day.
  let k = Math.floor((dayNumber - 2415021.076998695) / SYNODIC_MONTH);
  while (newMoonDay(k + 1) <= dayNumber) k++;
  while (newMoonDay(k) > dayNumber) k--;
  const monthStart = newMoonDay(k);

  // The lunar year runs between two months 11; find the pair around this day.
  let a11 = month11Start(y);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = y;
    a11 = month11Start(y - 1);
  } else {
    lunarYear = y + 1;
    b11 = month11Start(y + 1);
  }

  const diff = Math.floor((monthStart - a11) / 29);
  let month = diff + 11;
  let leap = false;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    if (diff >= leapOffset) {
      month = diff + 10;
      leap = diff === leapOffset;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { day: dayNumber - monthStart + 1, month, year: lunarYear, leap };
}

/**
 * Lunar date → solar date, or null when that date does not exist (a leap month the year does not
 * have, or day 30 of a 29-day month). Malformed input (not integers, out of range) throws.
 */
export function lunarToSolar(day: number, month: number, year: number, leap = false): SolarDate | null {
  if (!Number.isInteger(day) || day < 1 || day > 30) {
    throw new HubError('VALIDATION_FAILED', `Ngày âm lịch ${day}/${month}/${year} không hợp lệ.`);
  }
  const start = lunarMonthStart(month, year, leap);
  if (start === null) return null;
  if (day > start.length) return null;
  return jdnToDate(start.jdn + day - 1);
}

/** The first day and the length (29 or 30) of a lunar month, or null if the year has no such leap month. */
export function lunarMonthStart(month: number, year: number, leap = false): { jdn: number; length: number } | null {
  assertYear(year);
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new HubError('VALIDATION_FAILED', `Tháng âm lịch ${month} không hợp lệ.`);
  }
  const [a11, b11] = month < 11 ? [month11Start(year - 1), month11Start(year)] : [month11Start(year), month11Start(year + 1)];
  const k = Math.floor(0.5 + (a11 - 2415021.076998695) / SYNODIC_MONTH);
  let offset = month - 11;
  if (offset < 0) offset += 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11);
    let leapMonth = leapOffset - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && month !== leapMonth) return null;
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    return null;
  }
  const jdn = newMoonDay(k + offset);
  return { jdn, length: newMoonDay(k + offset + 1) - jdn };
}

/** The day number of a date that exists (no 30 February), else a validation error. */
function checkedJdn(y: number, m: number, d: number): number {
  const jdn = jdnFromDate(y, m, d);
  const back = jdnToDate(jdn);
  if (!Number.isInteger(jdn) || back.y !== y || back.m !== m || back.d !== d) {
    throw new HubError('VALIDATION_FAILED', `Ngày ${d}/${m}/${y} không tồn tại.`);
  }
  return jdn;
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < LUNAR_MIN_YEAR || year > LUNAR_MAX_YEAR) {
    throw new HubError('VALIDATION_FAILED', `Chỉ tính được âm lịch cho các năm ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}.`);
  }
}

/** The local (UTC+7) day number of the k-th new moon after the one of 1900-01-01 13:52 UT. */
function newMoonDay(k: number): number {
  const T = k / 1236.85; // Julian centuries from 1900 January 0.5
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = Math.PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr); // mean new moon
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * dr) + 0.0161 * Math.sin(dr * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(dr * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(dr * (M - Mpr)) + 0.0004 * Math.sin(dr * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(dr * (2 * F - M)) - 0.0006 * Math.sin(dr * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return Math.floor(jd1 + c1 - deltaT + 0.5 + TIME_ZONE_DAYS);
}

/**
 * Which 30° sector of the ecliptic the sun is in at local midnight starting day `jdn`:
 * 0 = from the spring equinox … 9 = from the winter solstice (270°). A month whose start and end
 * fall in the same sector contains no major term (trung khí).
 */
function sunSector(jdn: number): number {
  const T = (jdn - 2451545.5 - TIME_ZONE_DAYS) / 36525; // Julian centuries from 2000-01-01 12:00 UT
  const T2 = T * T;
  const dr = Math.PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2; // mean anomaly
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2; // mean longitude
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L -= 2 * Math.PI * Math.floor(L / (2 * Math.PI));
  return Math.floor((L / Math.PI) * 6);
}

/** The first day of lunar month 11 (the one containing the winter solstice) of solar year `y`. */
function month11Start(y: number): number {
  const k = Math.floor((jdnFromDate(y, 12, 31) - 2415021) / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  // The new moon before 31 December is already past the solstice: month 11 is the one before.
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** In a 13-month year starting at month 11 `a11`: how many months after it the leap month comes. */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - 2415021.076998695) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let sector = sunSector(newMoonDay(k + i));
  let previous: number;
  do {
    previous = sector;
    i += 1;
    sector = sunSector(newMoonDay(k + i));
  } while (sector !== previous && i < 14);
  return i - 1;
}

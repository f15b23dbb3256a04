/**
 * A report period of Vietnam dates (`from` and `to` included). The central may not import the
 * hub's rules (main/core: docs/ARCHITECTURE.md, layers), so the little it needs of Vietnam time is
 * here: Vietnam has kept UTC+7 all year since 1975 (no summer time), so a fixed offset is exact
 * for every date a dossier can carry.
 */

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;
/** A year, leap day included: the province's yearly figures in one request, and no more (the query's cost grows with it). */
export const MAX_PERIOD_DAYS = 366;

export interface Period {
  readonly from: string;
  readonly to: string;
  /** The first instant of `from` and the first instant after `to`, in Vietnam. */
  readonly start: Date;
  readonly end: Date;
}

/** The instant a Vietnam date begins. */
export const vnMidnight = (date: string): number => Date.parse(`${date}T00:00:00Z`) - VN_OFFSET_MS;

/** The Vietnam date of an instant, `YYYY-MM-DD`. */
export const vnDate = (ms: number): string => new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);

/** Whole Vietnam days from the day of `earlier` to the day of `later`. */
export const vnDaysBetween = (earlier: number, later: number): number => Math.round((vnMidnight(vnDate(later)) - vnMidnight(vnDate(earlier))) / DAY_MS);

/** A wall-clock Date showing Vietnam time for a reader without time zones (a spreadsheet cell). */
export const vnWallClock = (ms: number): Date => new Date(ms + VN_OFFSET_MS);

/** The dates a period may span (the page checks them too, before asking: admin-page-province.ts). */
export const FIRST_DATE = '2000-01-01';
export const LAST_DATE = '2099-12-31';

/**
 * A real calendar date the sites' records can hold: month 13 or 30 February is refused here, not by
 * a RangeError in the middle of a request, and so is year 0, which PostgreSQL refuses.
 */
const isDate = (s: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || s < FIRST_DATE || s > LAST_DATE) return false;
  const ms = vnMidnight(s);
  return Number.isFinite(ms) && vnDate(ms) === s;
};

export type PeriodResult = { readonly ok: true; readonly period: Period } | { readonly ok: false; readonly message: string };

/** The period of `?from=&to=`, or why it is not one (in Vietnamese, for the page). */
export function parsePeriod(from: string | null, to: string | null): PeriodResult {
  if (from === null || to === null || !isDate(from) || !isDate(to)) return { ok: false, message: 'Cần khoảng thời gian: from và to là ngày có thật dạng YYYY-MM-DD, từ năm 2000 đến 2099.' };
  const start = vnMidnight(from);
  const end = vnMidnight(to) + DAY_MS;
  const days = (end - start) / DAY_MS;
  if (days < 1) return { ok: false, message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.' };
  if (days > MAX_PERIOD_DAYS) return { ok: false, message: `Khoảng thời gian dài nhất là ${MAX_PERIOD_DAYS} ngày (đang chọn ${days} ngày).` };
  return { ok: true, period: { from, to, start: new Date(start), end: new Date(end) } };
}

import type { CalendarYear, DatedEntry } from '../../../contract/calendar';
import { DEFAULT_SAME_DAY_CUTOFF, DEFAULT_SESSIONS } from './calendar-data';
import { jdnFromDate, jdnToIso, lunarMonthStart, weekdayOfJdn } from './lunar';

/**
 * A year's days off derived from the law alone, for years with no official notice yet.
 * Bộ luật Lao động 2019 Điều 112 (11 days, in force since 2021; earlier years had other rules
 * and are not modelled):
 * - 1/1; 30/4; 1/5; Giỗ Tổ Hùng Vương 10/3 âm lịch (the ordinary 3rd month, never the leap one).
 * - Tết Âm lịch, 5 days whose placement is chosen each year. Default here: the last day of the
 *   old lunar year and mùng 1–4, the 2026 choice. Other years differ (2025 took 28 Chạp – mùng 3
 *   to fill one Mon–Fri week); such choices arrive as official data.
 * - 2/9 and one adjacent day, 1/9 or 3/9. Default 1/9 (2022, 2023, 2025, 2026), except when 2/9
 *   is a Thursday: 3/9, the Friday that joins the weekend (2021). When 1/9 falls on a Sunday
 *   (2/9 a Monday) the compensatory day below makes 3/9 off, which is what 2024 decided.
 * - Điều 111 k3: a holiday on a weekly rest day gives the next working day off (nghỉ bù).
 *   Weekly rest days are Saturday and Sunday, those of civil servants (the default sessions).
 * Swaps (a weekday off against a Saturday worked) are decided each year and never guessed.
 * The Ngày Văn hóa Việt Nam (24/11) holiday is announced but, as of early 2026, not yet in the
 * Labour Code; add it here once the amendment is in force.
 */
export function computedHolidays(year: number): Pick<CalendarYear, 'holidays' | 'extraDaysOff'> {
  const days: { jdn: number; name: string }[] = [];
  const add = (jdn: number, name: string) => days.push({ jdn, name });

  add(jdnFromDate(year, 1, 1), 'Tết Dương lịch');

  const tet = lunarMonthStart(1, year)!.jdn;
  add(tet - 1, 'Tết Nguyên đán (ngày cuối năm âm lịch)');
  for (let i = 0; i < 4; i++) add(tet + i, `Tết Nguyên đán (mùng ${i + 1})`);

  add(lunarMonthStart(3, year)!.jdn + 9, 'Giỗ Tổ Hùng Vương (10/3 âm lịch)');
  add(jdnFromDate(year, 4, 30), 'Ngày Chiến thắng');
  add(jdnFromDate(year, 5, 1), 'Ngày Quốc tế Lao động');

  const nationalDay = jdnFromDate(year, 9, 2);
  const adjacent = weekdayOfJdn(nationalDay) === 4 ? nationalDay + 1 : nationalDay - 1;
  add(adjacent, 'Quốc khánh (ngày liền kề)');
  add(nationalDay, 'Quốc khánh');
  days.sort((a, b) => a.jdn - b.jdn);

  const isRestDay = (jdn: number) => (DEFAULT_SESSIONS[weekdayOfJdn(jdn)] ?? []).length === 0;
  const taken = new Set(days.map((d) => d.jdn));
  const compensatory: { jdn: number; name: string }[] = [];
  for (const d of days) {
    if (!isRestDay(d.jdn)) continue;
    let next = d.jdn + 1;
    while (isRestDay(next) || taken.has(next)) next += 1;
    taken.add(next);
    compensatory.push({ jdn: next, name: `Nghỉ bù ${d.name} (${dayMonth(d.jdn)})` });
  }
  return { holidays: days.map(entry), extraDaysOff: compensatory.map(entry) };
}

/** The whole calendar year from the law and the default desk hours, marked 'computed'. */
export function computedCalendarYear(year: number): CalendarYear {
  return {
    year,
    province: null,
    source: 'computed',
    ...computedHolidays(year),
    workedWeekendDays: [],
    sessions: DEFAULT_SESSIONS,
    sameDayCutoff: DEFAULT_SAME_DAY_CUTOFF,
  };
}

function entry(d: { jdn: number; name: string }): DatedEntry {
  return { date: jdnToIso(d.jdn), name: d.name };
}

function dayMonth(jdn: number): string {
  const [, m, d] = jdnToIso(jdn).split('-');
  return `${Number(d)}/${Number(m)}`;
}

import { describe, expect, it } from 'vitest';
import { HubError } from '../../../contract/errors';
import { jdnFromDate, jdnFromIso, jdnToDate, jdnToIso, lunarMonthStart, lunarToSolar, solarToLunar, weekdayOfJdn, type LunarDate } from '../../../main/core/calendar/lunar';

const iso = (s: { y: number; m: number; d: number } | null) => (s ? jdnToIso(jdnFromDate(s.y, s.m, s.d)) : null);

/**
 * Mùng 1 Tết in Vietnam. Sources: Hồ Ngọc Đức's lunar tables (UTC+7); the government's Tết notices
 * for 2020, 2023, 2025 and 2026 (which give the lunar dates of the days off); for the years where
 * Vietnam and China differ, the note "Tết Việt Nam lệch Tết Trung Quốc" (tuvilyso.net, 2007):
 * 1968 and 1969 one day earlier, 1985 a month earlier, 2007, 2030 and 2053 one day earlier.
 */
const tet: [number, string][] = [
  [1968, '1968-01-29'], // Mậu Thân: the North (UTC+7 since 1967) 29/1, the South and China 30/1
  [1969, '1969-02-16'], // China: 17/2
  [1975, '1975-02-11'],
  [1985, '1985-01-21'], // Ất Sửu, China: 20/2 — a month apart (Vietnam's leap month comes after Tết)
  [1990, '1990-01-27'],
  [1995, '1995-01-31'],
  [2000, '2000-02-05'],
  [2007, '2007-02-17'], // China: 18/2
  [2010, '2010-02-14'],
  [2015, '2015-02-19'],
  [2020, '2020-01-25'],
  [2023, '2023-01-22'],
  [2024, '2024-02-10'],
  [2025, '2025-01-29'],
  [2026, '2026-02-17'],
  [2027, '2027-02-06'],
  [2030, '2030-02-02'], // China: 3/2
  [2053, '2053-02-18'], // China: 19/2
];

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it.each(tet)('Tết %i is %s', (year, date) => {
    expect(iso(lunarToSolar(1, 1, year))).toBe(date);
    const { y, m, d } = jdnToDate(jdnFromIso(date));
    expect(solarToLunar(y, m, d)).toEqual({ day: 1, month: 1, year, leap: false });
  });

  it('explains 1985: the month China made a leap 10th month was month 11 in Vietnam', () => {
    expect(solarToLunar(1984, 11, 23)).toEqual({ day: 1, month: 11, year: 1984, leap: false });
    expect(solarToLunar(1985, 2, 20)).toEqual({ day: 1, month: 2, year: 1985, leap: false }); // China's Tết
    expect(iso(lunarToSolar(1, 2, 1985, true))).toBe('1985-03-21'); // Vietnam's leap month came after Tết
  });

  it('agrees with the lunar dates printed in the government Tết notices', () => {
    // 2020: 23/1 = 29 tháng Chạp Kỷ Hợi … 29/1 = mùng 5 Canh Tý.
    expect(solarToLunar(2020, 1, 23)).toEqual({ day: 29, month: 12, year: 2019, leap: false });
    expect(solarToLunar(2020, 1, 29)).toEqual({ day: 5, month: 1, year: 2020, leap: false });
    // 2025: 25/1 = 26 Chạp, 27/1 = 28 Chạp Giáp Thìn (a 29-day month: 28/1 is the last day), 2/2 = mùng 5.
    expect(solarToLunar(2025, 1, 25)).toEqual({ day: 26, month: 12, year: 2024, leap: false });
    expect(solarToLunar(2025, 1, 27)).toEqual({ day: 28, month: 12, year: 2024, leap: false });
    expect(lunarMonthStart(12, 2024)?.length).toBe(29);
    expect(solarToLunar(2025, 2, 2)).toEqual({ day: 5, month: 1, year: 2025, leap: false });
    // 2026: 14/2 = 27 Chạp Ất Tỵ, 16/2 = 29 Chạp (the last day), 22/2 = mùng 6 Bính Ngọ.
    expect(solarToLunar(2026, 2, 14)).toEqual({ day: 27, month: 12, year: 2025, leap: false });
    expect(solarToLunar(2026, 2, 16)).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(solarToLunar(2026, 2, 22)).toEqual({ day: 6, month: 1, year: 2026, leap: false });
  });

  it.each([
    [2012, '2012-03-31'],
    [2019, '2019-04-14'],
    [2022, '2022-04-10'],
    [2023, '2023-04-29'],
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])('Giỗ Tổ Hùng Vương %i is %s', (year, date) => {
    expect(iso(lunarToSolar(10, 3, year))).toBe(date);
  });

  it('knows the leap months (tháng nhuận)', () => {
    expect(solarToLunar(2023, 3, 22)).toEqual({ day: 1, month: 2, year: 2023, leap: true }); // Quý Mão, nhuận tháng 2
    expect(solarToLunar(2025, 7, 25)).toEqual({ day: 1, month: 6, year: 2025, leap: true }); // Ất Tỵ, nhuận tháng 6
    expect(solarToLunar(2020, 5, 23)).toEqual({ day: 1, month: 4, year: 2020, leap: true }); // Canh Tý, nhuận tháng 4
    expect(solarToLunar(2025, 6, 25)).toEqual({ day: 1, month: 6, year: 2025, leap: false });
    expect(iso(lunarToSolar(1, 6, 2025, true))).toBe('2025-07-25');
    expect(lunarToSolar(1, 5, 2025, true)).toBeNull(); // 2025 has no leap 5th month
    expect(lunarToSolar(10, 3, 2026, true)).toBeNull(); // 2026 has no leap month at all
  });

  it('puts Giỗ Tổ in the ordinary 3rd month of a year with a leap 3rd month', () => {
    // 1993 (Quý Dậu) and 2031 (Tân Hợi) repeat the 3rd month.
    for (const [year, date] of [[1993, '1993-04-01'], [2031, '2031-04-01']] as const) {
      expect(iso(lunarToSolar(10, 3, year))).toBe(date);
      const leap = iso(lunarToSolar(10, 3, year, true));
      expect(leap).not.toBeNull();
      expect(jdnFromIso(leap!) - jdnFromIso(date)).toBeGreaterThanOrEqual(29);
    }
  });

  it('returns null for day 30 of a 29-day month and rejects malformed input', () => {
    expect(iso(lunarToSolar(29, 12, 2024))).toBe('2025-01-28');
    expect(lunarToSolar(30, 12, 2024)).toBeNull();
    expect(() => lunarToSolar(1, 13, 2025)).toThrow(HubError);
    expect(() => lunarToSolar(0, 1, 2025)).toThrow(HubError);
    expect(() => lunarToSolar(1, 1, 1700)).toThrow(HubError);
    expect(() => solarToLunar(2025, 2, 29)).toThrow(HubError);
    expect(() => jdnFromIso('2025-13-01')).toThrow(HubError);
    expect(() => jdnFromIso('25/1/2025')).toThrow(HubError);
  });

  it('converts every day of 1900–2100 back and forth without loss, one lunar day after another', () => {
    // Every day, not a random sample: a sample of 500 found 7 May 2054 ("day 0") only by chance.
    let previous: LunarDate | null = null;
    const wrong: string[] = [];
    for (let jdn = jdnFromDate(1900, 1, 1); jdn <= jdnFromDate(2100, 12, 31); jdn++) {
      const { y, m, d } = jdnToDate(jdn);
      const l = solarToLunar(y, m, d);
      const back = l.day >= 1 && l.day <= 30 ? lunarToSolar(l.day, l.month, l.year, l.leap) : null;
      const follows = previous === null || l.day === previous.day + 1 || (l.day === 1 && previous.day >= 29);
      if (!back || back.y !== y || back.m !== m || back.d !== d || !follows) wrong.push(`${y}-${m}-${d} → ${JSON.stringify(l)}`);
      previous = l;
    }
    expect(wrong).toEqual([]);
    expect(solarToLunar(2054, 5, 7)).toEqual({ day: 30, month: 3, year: 2054, leap: false });
  });

  it('has the right weekdays and ISO dates', () => {
    expect(weekdayOfJdn(jdnFromIso('2026-02-17'))).toBe(2); // Tết Bính Ngọ is a Tuesday
    expect(weekdayOfJdn(jdnFromIso('2026-08-22'))).toBe(6);
    expect(jdnToIso(jdnFromIso('2024-02-29'))).toBe('2024-02-29');
  });
});

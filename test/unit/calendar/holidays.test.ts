import { describe, expect, it } from 'vitest';
import { HubError } from '../../../contract/errors';
import { CalendarYear } from '../../../contract/calendar';
import { officialCalendars, parseCalendarYear } from '../../../main/core/calendar/calendar-data';
import { computedCalendarYear, computedHolidays } from '../../../main/core/calendar/holidays';
import { effectiveCalendarYear } from '../../../main/core/calendar/working-time';

const dates = (entries: readonly { date: string }[]) => entries.map((e) => e.date);

describe('holidays computed from the Labour Code', () => {
  it('gives the 11 holidays of 2026 exactly as the official notice, and the Giỗ Tổ compensatory day', () => {
    const computed = computedHolidays(2026);
    const official = officialCalendars.find((c) => c.year === 2026)!;
    expect(dates(computed.holidays)).toEqual(dates(official.holidays));
    expect(dates(computed.extraDaysOff)).toEqual(['2026-04-27']);
  });

  it('gives a compensatory day for each holiday on a weekend, on the next free working day', () => {
    // 2024: Tết 9/2 (Fri, last day of Quý Mão) – 13/2, with 10–11/2 on the weekend → 14/2 and 15/2.
    // 2/9 is a Monday: the adjacent day 1/9 is a Sunday → 3/9 off, as the 2024 notice decided.
    expect(dates(computedHolidays(2024).extraDaysOff)).toEqual(['2024-02-14', '2024-02-15', '2024-09-03']);
    // 2027: Tết 6/2 is a Saturday (6–7/2 on the weekend → 10/2, 11/2); 1/5 is a Saturday → Mon 3/5.
    const y2027 = computedHolidays(2027);
    expect(dates(y2027.extraDaysOff)).toEqual(['2027-02-10', '2027-02-11', '2027-05-03']);
    // 2/9/2027 is a Thursday: the adjacent day is Friday 3/9 (as in 2021).
    expect(dates(y2027.holidays)).toContain('2027-09-03');
    expect(dates(y2027.holidays)).not.toContain('2027-09-01');
  });

  it('picks 1/9 or 3/9 as 2021–2026 did', () => {
    const adjacent = (year: number) => dates(computedHolidays(year).holidays).find((d) => d === `${year}-09-01` || d === `${year}-09-03`);
    expect([2021, 2022, 2023, 2025, 2026].map(adjacent)).toEqual(['2021-09-03', '2022-09-01', '2023-09-01', '2025-09-01', '2026-09-01']);
  });

  it('defaults Tết to the last day of the lunar year and mùng 1–4', () => {
    // 2025's official choice (27–31/1) differs: that is why official data wins over computed.
    expect(dates(computedHolidays(2025).holidays).filter((d) => d < '2025-03-01' && d > '2025-01-01')).toEqual([
      '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01',
    ]);
  });
});

describe('calendar data', () => {
  it('ships valid official 2025 and 2026 data, and computes valid years', () => {
    for (const c of officialCalendars) expect(parseCalendarYear(c)).toEqual(c);
    for (let y = 2024; y <= 2040; y++) expect(CalendarYear.safeParse(computedCalendarYear(y)).success).toBe(true);
  });

  it('has the 2025 swaps: Fri 2/5 off against Sat 26/4 worked, and Quốc khánh on 1–2/9', () => {
    const y2025 = officialCalendars.find((c) => c.year === 2025)!;
    expect(dates(y2025.extraDaysOff)).toEqual(['2025-05-02']);
    expect(dates(y2025.workedWeekendDays)).toEqual(['2025-04-26']);
    expect(dates(y2025.holidays)).toEqual(expect.arrayContaining(['2025-01-27', '2025-01-31', '2025-04-07', '2025-09-01', '2025-09-02']));
  });

  it('rejects a day that is both off and worked, and malformed data', () => {
    const y2026 = officialCalendars.find((c) => c.year === 2026)!;
    expect(() => parseCalendarYear({ ...y2026, workedWeekendDays: [{ date: '2026-09-02', name: 'x' }] })).toThrow(HubError);
    expect(() => parseCalendarYear({ ...y2026, sameDayCutoff: '3pm' })).toThrow(HubError);
    expect(() => parseCalendarYear({ ...y2026, holidays: [{ date: '2026-02-30', name: 'x' }] })).toThrow(HubError);
  });

  it('prefers the province, then the national notice, then the computed defaults', () => {
    const national = officialCalendars.find((c) => c.year === 2026)!;
    const giaLai: CalendarYear = { ...national, province: 'Gia Lai', extraDaysOff: [...national.extraDaysOff, { date: '2026-03-10', name: 'Ngày nghỉ của tỉnh' }] };
    const available = [...officialCalendars, giaLai];
    expect(effectiveCalendarYear(2026, 'Gia Lai', available)).toBe(giaLai);
    expect(effectiveCalendarYear(2026, 'Đắk Lắk', available)).toBe(national);
    expect(effectiveCalendarYear(2026)).toBe(national);
    expect(effectiveCalendarYear(2027, 'Gia Lai', available).source).toBe('computed');
  });
});

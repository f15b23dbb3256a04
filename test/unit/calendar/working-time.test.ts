import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HubError } from '../../../contract/errors';
import { isWorkingDay, isWorkingMoment, returnTime, workingCalendar } from '../../../main/core/calendar/working-time';
import type { ProcessingTime } from '../../../contract/dossier';
import { jdnFromIso, jdnToIso } from '../../../main/core/calendar/lunar';
import { minutesToHhmm, vnClock } from '../../../main/core/vn-time';

const cal = workingCalendar();
/** `YYYY-MM-DD HH:MM` in Vietnam → epoch ms. */
const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+07:00`);
const show = (ms: number) => {
  const c = vnClock(ms);
  return `${c.date} ${minutesToHhmm(c.minuteOfDay)}`;
};
const days = (value: number): ProcessingTime => ({ unit: 'working_days', value });
const hours = (value: number): ProcessingTime => ({ unit: 'working_hours', value });
const sameDay: ProcessingTime = { unit: 'same_day' };
const due = (received: string, p: ProcessingTime) => show(returnTime(cal, at(received), p));

describe('working days (2026 official calendar)', () => {
  it('knows Tết, compensatory days, swapped days and worked Saturdays', () => {
    expect(isWorkingDay(cal, '2026-02-13')).toBe(true);
    for (const d of ['2026-02-16', '2026-02-20', '2026-04-27', '2026-08-31', '2026-09-01', '2026-01-02', '2026-02-21']) {
      expect(isWorkingDay(cal, d)).toBe(false);
    }
    expect(isWorkingDay(cal, '2026-08-22')).toBe(true); // làm bù Saturday
    expect(isWorkingDay(cal, '2026-01-10')).toBe(true);
    expect(isWorkingDay(cal, '2026-08-29')).toBe(false); // an ordinary Saturday
  });

  it('knows working moments: session ends count, lunch does not', () => {
    expect(isWorkingMoment(cal, at('2026-03-02 07:30'))).toBe(true);
    expect(isWorkingMoment(cal, at('2026-03-02 17:00'))).toBe(true);
    expect(isWorkingMoment(cal, at('2026-03-02 12:00'))).toBe(false);
    expect(isWorkingMoment(cal, at('2026-03-02 17:01'))).toBe(false);
    expect(isWorkingMoment(cal, at('2026-08-22 14:00'))).toBe(true); // the làm bù Saturday works a full day
    expect(isWorkingMoment(cal, at('2026-02-17 09:00'))).toBe(false);
  });
});

describe('return time in working days', () => {
  it('does not count the day of receipt and keeps the time of day', () => {
    expect(due('2026-03-02 09:15', days(1))).toBe('2026-03-03 09:15');
    expect(due('2026-03-02 14:20', days(2))).toBe('2026-03-04 14:20');
    expect(due('2026-03-06 16:59', days(1))).toBe('2026-03-09 16:59'); // Friday → Monday
  });

  it('skips Tết 2026', () => {
    expect(due('2026-02-13 10:00', days(1))).toBe('2026-02-23 10:00');
    expect(due('2026-02-12 14:00', days(3))).toBe('2026-02-24 14:00');
  });

  it('skips a holiday falling on a Sunday through its compensatory day', () => {
    // Giỗ Tổ is Sunday 26/4/2026 → Monday 27/4 off.
    expect(due('2026-04-24 09:00', days(1))).toBe('2026-04-28 09:00');
    // 30/4 Thu and 1/5 Fri.
    expect(due('2026-04-28 08:00', days(2))).toBe('2026-05-04 08:00');
  });

  it('counts the swapped Saturday 22/8/2026 and skips 31/8–2/9', () => {
    expect(due('2026-08-21 10:00', days(1))).toBe('2026-08-22 10:00');
    expect(due('2026-08-22 09:00', days(1))).toBe('2026-08-24 09:00');
    expect(due('2026-08-28 10:00', days(1))).toBe('2026-09-03 10:00');
  });

  it('crosses into a year with its own calendar (1/1 and the 2/1 swap of 2026)', () => {
    expect(due('2025-12-31 10:00', days(1))).toBe('2026-01-05 10:00');
  });

  it('uses the computed calendar for a year with no notice (2027: 1/5 on Saturday → Monday 3/5 off)', () => {
    expect(due('2027-04-29 10:00', days(1))).toBe('2027-05-04 10:00');
  });

  it('treats a receipt outside sessions as received at the next session start', () => {
    expect(due('2026-03-02 12:00', days(1))).toBe('2026-03-03 13:30'); // lunch → afternoon session
    expect(due('2026-03-02 06:45', days(1))).toBe('2026-03-03 07:30'); // before opening
    expect(due('2026-03-02 17:30', days(1))).toBe('2026-03-04 07:30'); // after closing → received Tuesday
    expect(due('2026-03-07 10:00', days(1))).toBe('2026-03-10 07:30'); // Saturday → received Monday
  });
});

describe('return time in working hours', () => {
  it('counts only minutes inside sessions', () => {
    expect(due('2026-03-02 10:00', hours(4))).toBe('2026-03-02 16:00');
    expect(due('2026-03-02 10:00', hours(8))).toBe('2026-03-03 10:30'); // a default day has 7.5 hours
    expect(due('2026-03-02 11:20', hours(0.5))).toBe('2026-03-02 13:50');
    expect(due('2026-03-02 12:15', hours(1))).toBe('2026-03-02 14:30');
    expect(due('2026-03-06 16:00', hours(2))).toBe('2026-03-09 08:30');
  });

  it('ends at the session end when the count ends there', () => {
    expect(due('2026-03-02 10:00', hours(1.5))).toBe('2026-03-02 11:30');
    expect(due('2026-02-13 13:30', hours(3.5))).toBe('2026-02-13 17:00');
    expect(due('2026-02-13 13:30', hours(4))).toBe('2026-02-23 08:00');
  });
});

describe('same-day procedures and the 15:00 cut-off', () => {
  it('returns the same day before the cut-off, the next working day from it', () => {
    expect(due('2026-03-02 14:59', sameDay)).toBe('2026-03-02 17:00');
    expect(due('2026-03-02 12:10', sameDay)).toBe('2026-03-02 17:00');
    expect(due('2026-03-02 15:00', sameDay)).toBe('2026-03-03 17:00');
    expect(due('2026-03-06 16:00', sameDay)).toBe('2026-03-09 17:00');
    expect(due('2026-03-08 10:00', sameDay)).toBe('2026-03-09 17:00'); // Sunday
    expect(due('2026-02-13 15:30', sameDay)).toBe('2026-02-23 17:00'); // after the cut-off before Tết
    expect(due('2026-08-22 14:00', sameDay)).toBe('2026-08-22 17:00'); // the làm bù Saturday
  });
});

describe('bad input', () => {
  it('rejects processing times it cannot count', () => {
    expect(() => returnTime(cal, at('2026-03-02 10:00'), days(0))).toThrow(HubError);
    expect(() => returnTime(cal, at('2026-03-02 10:00'), days(1.5))).toThrow(HubError);
    expect(() => returnTime(cal, at('2026-03-02 10:00'), hours(-1))).toThrow(HubError);
    expect(() => returnTime(cal, at('2026-03-02 10:00'), hours(0.001))).toThrow(HubError);
    expect(() => returnTime(cal, Number.NaN, sameDay)).toThrow(HubError);
  });

  it('refuses a calendar with no working day instead of looping forever', () => {
    const closed = workingCalendar({
      calendars: [2026, 2027].map((year) => ({
        year, province: null, source: 'official' as const, holidays: [], extraDaysOff: [], workedWeekendDays: [],
        sessions: [[], [], [], [], [], [], []], sameDayCutoff: '15:00',
      })),
    });
    expect(() => returnTime(closed, at('2026-03-02 10:00'), days(1))).toThrow(HubError);
  });
});

describe('properties (receipts 2025–2027)', () => {
  const receipt = fc.integer({ min: at('2025-01-01 00:00'), max: at('2027-12-31 23:59') });
  const processing: fc.Arbitrary<ProcessingTime> = fc.oneof(
    fc.integer({ min: 1, max: 30 }).map(days),
    fc.integer({ min: 1, max: 320 }).map((quarters) => hours(quarters / 4)),
    fc.constant(sameDay),
  );
  const nextWorkingDate = (date: string) => {
    let jdn = jdnFromIso(date) + 1;
    while (!isWorkingDay(cal, jdnToIso(jdn))) jdn += 1;
    return jdnToIso(jdn);
  };

  it('always returns a working moment, after the receipt, to the minute', () => {
    fc.assert(
      fc.property(receipt, processing, (t, p) => {
        const r = returnTime(cal, t, p);
        expect(isWorkingMoment(cal, r)).toBe(true);
        expect(r).toBeGreaterThan(t);
        expect(r % 60_000).toBe(0);
      }),
      { numRuns: 400 },
    );
  });

  it('is monotone non-decreasing in the receipt time', () => {
    fc.assert(
      fc.property(receipt, fc.integer({ min: 0, max: 5 * 24 * 60 }), processing, (t, laterMinutes, p) => {
        expect(returnTime(cal, t + laterMinutes * 60_000, p)).toBeGreaterThanOrEqual(returnTime(cal, t, p));
      }),
      { numRuns: 400 },
    );
  });

  it('puts N working hours exactly N × 60 session minutes after the receipt', () => {
    const isWorkingMinute = (ms: number) => isWorkingMoment(cal, ms) && isWorkingMoment(cal, ms + 60_000);
    fc.assert(
      fc.property(receipt, fc.integer({ min: 1, max: 160 }), (t, quarters) => {
        const r = returnTime(cal, t, hours(quarters / 4));
        let counted = 0;
        for (let m = t - (t % 60_000); m < r; m += 60_000) if (isWorkingMinute(m)) counted += 1;
        expect(counted).toBe(quarters * 15);
      }),
      { numRuns: 60 },
    );
  });

  it('puts N working days at least one working day after the receipt day', () => {
    fc.assert(
      fc.property(receipt, fc.integer({ min: 1, max: 30 }), (t, n) => {
        const r = returnTime(cal, t, days(n));
        expect(vnClock(r).date >= nextWorkingDate(vnClock(t).date)).toBe(true);
        if (n > 1) expect(returnTime(cal, t, days(n - 1))).toBeLessThan(r);
      }),
      { numRuns: 300 },
    );
  });
});

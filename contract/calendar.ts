import { z } from 'zod';
import { HhMm, VnDate, WeeklyHours } from './queue';

/**
 * A year's working calendar, as plain data: the government's notice changes every year and
 * provinces re-issue it, so it arrives by sync or from the admin screen and replaces what ships
 * here. Dates are Vietnam calendar dates.
 */
export const DatedEntry = z.object({ date: VnDate, name: z.string().min(1).max(200) });
export type DatedEntry = z.infer<typeof DatedEntry>;

export const CalendarYear = z
  .object({
    year: z.int().min(1800).max(2199),
    /** Province the notice is for; null = the national schedule for civil servants. */
    province: z.string().min(1).max(100).nullable(),
    /** 'official' = entered from a published notice; 'computed' = derived from the Labour Code alone. */
    source: z.enum(['official', 'computed']),
    /** Public holidays (Bộ luật Lao động 2019 Điều 112), also those falling on a weekend. */
    holidays: z.array(DatedEntry),
    /** Other days off: compensatory days (nghỉ bù) and weekdays swapped for a worked Saturday. */
    extraDaysOff: z.array(DatedEntry),
    /** Weekend days worked to pay back a swapped weekday (làm bù). */
    workedWeekendDays: z.array(DatedEntry),
    /** Session windows per weekday, index 0 = Chủ nhật … 6 = Thứ bảy; no window = weekly rest day. */
    sessions: WeeklyHours,
    /** Same-day procedures received at or after this time are returned the next working day. */
    sameDayCutoff: HhMm,
  })
  .superRefine((c, ctx) => {
    const off = new Set([...c.holidays, ...c.extraDaysOff].map((e) => e.date));
    for (const e of c.workedWeekendDays) {
      if (off.has(e.date)) ctx.addIssue({ code: 'custom', message: `Ngày ${e.date} vừa là ngày nghỉ vừa là ngày làm bù.` });
    }
    for (const w of c.sessions) {
      for (let i = 1; i < w.length; i++) {
        if (w[i]!.from < w[i - 1]!.to) ctx.addIssue({ code: 'custom', message: 'Các buổi làm việc trong ngày phải theo thứ tự và không chồng lên nhau.' });
      }
    }
  });
export type CalendarYear = z.infer<typeof CalendarYear>;

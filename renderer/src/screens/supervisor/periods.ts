import { todayVn } from '../dossier/vn-date';

/** A report period: Vietnam dates, both ends included (as `reports.*` take them). */
export interface Period {
  readonly from: string;
  readonly to: string;
}

export type PresetId = 'this-week' | 'last-week' | 'this-month' | 'last-month';

export const presets: readonly { id: PresetId; label: string }[] = [
  { id: 'this-week', label: 'Tuần này' },
  { id: 'last-week', label: 'Tuần trước' },
  { id: 'this-month', label: 'Tháng này' },
  { id: 'last-month', label: 'Tháng trước' },
];

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => iso(Date.parse(date) + days * DAY_MS);

/**
 * The dates a preset names, counted from the hub's today (weeks start on Monday, as Vietnamese
 * calendars print them). "This" week and month end today: the days after have nothing yet.
 */
export function presetPeriod(id: PresetId, today: string): Period {
  const d = new Date(Date.parse(today));
  const monday = addDays(today, -((d.getUTCDay() + 6) % 7));
  const firstOfMonth = `${today.slice(0, 8)}01`;
  switch (id) {
    case 'this-week':
      return { from: monday, to: today };
    case 'last-week':
      return { from: addDays(monday, -7), to: addDays(monday, -1) };
    case 'this-month':
      return { from: firstOfMonth, to: today };
    case 'last-month': {
      const lastOfPrevious = addDays(firstOfMonth, -1);
      return { from: `${lastOfPrevious.slice(0, 8)}01`, to: lastOfPrevious };
    }
  }
}

/** The preset a period is, if any (so the button shows as chosen after a reload or a typed range). */
export function presetOf(period: Period, today: string): PresetId | null {
  return presets.find((p) => {
    const q = presetPeriod(p.id, today);
    return q.from === period.from && q.to === period.to;
  })?.id ?? null;
}

/** The hub's today: the screen's clock corrected by the hub's (a PC a day off must not shift "this week"). */
export const hubToday = (clockOffset: number): string => todayVn(Date.now() + clockOffset);

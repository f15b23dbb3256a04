import type { WeeklyHours } from '../../../contract/queue';
import { jdnFromIso, jdnToIso, weekdayOfJdn } from '../calendar/lunar';
import { hhmmToMinutes, vnMidnight } from '../vn-time';

/** [from, to) in epoch ms. */
export interface Interval {
  readonly from: number;
  readonly to: number;
}

/** The same instants as sorted, non-overlapping intervals. */
export function merged(intervals: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const i of [...intervals].filter((x) => x.to > x.from).sort((a, b) => a.from - b.from)) {
    const last = out[out.length - 1];
    if (last && i.from <= last.to) out[out.length - 1] = { from: last.from, to: Math.max(last.to, i.to) };
    else out.push(i);
  }
  return out;
}

/** The instants of `a` that are also in `b` (both merged). */
function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const x of a) for (const y of b) if (Math.min(x.to, y.to) > Math.max(x.from, y.from)) out.push({ from: Math.max(x.from, y.from), to: Math.min(x.to, y.to) });
  return merged(out);
}

/** How long the instants of `a` last outside `b` (both merged). */
function lengthOutside(a: readonly Interval[], b: readonly Interval[]): number {
  const total = a.reduce((s, x) => s + x.to - x.from, 0);
  return total - intersect(a, b).reduce((s, x) => s + x.to - x.from, 0);
}

/** A service's hours for taking numbers as intervals, day by day over Vietnam dates. */
export function hoursIntervals(hours: WeeklyHours, fromDate: string, toDate: string): Interval[] {
  const out: Interval[] = [];
  for (let jdn = jdnFromIso(fromDate); jdn <= jdnFromIso(toDate); jdn++) {
    const midnight = vnMidnight(jdnToIso(jdn));
    for (const w of hours[weekdayOfJdn(jdn)] ?? []) out.push({ from: midnight + hhmmToMinutes(w.from) * 60_000, to: midnight + hhmmToMinutes(w.to) * 60_000 });
  }
  return merged(out);
}

/**
 * Minutes in which someone waited for a service, within its hours, while no counter that serves
 * it was open: a counter opened late, a lunch break with people waiting, a service nobody staffs.
 * A ticket nobody called again waits until the end of the service's hours that day.
 */
export function unstaffedWaitingMinutes(waiting: readonly Interval[], hours: readonly Interval[], open: readonly Interval[]): number {
  return Math.round(lengthOutside(intersect(merged(waiting), hours), merged(open)) / 6_000) / 10;
}

export interface WaitingSpell {
  readonly serviceId: string;
  readonly serviceDate: string;
  readonly from: number;
  /** null: nobody touched the ticket again. */
  readonly to: number | null;
}

/**
 * Per service, the minutes of the period with people waiting and no counter open that serves it
 * (by the counters' skills today: past skills are not kept), within the service's hours.
 */
export function unstaffedByService(
  spells: readonly WaitingSpell[],
  services: readonly { id: string; name: string; hours: WeeklyHours }[],
  counters: readonly { id: string; skills: readonly { serviceId: string }[] }[],
  sessions: readonly { counterId: string; openedAt: number; closedAt: number | null }[],
  period: { from: string; to: string; now: number },
): { serviceId: string; name: string; minutes: number }[] {
  const dayEnd = (date: string) => vnMidnight(date) + 86_400_000;
  return services.map((s) => {
    const waiting = spells.filter((w) => w.serviceId === s.id).map((w) => ({ from: w.from, to: w.to ?? Math.min(period.now, dayEnd(w.serviceDate)) }));
    const serving = new Set(counters.filter((c) => c.skills.some((k) => k.serviceId === s.id)).map((c) => c.id));
    const open = sessions.filter((x) => serving.has(x.counterId)).map((x) => ({ from: x.openedAt, to: x.closedAt ?? period.now }));
    return { serviceId: s.id, name: s.name, minutes: unstaffedWaitingMinutes(waiting, hoursIntervals(s.hours, period.from, period.to), open) };
  });
}

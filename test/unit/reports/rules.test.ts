import { describe, expect, it } from 'vitest';
import { QueueReportInput } from '../../../contract/reports';
import { workingCalendar } from '../../../main/core/calendar/working-time';
import { digitisedAtIntake, dueSoonUntil, handledTimeliness, workingDaysCounter } from '../../../main/core/reports/dossiers';
import { periodBounds } from '../../../main/core/reports/period';
import { arrivalHeatMap, legOutcome, openTime, queueFigures, type QueueLeg } from '../../../main/core/reports/queue';
import { satisfiedLevels, summariseRatings } from '../../../main/core/reports/satisfaction';
import { hoursIntervals, merged, unstaffedWaitingMinutes } from '../../../main/core/reports/unstaffed';
import { USUAL_HOURS } from '../../../contract/queue';
import { durations, percentile, share } from '../../../main/core/reports/stats';
import { defaultRatingSettings } from '../../../main/node/db/migrations/002-ratings';

/** `YYYY-MM-DD HH:MM` in Vietnam → epoch ms. */
const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+07:00`);
const MIN = 60_000;
const cal = workingCalendar();

describe('report arithmetic', () => {
  it('takes nearest-rank percentiles: always one of the values', () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(v, 0.5)).toBe(5);
    expect(percentile(v, 0.9)).toBe(9);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([3, 8, 20], 0.5)).toBe(8);
    expect(percentile([3, 8, 20], 0.9)).toBe(20);
  });

  it('gives durations in minutes with one decimal, and nothing for nothing', () => {
    expect(durations([4 * MIN, 10 * MIN, 1 * MIN])).toEqual({ count: 3, meanMinutes: 5, p50Minutes: 4, p90Minutes: 10 });
    expect(durations([90_000])).toEqual({ count: 1, meanMinutes: 1.5, p50Minutes: 1.5, p90Minutes: 1.5 });
    expect(durations([])).toEqual({ count: 0, meanMinutes: null, p50Minutes: null, p90Minutes: null });
    expect(share(2, 3)).toBe(0.6667);
    expect(share(0, 0)).toBeNull();
  });

  it('covers a period of Vietnam dates from its first midnight to the one after its last day', () => {
    expect(periodBounds('2026-08-22', '2026-08-28')).toEqual({ start: at('2026-08-22 00:00'), end: at('2026-08-29 00:00') });
  });

  it('refuses a period backwards or longer than a year (366 days: a leap year), in Vietnamese', () => {
    const messages = (from: string, to: string) => {
      const r = QueueReportInput.safeParse({ from, to });
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(messages('2026-08-28', '2026-08-22')).toEqual(['Ngày kết thúc phải bằng hoặc sau ngày bắt đầu']);
    expect(messages('2026-01-01', '2027-01-01')).toEqual([]);
    expect(messages('2024-01-01', '2024-12-31')).toEqual([]);
    expect(messages('2026-01-01', '2027-01-02')).toEqual(['Khoảng thời gian báo cáo dài nhất là 366 ngày (một năm)']);
    expect(messages('2026-08-22', '2026-08-22')).toEqual([]);
  });
});

describe('queue rules', () => {
  it('reads how a turn ended from its last event', () => {
    expect(['finished', 'redirected', 'skipped', 'cancelled', 'issued', 'called', 'transferred', 'returned', 'started', 'recalled'].map(legOutcome)).toEqual([
      'served', 'served', 'noShow', 'cancelled', 'unfinished', 'unfinished', 'unfinished', 'unfinished', 'unfinished', 'unfinished',
    ]);
  });

  it('buckets arrivals by weekday and hour in Vietnam time, whatever the machine’s zone', () => {
    // 23:30 on Friday in Vietnam is 16:30 UTC the same day; 00:10 on Saturday is Friday 17:10 UTC.
    const cells = arrivalHeatMap([at('2026-08-28 23:30'), at('2026-08-29 00:10'), at('2026-08-29 00:50')]);
    expect(cells[5]![23]).toBe(1);
    expect(cells[6]![0]).toBe(2);
    expect(cells.flat().reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('counts the hours a counter was open inside the period, an open session up to now', () => {
    const spans = [
      { counterId: 'c', openedAt: at('2026-08-21 16:00'), closedAt: at('2026-08-22 09:00') }, // from before the period
      { counterId: 'c', openedAt: at('2026-08-24 08:00'), closedAt: null }, // still open
    ];
    expect(openTime(spans, at('2026-08-22 00:00'), at('2026-08-25 00:00'), at('2026-08-24 09:30'))).toBe(10.5 * 3_600_000);
  });

  it('measures wait to the first call, service from the later of the last call and the start', () => {
    const leg = (over: Partial<QueueLeg>): QueueLeg => ({
      issuedAt: at('2026-08-24 08:00'), continues: false, firstCalledAt: null, lastCalledAt: null, startedAt: null, moved: false, lastType: 'issued', lastAt: at('2026-08-24 08:00'), counterId: null, ...over,
    });
    const legs = [
      // called at 8:10, transferred, called again at 8:30 elsewhere, finished 8:36 without the start key
      leg({ firstCalledAt: at('2026-08-24 08:10'), lastCalledAt: at('2026-08-24 08:30'), startedAt: at('2026-08-24 08:12'), moved: true, lastType: 'finished', lastAt: at('2026-08-24 08:36'), counterId: 'c2' }),
      // its next turn at another service: not a new arrival
      leg({ issuedAt: at('2026-08-24 08:40'), continues: true, firstCalledAt: at('2026-08-24 09:00'), lastCalledAt: at('2026-08-24 09:00'), lastType: 'skipped', lastAt: at('2026-08-24 09:02'), counterId: 'c1' }),
      leg({ lastType: 'cancelled' }),
    ];
    const f = queueFigures(legs, [], [{ id: 'c1', number: 1, label: 'Quầy 1' }, { id: 'c2', number: 2, label: 'Quầy 2' }], { start: at('2026-08-24 00:00'), end: at('2026-08-25 00:00'), now: at('2026-08-24 12:00') }, 15);
    expect(f.counts).toEqual({ issued: 2, served: 1, noShow: 1, cancelled: 1, unfinished: 0, transferred: 1 });
    expect(f.wait).toEqual({ count: 2, meanMinutes: 15, p50Minutes: 10, p90Minutes: 20 });
    expect(f.service).toEqual({ count: 1, meanMinutes: 6, p50Minutes: 6, p90Minutes: 6 });
    expect(f.servedWithinTarget).toEqual({ count: 1, share: 1 });
    expect(f.counters).toEqual([{ counterId: 'c2', number: 2, label: 'Quầy 2', served: 1, openHours: 0, servedPerHour: null, utilisation: null }]);
    expect(f.arrivals[1]![8]).toBe(2);
  });
});

describe('time with people waiting and no counter open', () => {
  const span = (from: string, to: string) => ({ from: at(from), to: at(to) });
  const monday = hoursIntervals(USUAL_HOURS, '2026-08-24', '2026-08-24');

  it('merges overlapping spells and takes a service’s hours day by day', () => {
    expect(merged([span('2026-08-24 08:30', '2026-08-24 10:00'), span('2026-08-24 08:00', '2026-08-24 09:00'), span('2026-08-24 11:00', '2026-08-24 11:00')])).toEqual([span('2026-08-24 08:00', '2026-08-24 10:00')]);
    expect(monday).toEqual([span('2026-08-24 07:00', '2026-08-24 11:30'), span('2026-08-24 13:00', '2026-08-24 17:00')]);
    // Saturday and Sunday have no hours in the usual week; a window to 24:00 ends at midnight.
    expect(hoursIntervals(USUAL_HOURS, '2026-08-22', '2026-08-23')).toEqual([]);
    expect(hoursIntervals(Array.from({ length: 7 }, () => [{ from: '00:00', to: '24:00' }]), '2026-08-22', '2026-08-23')).toEqual([span('2026-08-22 00:00', '2026-08-24 00:00')]);
  });

  it('counts waiting before a counter opened and after it closed, people waiting together once', () => {
    const waiting = [span('2026-08-24 07:50', '2026-08-24 09:00'), span('2026-08-24 08:30', '2026-08-24 10:00')];
    expect(unstaffedWaitingMinutes(waiting, monday, [span('2026-08-24 08:15', '2026-08-24 09:45')])).toBe(40);
  });

  it('does not count the lunch break or the night: only the service’s hours', () => {
    expect(unstaffedWaitingMinutes([span('2026-08-24 11:00', '2026-08-24 14:00')], monday, [])).toBe(90); // 11:00–11:30 and 13:00–14:00
    expect(unstaffedWaitingMinutes([span('2026-08-24 16:50', '2026-08-25 00:00')], monday, [])).toBe(10);
  });
});

describe('dossier rules', () => {
  it('scores early, on time and late against the due time before any extension', () => {
    const due = at('2026-08-26 17:00');
    expect(handledTimeliness({ dueAt: due, firstExtensionPreviousDue: null, handledAt: at('2026-08-25 10:00') })).toBe('early');
    expect(handledTimeliness({ dueAt: due, firstExtensionPreviousDue: null, handledAt: at('2026-08-26 08:00') })).toBe('on_time');
    expect(handledTimeliness({ dueAt: due, firstExtensionPreviousDue: null, handledAt: at('2026-08-26 17:00') })).toBe('on_time');
    expect(handledTimeliness({ dueAt: due, firstExtensionPreviousDue: null, handledAt: at('2026-08-26 17:01') })).toBe('late');
    // Extended to the 28th with an apology, done on the 27th: still late for the desk's score.
    expect(handledTimeliness({ dueAt: at('2026-08-28 17:00'), firstExtensionPreviousDue: due, handledAt: at('2026-08-27 09:00') })).toBe('late');
  });

  it('counts working days after the receipt day up to the result’s day, across the swapped Saturday and the holidays', () => {
    const workingDaysBetween = workingDaysCounter(cal);
    expect(workingDaysBetween(at('2026-08-24 09:00'), at('2026-08-24 16:00'))).toBe(0);
    // Fri 21 → Sat 22 (worked), Mon 24: 2
    expect(workingDaysBetween(at('2026-08-21 09:00'), at('2026-08-24 09:00'))).toBe(2);
    // Fri 28 → Thu 3 Sep: Mon 31 swapped off, 1–2 Sep Quốc khánh: only the 3rd
    expect(workingDaysBetween(at('2026-08-28 09:00'), at('2026-09-03 09:00'))).toBe(1);
  });

  it('looks two working days ahead for "due soon", over days off', () => {
    expect(dueSoonUntil(cal, at('2026-08-24 10:00'), 2)).toBe(at('2026-08-27 00:00') - 1);
    // Friday 28: the next working days are Thu 3 and Fri 4 September.
    expect(dueSoonUntil(cal, at('2026-08-28 10:00'), 2)).toBe(at('2026-09-05 00:00') - 1);
  });

  it('counts a dossier digitised when a scan came by the end of its receipt day', () => {
    expect(digitisedAtIntake(at('2026-08-24 09:00'), at('2026-08-24 23:59'))).toBe(true);
    expect(digitisedAtIntake(at('2026-08-24 09:00'), at('2026-08-25 00:00'))).toBe(false);
    expect(digitisedAtIntake(at('2026-08-24 09:00'), null)).toBe(false);
  });
});

describe('satisfaction rules', () => {
  it('counts the upper half of the scale as satisfied (the middle of an odd scale included)', () => {
    expect(satisfiedLevels(defaultRatingSettings.scale)).toEqual(['very_satisfied', 'satisfied']);
    const five = ['a', 'b', 'c', 'd', 'e'].map((code) => ({ code, label: code, labelEn: code }));
    expect(satisfiedLevels(five)).toEqual(['a', 'b', 'c']);
    expect(satisfiedLevels(five.slice(0, 4))).toEqual(['a', 'b']);
  });

  it('tallies levels in the scale’s order and reasons in the site’s, keeping a level since removed', () => {
    const s = summariseRatings(defaultRatingSettings, [
      { score: 'unsatisfied', scoreLabel: 'Không hài lòng', reasons: ['long_wait', 'attitude'] },
      { score: 'very_satisfied', scoreLabel: 'Rất hài lòng', reasons: [] },
      { score: 'old_level', scoreLabel: 'Bình thường', reasons: ['long_wait'] },
    ]);
    expect(s.total).toBe(3);
    expect(s.satisfied).toBe(1);
    expect(s.satisfiedShare).toBe(0.3333);
    expect(s.levels.map((l) => [l.code, l.count])).toEqual([['very_satisfied', 1], ['satisfied', 0], ['unsatisfied', 1], ['old_level', 1]]);
    expect(s.levels[3]!.label).toBe('Bình thường');
    expect(s.reasons.filter((r) => r.count > 0).map((r) => [r.code, r.count])).toEqual([['long_wait', 2], ['attitude', 1]]);
  });
});

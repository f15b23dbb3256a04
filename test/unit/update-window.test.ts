import { describe, expect, it } from 'vitest';
import type { WeeklyHours } from '../../contract/queue';
import { updateMomentAt } from '../../main/core/update-window';

/** An instant given in Vietnam time (UTC+7). */
const vn = (isoLocal: string) => Date.parse(`${isoLocal}+07:00`);
const weekdays = (windows: { from: string; to: string }[]): WeeklyHours => [[], windows, windows, windows, windows, windows, []];
const site = weekdays([{ from: '07:30', to: '11:00' }, { from: '13:30', to: '16:30' }]);

describe('when an update may be installed', () => {
  // 2025-03-05 is a Wednesday, 2025-03-09 a Sunday.
  it.each([
    ['2025-03-05T06:29', 'quiet'],
    ['2025-03-05T06:30', 'busy'], // an hour before opening: staff are switching on
    ['2025-03-05T12:00', 'busy'], // the noon break counts as open
    ['2025-03-05T17:29', 'busy'],
    ['2025-03-05T17:30', 'quiet'], // an hour after closing: someone quitting the app may install
    ['2025-03-05T22:00', 'night'], // the app may restart by itself
    ['2025-03-06T04:59', 'night'],
    ['2025-03-06T05:00', 'quiet'],
    ['2025-03-09T12:00', 'quiet'], // Sunday, closed: quitting installs, but no restart in daylight
  ])('%s is %s', (at, moment) => {
    expect(updateMomentAt([site], vn(at))).toBe(moment);
  });

  it("a service's own longer hours keep the office busy", () => {
    const saturdayMorning: WeeklyHours = [[], [], [], [], [], [], [{ from: '07:30', to: '11:30' }]];
    expect(updateMomentAt([site], vn('2025-03-08T09:00'))).toBe('quiet');
    expect(updateMomentAt([site, saturdayMorning], vn('2025-03-08T09:00'))).toBe('busy');
  });

  it('hours that end at midnight or start just after it keep the night busy across the date change', () => {
    const lateDesk = weekdays([{ from: '18:00', to: '24:00' }]);
    expect(updateMomentAt([lateDesk], vn('2025-03-06T00:30'))).toBe('busy'); // Wednesday's evening + margin
    expect(updateMomentAt([lateDesk], vn('2025-03-06T01:00'))).toBe('night');
    const earlyDesk = weekdays([{ from: '00:30', to: '06:00' }]);
    expect(updateMomentAt([earlyDesk], vn('2025-03-04T23:45'))).toBe('busy'); // Wednesday opens at 00:30
    expect(updateMomentAt([earlyDesk], vn('2025-03-04T23:15'))).toBe('night');
  });
});

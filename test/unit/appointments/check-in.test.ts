import { describe, expect, it } from 'vitest';
import { checkInWindow, isNoShow, maskIdNumber } from '../../../main/core/appointments/check-in';

const at = (iso: string) => Date.parse(iso);
/** The decision for a slot at `slot`, asked at `now`, with 30 minutes early and 15 late. */
const decide = (slot: string, now: string) => checkInWindow(at(slot), at(now), 30, 15);

describe('the check-in window (Vietnam time, UTC+7 with no DST)', () => {
  it('opens 30 minutes before the slot and closes 15 after it, both ends included', () => {
    expect(decide('2026-12-10T09:00:00+07:00', '2026-12-10T08:29:59+07:00')).toEqual({ kind: 'tooEarly', opensAt: '08:30' });
    expect(decide('2026-12-10T09:00:00+07:00', '2026-12-10T08:30:00+07:00')).toEqual({ kind: 'open', minutesFromSlot: -30 });
    expect(decide('2026-12-10T09:00:00+07:00', '2026-12-10T09:15:00+07:00')).toEqual({ kind: 'open', minutesFromSlot: 15 });
    expect(decide('2026-12-10T09:00:00+07:00', '2026-12-10T09:15:01+07:00')).toEqual({ kind: 'missed', closedAt: '09:15' });
  });

  it('says the booking is not today when it is on a later day', () => {
    expect(decide('2026-12-10T09:00:00+07:00', '2026-12-09T16:00:00+07:00')).toEqual({ kind: 'notToday', slotDate: '2026-12-10' });
  });

  it('handles a window across midnight UTC (a slot at 07:10 in Vietnam = 00:10 UTC)', () => {
    expect(decide('2026-12-10T07:10:00+07:00', '2026-12-09T23:45:00Z')).toEqual({ kind: 'open', minutesFromSlot: -25 });
    expect(decide('2026-12-10T07:10:00+07:00', '2026-12-09T23:30:00Z')).toEqual({ kind: 'tooEarly', opensAt: '06:40' });
  });

  it('handles a slot at 00:10 in Vietnam (17:10 UTC the day before), whose window opens the evening before', () => {
    expect(decide('2026-12-09T17:10:00Z', '2026-12-09T23:30:00+07:00')).toEqual({ kind: 'tooEarly', opensAt: '23:40' });
    expect(decide('2026-12-09T17:10:00Z', '2026-12-09T23:50:00+07:00')).toEqual({ kind: 'open', minutesFromSlot: -20 });
    // The window opens on the 9th in Vietnam: that afternoon it says when; the day before, not today.
    expect(decide('2026-12-09T17:10:00Z', '2026-12-09T16:00:00+07:00')).toEqual({ kind: 'tooEarly', opensAt: '23:40' });
    expect(decide('2026-12-09T17:10:00Z', '2026-12-08T16:00:00+07:00')).toEqual({ kind: 'notToday', slotDate: '2026-12-10' });
  });

  it('closes after midnight for a slot late in the evening', () => {
    expect(decide('2026-12-10T23:50:00+07:00', '2026-12-11T00:04:00+07:00')).toEqual({ kind: 'open', minutesFromSlot: 14 });
    expect(decide('2026-12-10T23:50:00+07:00', '2026-12-11T00:06:00+07:00')).toEqual({ kind: 'missed', closedAt: '00:05' });
  });

  it('counts a booking still booked after its late window as a no-show, and masks ID numbers but the last 4 digits', () => {
    const slot = at('2026-12-10T09:00:00+07:00');
    expect(isNoShow('booked', slot, at('2026-12-10T09:15:00+07:00'), 15)).toBe(false);
    expect(isNoShow('booked', slot, at('2026-12-10T09:16:00+07:00'), 15)).toBe(true);
    expect(isNoShow('checked_in', slot, at('2026-12-10T10:00:00+07:00'), 15)).toBe(false);
    expect(maskIdNumber('001099012345')).toBe('••••••••2345');
    expect(maskIdNumber('123456789')).toBe('•••••6789');
  });
});

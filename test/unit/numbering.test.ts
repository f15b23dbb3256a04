import { describe, expect, it } from 'vitest';
import { HubError } from '../../contract/errors';
import { displayCode, nextNumber } from '../../main/core/numbering';
import { vnClock, vnDate, vnMidnight } from '../../main/core/vn-time';

describe('numbering', () => {
  const seq = { rangeStart: 1, rangeEnd: 999, step: 1 };

  it('starts each service date at the range start and counts by the step', () => {
    expect(nextNumber(seq, null)).toBe(1);
    expect(nextNumber(seq, 14)).toBe(15);
    expect(nextNumber({ rangeStart: 100, rangeEnd: 199, step: 2 }, null)).toBe(100);
    expect(nextNumber({ rangeStart: 100, rangeEnd: 199, step: 2 }, 100)).toBe(102);
  });

  it('refuses a number past the end of the range instead of wrapping or truncating', () => {
    expect(nextNumber(seq, 998)).toBe(999);
    expect(() => nextNumber(seq, 999)).toThrow(HubError);
    try {
      nextNumber({ rangeStart: 1, rangeEnd: 10, step: 3 }, 10);
    } catch (e) {
      expect((e as HubError).code).toBe('NUMBERS_EXHAUSTED');
    }
  });

  it('pads to a minimum width and never truncates', () => {
    expect(displayCode('A', 15, 3)).toBe('A015');
    expect(displayCode('A', 999, 3)).toBe('A999');
    expect(displayCode('A', 1000, 3)).toBe('A1000');
    expect(displayCode('KD', 7, 4)).toBe('KD0007');
  });
});

describe('Vietnam time (service date rolls over at local midnight, not UTC midnight)', () => {
  it('maps instants to the Vietnamese date', () => {
    expect(vnDate(Date.parse('2026-11-25T16:59:59Z'))).toBe('2026-11-25');
    expect(vnDate(Date.parse('2026-11-25T17:00:00Z'))).toBe('2026-11-26');
    expect(vnMidnight('2026-11-26')).toBe(Date.parse('2026-11-25T17:00:00Z'));
  });
  it('gives weekday and minute of day in local time', () => {
    const c = vnClock(Date.parse('2026-11-25T02:30:00Z')); // Wednesday 09:30 in Hà Nội
    expect(c).toEqual({ date: '2026-11-25', weekday: 3, minuteOfDay: 9 * 60 + 30 });
  });
});

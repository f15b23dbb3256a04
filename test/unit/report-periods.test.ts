import { describe, expect, it } from 'vitest';
import { presetOf, presetPeriod } from '../../renderer/src/screens/supervisor/periods';

describe("the supervisor's period presets", () => {
  it('counts weeks from Monday and months from the first, ending "this" ones today', () => {
    const thursday = '2026-09-03';
    expect(presetPeriod('this-week', thursday)).toEqual({ from: '2026-08-31', to: '2026-09-03' });
    expect(presetPeriod('last-week', thursday)).toEqual({ from: '2026-08-24', to: '2026-08-30' });
    expect(presetPeriod('this-month', thursday)).toEqual({ from: '2026-09-01', to: '2026-09-03' });
    expect(presetPeriod('last-month', thursday)).toEqual({ from: '2026-08-01', to: '2026-08-31' });
  });

  it('a Sunday ends its own week; weeks and months cross the new year', () => {
    expect(presetPeriod('this-week', '2026-09-06')).toEqual({ from: '2026-08-31', to: '2026-09-06' });
    expect(presetPeriod('this-week', '2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-01' });
    expect(presetPeriod('last-week', '2027-01-01')).toEqual({ from: '2026-12-21', to: '2026-12-27' });
    expect(presetPeriod('last-month', '2027-01-01')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(presetPeriod('last-month', '2028-03-15')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('names the preset a period is, and none for typed dates', () => {
    expect(presetOf({ from: '2026-08-24', to: '2026-08-30' }, '2026-09-03')).toBe('last-week');
    expect(presetOf({ from: '2026-08-22', to: '2026-08-28' }, '2026-09-03')).toBeNull();
  });
});

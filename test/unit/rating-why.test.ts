import { describe, expect, it } from 'vitest';
import { asksWhy, type RatingSettings } from '../../contract/queue';

const choice = (code: string) => ({ code, label: code, labelEn: code });
const settings = (scale: string[], reasons = ['long_wait']): RatingSettings => ({ question: 'Hài lòng?', questionEn: '', scale: scale.map(choice), reasons: reasons.map(choice) });

describe('which scores the rating tablet asks "why?" after', () => {
  it('asks after the lower half of the scale only', () => {
    const three = settings(['rat_hai_long', 'hai_long', 'khong_hai_long']);
    expect(three.scale.map((s) => asksWhy(three, s.code))).toEqual([false, false, true]);
    const five = settings(['5', '4', '3', '2', '1']);
    expect(five.scale.map((s) => asksWhy(five, s.code))).toEqual([false, false, false, true, true]);
    const two = settings(['co', 'khong']);
    expect(two.scale.map((s) => asksWhy(two, s.code))).toEqual([false, true]);
  });

  it('never asks when the site lists no reasons, or for a score not on the scale', () => {
    expect(asksWhy(settings(['co', 'khong'], []), 'khong')).toBe(false);
    expect(asksWhy(settings(['co', 'khong']), 'khac')).toBe(false);
  });
});

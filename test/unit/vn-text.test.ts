import { describe, expect, it } from 'vitest';
import { vnCountText, vnDateText, vnDateTimeText, vnMoneyText, vnPlaceDateText, vnTimeText } from '../../main/core/vn-text';

const at = (iso: string) => Date.parse(iso);

describe('Vietnamese date and number texts', () => {
  it('writes dates in Vietnam time, zero-padding days below 10 and months 1 and 2 only', () => {
    expect(vnDateText(at('2026-11-26T14:05:00+07:00'))).toBe('ngày 26 tháng 11 năm 2026');
    expect(vnDateText(at('2026-02-05T09:00:00+07:00'))).toBe('ngày 05 tháng 02 năm 2026');
    expect(vnDateText(at('2026-01-09T09:00:00+07:00'))).toBe('ngày 09 tháng 01 năm 2026');
    expect(vnDateText(at('2026-03-01T09:00:00+07:00'))).toBe('ngày 01 tháng 3 năm 2026');
    // 20:30 UTC on 31 December is already New Year's Day in Vietnam.
    expect(vnDateText(at('2026-12-31T20:30:00Z'))).toBe('ngày 01 tháng 01 năm 2027');
  });

  it('writes times as "giờ … phút" with two digits', () => {
    expect(vnTimeText(at('2026-11-26T14:05:00+07:00'))).toBe('14 giờ 05 phút');
    expect(vnTimeText(at('2026-11-26T00:00:00+07:00'))).toBe('00 giờ 00 phút');
    expect(vnDateTimeText(at('2026-12-03T08:30:00+07:00'))).toBe('08 giờ 30 phút, ngày 03 tháng 12 năm 2026');
  });

  it('writes the dateline, counts and amounts', () => {
    expect(vnPlaceDateText('Hội Thương', at('2026-11-26T14:05:00+07:00'))).toBe('Hội Thương, ngày 26 tháng 11 năm 2026');
    expect(vnCountText(1)).toBe('01');
    expect(vnCountText(12)).toBe('12');
    expect(vnMoneyText(0)).toBe('0 đồng');
    expect(vnMoneyText(16_000)).toBe('16.000 đồng');
    expect(vnMoneyText(1_250_000)).toBe('1.250.000 đồng');
    expect(vnMoneyText(999)).toBe('999 đồng');
  });
});

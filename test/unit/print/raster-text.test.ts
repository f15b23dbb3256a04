import { describe, expect, it } from 'vitest';
import { bitAt, type Bitmap } from '../../../main/node/print/bitmap';
import type { LineSize } from '../../../main/node/print/layout-types';
import { RASTER_FONT_PX, rasterLineMetrics, renderTextRaster } from '../../../main/node/print/raster-text';
import { wrapBalanced, wrapText } from '../../../main/node/print/wrap';

/** First and last inked row within rows [top, top + height). */
function inkRows(bitmap: Bitmap, top: number, height: number): [number, number] | null {
  let first = -1;
  let last = -1;
  for (let y = top; y < top + height; y++) {
    for (let x = 0; x < bitmap.width; x++) {
      if (bitAt(bitmap, x, y)) {
        if (first < 0) first = y - top;
        last = y - top;
        break;
      }
    }
  }
  return first < 0 ? null : [first, last];
}

describe('Vietnamese raster lines', () => {
  const sizes: LineSize[] = ['small', 'normal', 'large'];

  it.each(sizes)('keeps stacked marks and dots below on paper (%s)', (size) => {
    for (const bold of [false, true]) {
      // Tallest (Ẫ Ẩ Ỗ) and deepest (ỵ ậ g) glyphs on every line.
      const text = 'ẪẨỖỮ ỵậgỹ ỚỠẤ Ỹ\nỶỸẴẲ ỵgy ẬỆ';
      const bitmap = renderTextRaster(text, { size, bold, align: 'left' }, 576);
      const { height } = rasterLineMetrics(RASTER_FONT_PX[size], bold);
      expect(height).toBeGreaterThanOrEqual(1.3 * RASTER_FONT_PX[size]);
      expect(bitmap.height).toBe(2 * height);
      for (const top of [0, height]) {
        const rows = inkRows(bitmap, top, height);
        expect(rows).not.toBeNull();
        // Ink never touches the slot's edges: nothing was cut off above or below.
        expect(rows![0]).toBeGreaterThan(0);
        expect(rows![1]).toBeLessThan(height - 1);
      }
    }
  });

  it('wraps by measured width and never draws past the paper', () => {
    const text = 'Đăng ký khai sinh kết hợp đăng ký thường trú và cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi';
    const bitmap = renderTextRaster(text, { size: 'normal', bold: false, align: 'left' }, 384);
    const { height } = rasterLineMetrics(RASTER_FONT_PX.normal);
    expect(bitmap.height / height).toBeGreaterThanOrEqual(3);
    expect(bitmap.width).toBeLessThanOrEqual(384);
    // Right-trimmed: no blank byte columns are sent.
    let lastColumnInked = false;
    for (let y = 0; y < bitmap.height; y++) {
      for (let x = bitmap.width - 8; x < bitmap.width; x++) lastColumnInked ||= bitAt(bitmap, x, y);
    }
    expect(lastColumnInked).toBe(true);
  });

  it('centres by pixels', () => {
    const bitmap = renderTextRaster('Số 7', { size: 'normal', bold: false, align: 'center' }, 576);
    let left = Infinity;
    let right = -1;
    for (let y = 0; y < bitmap.height; y++) {
      for (let x = 0; x < bitmap.width; x++) {
        if (bitAt(bitmap, x, y)) {
          left = Math.min(left, x);
          right = Math.max(right, x);
        }
      }
    }
    expect(Math.abs(left - (575 - right))).toBeLessThanOrEqual(3);
  });
});

describe('wrapping', () => {
  const columns = (s: string) => [...s].length;

  it('keeps explicit newlines and breaks over-long words', () => {
    expect(wrapText('một hai\nba', 20, columns)).toEqual(['một hai', 'ba']);
    expect(wrapText('000.00.12.H01-261125-0001', 10, columns)).toEqual(['000.00.12.', 'H01-261125', '-0001']);
  });

  it('never splits at a no-break space', () => {
    expect(wrapText('Hẹn trả: 14:00\u00a027/11/2026', 16, columns)).toEqual(['Hẹn trả:', '14:00\u00a027/11/2026']);
  });

  it('balances centred lines instead of leaving one word alone', () => {
    const text = 'Trung tâm Phục vụ hành chính công huyện Đồng Hỷ';
    expect(wrapText(text, 44, columns)).toEqual(['Trung tâm Phục vụ hành chính công huyện Đồng', 'Hỷ']);
    expect(wrapBalanced(text, 44, columns)).toEqual(['Trung tâm Phục vụ hành', 'chính công huyện Đồng Hỷ']);
  });
});

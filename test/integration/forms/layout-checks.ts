/** Checks that what is printed stays on the paper: inside the margins, no text over other text. */
import { expect } from 'vitest';
import type { ReadPdf, TextBox } from './pdf-tools';

const MM = 72 / 25.4;
/** The renderer's margins (NĐ 30/2020): 30 mm left, 15 mm right, 20 mm top and bottom. */
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
/** Boxes come from the fonts' ascent and descent; kerning can nudge a glyph a little further. */
const SLACK = 0.75;

function overlaps(a: TextBox, b: TextBox): boolean {
  return Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin) > SLACK && Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) > SLACK;
}

export function expectLaidOutOnPaper(pdf: ReadPdf): void {
  for (const page of pdf.pages) {
    const bottom = page.height - MARGIN.bottom;
    for (const w of page.boxes) {
      const where = `"${w.text}" on page ${w.page}`;
      expect(w.xMin, where).toBeGreaterThanOrEqual(MARGIN.left - SLACK);
      expect(w.xMax, where).toBeLessThanOrEqual(page.width - MARGIN.right + SLACK);
      expect(w.yMin, where).toBeGreaterThanOrEqual(MARGIN.top - SLACK);
      // Only the page number ("Trang 2/3") is printed in the bottom margin.
      if (w.yMax > bottom + SLACK) expect(w.text, where).toMatch(/^Trang \d+\/\d+$/);
      expect(w.yMax, where).toBeLessThanOrEqual(page.height);
    }
    const boxes = page.boxes;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        if (overlaps(boxes[i], boxes[j])) expect.fail(`"${boxes[i].text}" overlaps "${boxes[j].text}" on page ${boxes[i].page}`);
      }
    }
  }
}

/** Checks that what is printed stays on the paper: inside the margins, no word over another. */
import { expect } from 'vitest';
import { wordBoxes, type WordBox } from './pdf-tools';

const MM = 72 / 25.4;
/** The renderer's margins (NĐ 30/2020): 30 mm left, 15 mm right, 20 mm top and bottom. */
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
/** pdftotext measures in hundredths of a point; kerning can nudge a glyph a little further. */
const SLACK = 0.75;

function overlaps(a: WordBox, b: WordBox): boolean {
  return Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin) > SLACK && Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) > SLACK;
}

export function expectLaidOutOnPaper(pdf: Buffer): void {
  for (const page of wordBoxes(pdf)) {
    const bottom = page.height - MARGIN.bottom;
    for (const w of page.words) {
      const where = `"${w.text}" on page ${w.page}`;
      expect(w.xMin, where).toBeGreaterThanOrEqual(MARGIN.left - SLACK);
      expect(w.xMax, where).toBeLessThanOrEqual(page.width - MARGIN.right + SLACK);
      expect(w.yMin, where).toBeGreaterThanOrEqual(MARGIN.top - SLACK);
      // Only the page number ("Trang 2/3") is printed in the bottom margin.
      if (w.yMax > bottom + SLACK) expect(w.text, where).toMatch(/^(Trang|\d+\/\d+)$/);
      expect(w.yMax, where).toBeLessThanOrEqual(page.height);
    }
    const words = page.words;
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        if (overlaps(words[i], words[j])) expect.fail(`"${words[i].text}" overlaps "${words[j].text}" on page ${words[i].page}`);
      }
    }
  }
}

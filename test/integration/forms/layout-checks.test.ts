import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { expectLaidOutOnPaper } from './layout-checks';
import { readPdf } from './pdf-tools';

const MM = 72 / 25.4;

/** An A4 page with each text drawn where asked (x, y in points from the top left). */
function page(texts: ReadonlyArray<{ text: string; x: number; y: number }>): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(12);
  for (const t of texts) doc.text(t.text, t.x, t.y, { lineBreak: false });
  doc.end();
  return done;
}

// The checks replaced poppler's word boxes with PDF.js text runs: they must still catch a fault.
describe('the layout checks on a PDF', () => {
  it('pass text set inside the margins', async () => {
    const pdf = await readPdf(await page([{ text: 'Inside the margins', x: 40 * MM, y: 30 * MM }, { text: 'Next line', x: 40 * MM, y: 40 * MM }]));
    expect(pdf.pages[0]!.boxes.map((b) => b.text)).toEqual(['Inside the margins', 'Next line']);
    expectLaidOutOnPaper(pdf);
  });

  it('catch text running into the right margin', async () => {
    const pdf = await readPdf(await page([{ text: 'Into the right margin', x: 165 * MM, y: 30 * MM }]));
    expect(() => expectLaidOutOnPaper(pdf)).toThrow(/"Into the right margin" on page 1/);
  });

  it('catch text over other text', async () => {
    const pdf = await readPdf(await page([{ text: 'Nguyen Thi Ngoc Anh', x: 40 * MM, y: 30 * MM }, { text: 'Tran Van Binh', x: 50 * MM, y: 31 * MM }]));
    expect(() => expectLaidOutOnPaper(pdf)).toThrow(/"Nguyen Thi Ngoc Anh" overlaps "Tran Van Binh"/);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { currentForms, renderFormPdf } from '../../../main/node/forms';
import { register } from './fixtures';
import { expectLaidOutOnPaper } from './layout-checks';
import { flat, pdfInfo, pdfText, savePng, wordBoxes } from './pdf-tools';

describe('Sổ theo dõi hồ sơ', () => {
  let pdf: Buffer;
  let pages: number;
  beforeAll(async () => {
    pdf = await renderFormPdf(currentForms.register, register);
    pages = Number(pdfInfo(pdf).Pages);
    savePng(pdf, 'mau-07-so-theo-doi');
  });

  it('is a landscape A4 table over several pages', () => {
    expect(pdfInfo(pdf)['Page size']).toMatch(/^841\.8\d* x 595\.2\d* pts/);
    expect(pages).toBeGreaterThan(2);
    const first = flat(pdfText(pdf, 1));
    expect(first).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(first).toContain('Quyển số: 03');
    expect(first).toContain('Từ ngày 01/11/2026 đến ngày 30/11/2026');
    expectLaidOutOnPaper(pdf);
  });

  it('repeats the header row and numbers the pages', () => {
    for (let page = 1; page <= pages; page++) {
      const text = pdfText(pdf, page);
      expect(text, `page ${page}`).toMatch(/STT\s+Mã hồ sơ\s+Tên thủ tục hành chính\s+Tổ chức, cá nhân nộp hồ/);
      expect(text, `page ${page}`).toContain(`Trang ${page}/${pages}`);
    }
  });

  it('lists every dossier once, in order, whole rows on a page', () => {
    const boxes = wordBoxes(pdf);
    const numbers = boxes.flatMap((page) => page.words.filter((w) => w.xMax < 120 && /^\d+$/.test(w.text)).map((w) => Number(w.text)));
    expect(numbers).toEqual(register.rows.map((_, i) => i + 1));
    const text = flat(pdfText(pdf));
    for (const row of register.rows) expect(text).toContain(row.applicantName);
    // Time over date in the date cells.
    expect(pdfText(pdf, 1)).toMatch(/07:45[^\n]*\n[^\n]*02\/11\/2026/);
    expect(text).toContain('Quá hạn');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { currentForms, renderFormPdf } from '../../../main/node/forms';
import { register } from './fixtures';
import { expectLaidOutOnPaper } from './layout-checks';
import { flat, readPdf, savePng, type ReadPdf } from './pdf-tools';

describe('Sổ theo dõi hồ sơ', () => {
  let read: ReadPdf;
  let pages: number;
  beforeAll(async () => {
    const pdf = await renderFormPdf(currentForms.register, register);
    read = await readPdf(pdf);
    pages = read.pages.length;
    await savePng(pdf, 'mau-07-so-theo-doi');
  });

  it('is a landscape A4 table over several pages', () => {
    for (const page of read.pages) expect([page.width, page.height]).toEqual([841.89, 595.28]);
    expect(pages).toBeGreaterThan(2);
    const first = flat(read.text(1));
    expect(first).toContain('SỔ THEO DÕI HỒ SƠ');
    expect(first).toContain('Quyển số: 03');
    expect(first).toContain('Từ ngày 01/11/2026 đến ngày 30/11/2026');
    expectLaidOutOnPaper(read);
  });

  it('repeats the header row and numbers the pages', () => {
    for (let page = 1; page <= pages; page++) {
      const text = read.text(page);
      expect(text, `page ${page}`).toMatch(/STT\s+Mã hồ sơ\s+Tên thủ tục hành chính\s+Tổ chức, cá nhân nộp hồ/);
      expect(text, `page ${page}`).toContain(`Trang ${page}/${pages}`);
    }
  });

  it('lists every dossier once, in order, whole rows on a page', () => {
    const numbers = read.pages.flatMap((page) => page.boxes.filter((w) => w.xMax < 120 && /^\d+$/.test(w.text)).map((w) => Number(w.text)));
    expect(numbers).toEqual(register.rows.map((_, i) => i + 1));
    const text = flat(read.text());
    for (const row of register.rows) expect(text).toContain(row.applicantName);
    // Time over date in the date cells.
    expect(read.text(1)).toMatch(/07:45[^\n]*\n[^\n]*02\/11\/2026/);
    expect(text).toContain('Quá hạn');
  });
});

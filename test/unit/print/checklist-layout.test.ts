import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encode, preview, printerProfile } from '../../../main/node/print/index';
import { checklistDocument } from '../../../main/node/print/layouts';
import type { ChecklistPrintData } from '../../../main/node/print/layout-types';
import { SAMPLE_MARK } from '../../../main/core/site-identity';
import { decodeEscPos, textItems } from '../../support/escpos-decoder';

const checklist: ChecklistPrintData = {
  siteName: 'Bộ phận Một cửa xã Ia Dom', sampleData: false, procedureName: 'Đăng ký kết hôn',
  papers: [{ name: 'Tờ khai đăng ký kết hôn', howMany: '1 bản chính' }, { name: 'Giấy tờ tùy thân của hai bên nam, nữ (xuất trình)', howMany: '2 bản chính hoặc bản sao' }],
  fees: ['Không mất phí, lệ phí'], processing: 'Trong ngày', result: 'Giấy chứng nhận kết hôn', submitAt: 'Bộ phận Một cửa xã Ia Dom', at: Date.parse('2026-11-25T09:00:00+07:00'),
};

describe('the procedure checklist printed at the kiosk', () => {
  const text80 = printerProfile('80mm', { textMode: 'epson-tcvn3' });
  const printed = (data: ChecklistPrintData) => textItems(decodeEscPos(encode(checklistDocument(data), text80))).map((t) => t.text.trim());

  it('lists each paper behind a box to tick, then the fees, the time, the result and where to submit', () => {
    const lines = printed(checklist);
    expect(lines[0]).toBe('Bộ phận Một cửa xã Ia Dom');
    expect(lines).toContain('DANH MỤC GIẤY TỜ CẦN CHUẨN BỊ');
    // Text printers have no ☐ nor dash: they print as "[ ]" and "-" (tcvn3-text.ts).
    expect(lines).toContain('[ ] Tờ khai đăng ký kết hôn - 1 bản chính');
    expect(lines.join('\n')).toContain('[ ] Giấy tờ tùy thân của hai bên nam, nữ');
    expect(lines).toContain('Lệ phí: Không mất phí, lệ phí');
    expect(lines).toContain('Thời gian giải quyết: Trong ngày');
    expect(lines).toContain('Nơi nộp: Bộ phận Một cửa xã Ia Dom');
  });

  it('is marked DỮ LIỆU MẪU on top while the site runs on sample data, as tickets are', () => {
    expect(printed({ ...checklist, sampleData: true })[0]).toBe(`*** ${SAMPLE_MARK} ***`);
  });

  it('draws on raster printers too (the preview is what they print)', () => {
    mkdirSync('test-results/print', { recursive: true });
    writeFileSync('test-results/print/checklist-80mm-raster.png', preview(checklistDocument({ ...checklist, sampleData: true }), printerProfile('80mm', { textMode: 'raster' })));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../../contract/client';
import { flat, readPdf, savePng } from '../forms/pdf-tools';
import { startTestHub } from '../../support/hub';
import { codeOf } from '../../support/outcome';
import { rowStarting, sheetOf } from '../../support/xlsx';
import { DAT_DAI, startReportWeek, WEEK, type ReportWeek } from '../../support/report-week';

/**
 * Exports of the hand-built week (test/support/report-week.ts): the spreadsheet read back holds
 * the JSON report's figures as numbers and dates, the monthly report by field adds up as worked
 * out by hand, and the PDF's text holds the letterhead, the period and the figures.
 */
describe('report exports of the hand-built week', () => {
  let w: ReportWeek;
  let boss: HubClient;
  beforeAll(async () => {
    w = await startReportWeek();
    boss = await w.as('truong');
  });
  afterAll(async () => {
    await w?.hub.close();
  });

  it('monthly by field: carried over + received = handled + withdrawn + pending, as worked out by hand', async () => {
    const r = await boss['reports.monthly'](WEEK);
    // D0 (received the day before, never handled, due Tue 25) carried over and overdue at the period's end;
    // Hộ tịch: D1 early, D9 on time, D3 late (extended: scored against the time it extended); D6, D5 due after the 28th.
    expect(r.fields).toEqual([
      { field: 'Đất đai', carriedOver: 0, received: 1, handledEarly: 0, handledOnTime: 0, handledLate: 0, withdrawn: 0, pendingWithinTime: 1, pendingOverdue: 0 },
      { field: 'Hộ tịch', carriedOver: 1, received: 5, handledEarly: 1, handledOnTime: 1, handledLate: 1, withdrawn: 0, pendingWithinTime: 2, pendingOverdue: 1 },
      { field: 'Kinh doanh', carriedOver: 0, received: 1, handledEarly: 0, handledOnTime: 1, handledLate: 0, withdrawn: 0, pendingWithinTime: 0, pendingOverdue: 0 },
    ]);
    expect(r.total).toEqual({ carriedOver: 1, received: 7, handledEarly: 1, handledOnTime: 2, handledLate: 1, withdrawn: 0, pendingWithinTime: 3, pendingOverdue: 1 });
    // Pending is read at the period's end (the report is made days later).
    expect(r.asOf).toBe(new Date('2026-08-29T00:00:00+07:00').toISOString());
    const dd = await boss['reports.monthly']({ ...WEEK, procedureCode: DAT_DAI });
    expect(dd.fields.map((f) => f.field)).toEqual(['Đất đai']);
  });

  it('dossiers as XLSX: a Vietnamese sheet, the JSON figures as numbers, shares as percentages, due times as dates', async () => {
    const json = await boss['reports.dossiers'](WEEK);
    const file = await boss['reports.export']({ ...WEEK, report: 'dossiers', format: 'xlsx' });
    expect(file.fileName).toBe('bao-cao-ho-so_2026-08-22_2026-08-28.xlsx');
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const { name, rows, formats } = await sheetOf(file.dataBase64);
    expect(name).toBe('Hồ sơ');
    expect(rows.slice(0, 4).map((r) => r[0])).toEqual(['UBND XÃ IA DOM', 'BỘ PHẬN MỘT CỬA XÃ IA DOM', 'BÁO CÁO TIẾP NHẬN VÀ GIẢI QUYẾT HỒ SƠ', 'Từ ngày 22/08/2026 đến ngày 28/08/2026']);
    expect(rowStarting(rows, 'Đã tiếp nhận')!.slice(0, 2)).toEqual(['Đã tiếp nhận', json.received.total]);
    const onTime = rows.findIndex((r) => typeof r[0] === 'string' && r[0].startsWith('Giải quyết đúng hạn'));
    expect(rows[onTime]!.slice(1, 3)).toEqual([3, 0.75]);
    expect(formats.get(`C${onTime + 1}`)).toBe('0.0%');
    // The overdue list: D0's due time a real date, showing Vietnam's wall clock (Tue 25 August, 10:00).
    const overdue = rows.findIndex((r) => r[0] === 'Hồ sơ đang quá hạn');
    const d0 = rows[overdue + 2]!;
    expect(d0[5]).toBeInstanceOf(Date);
    expect((d0[5] as Date).toISOString()).toBe('2026-08-25T10:00:00.000Z');
    expect(formats.get(`F${overdue + 3}`)).toBe('dd/mm/yyyy hh:mm');
    expect(rowStarting(rows, 'Trước hạn')!.slice(0, 2)).toEqual(['Trước hạn', 1]); // the chart's figures, as a table
  });

  it('monthly as XLSX: one row per field and the total, every figure a number', async () => {
    const { name, rows } = await sheetOf((await boss['reports.export']({ ...WEEK, report: 'monthly', format: 'xlsx' })).dataBase64);
    expect(name).toBe('Báo cáo tháng');
    expect(rowStarting(rows, 'Hộ tịch')).toEqual(['Hộ tịch', 6, 1, 5, 3, 1, 1, 1, 0, 3, 2, 1]);
    expect(rowStarting(rows, 'Tổng cộng')).toEqual(['Tổng cộng', 8, 1, 7, 4, 1, 2, 1, 0, 4, 3, 1]);
  });

  it('the monthly report and the queue report as A4 PDFs: letterhead, period, tables and charts', async () => {
    const monthly = Buffer.from((await boss['reports.export']({ ...WEEK, report: 'monthly', format: 'pdf' })).dataBase64, 'base64');
    const read = await readPdf(monthly);
    const text = flat(read.text());
    for (const fact of ['UBND XÃ IA DOM', 'BÁO CÁO TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH', 'Từ ngày 22/08/2026 đến ngày 28/08/2026', 'Tỷ lệ giải quyết đúng hạn theo lĩnh vực']) expect(text).toContain(fact);
    expect(flat(read.text(1))).toMatch(/Hộ tịch 6 1 5 3 1 1 1 0 3 2 1/);
    // The chart's values in words beside its bars: Hộ tịch 2 of 3 on time, Kinh doanh 1 of 1.
    expect(text).toMatch(/Hộ tịch 66,7 %/);
    expect(text).toMatch(/Kinh doanh 100 %/);
    await savePng(monthly, 'bao-cao-thang');
    const queue = Buffer.from((await boss['reports.export']({ ...WEEK, report: 'queue', format: 'pdf' })).dataBase64, 'base64');
    const q = flat((await readPdf(queue)).text());
    expect(q).toContain('BÁO CÁO HÀNG ĐỢI');
    expect(q).toMatch(/Chờ đến lượt 7 11,6 5 30/);
    await savePng(queue, 'bao-cao-hang-doi');
    const dossiers = Buffer.from((await boss['reports.export']({ ...WEEK, report: 'dossiers', format: 'pdf' })).dataBase64, 'base64');
    const d = flat((await readPdf(dossiers)).text());
    expect(d).toMatch(/Giải quyết đúng hạn \(trước hạn và đúng hạn, QĐ 766\) 3 75 %/);
    expect(d).toContain('Hồ sơ đang quá hạn');
    await savePng(dossiers, 'bao-cao-ho-so');
  });

  it('an officer exports his own figures only, named under the title; devices may not export', async () => {
    const anh = await w.as('anh');
    const own = await anh['reports.dossiers'](WEEK);
    const { rows } = await sheetOf((await anh['reports.export']({ ...WEEK, report: 'dossiers', format: 'xlsx', staffId: w.staffIds.binh })).dataBase64);
    expect(rows.some((r) => r[0] === 'Số liệu của: cán bộ Cán bộ anh')).toBe(true);
    expect(rowStarting(rows, 'Đã tiếp nhận')![1]).toBe(own.received.total);
    expect(own.received.total).toBeLessThan(7);
    const kiosk = await w.hub.device('kiosk');
    expect(await codeOf(kiosk.client['reports.export']({ ...WEEK, report: 'queue', format: 'xlsx' }))).toBe('FORBIDDEN');
    expect(await codeOf(boss['reports.export']({ from: '2026-08-28', to: '2026-08-22', report: 'queue', format: 'pdf' }))).toBe('VALIDATION_FAILED');
    expect(await codeOf(boss['reports.export']({ ...WEEK, report: 'queue', format: 'docx' } as never))).toBe('VALIDATION_FAILED');
  });

  it('keeps an audit line of each export made', async () => {
    const n = w.hub.running.hub.deps.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'reports.exported'").get() as { n: number };
    expect(n.n).toBe(6); // the six that succeeded above; the refused ones wrote nothing
  });
});

describe('report exports of a site on sample data', () => {
  it('carry DỮ LIỆU MẪU at the head of the spreadsheet and the PDF', async () => {
    const hub = await startTestHub({ setup: 'sample' });
    try {
      const admin = await hub.admin();
      const xlsx = await sheetOf((await admin['reports.export']({ ...WEEK, report: 'satisfaction', format: 'xlsx' })).dataBase64);
      expect(xlsx.rows[0]![0]).toBe('DỮ LIỆU MẪU');
      const pdf = Buffer.from((await admin['reports.export']({ ...WEEK, report: 'satisfaction', format: 'pdf' })).dataBase64, 'base64');
      expect((await readPdf(pdf)).text(1).split('\n')[0]).toContain('DỮ LIỆU MẪU');
    } finally {
      await hub.close();
    }
  });
});

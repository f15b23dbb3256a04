import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../../contract/client';
import type { CalendarYear } from '../../../contract/calendar';
import { FakeClock } from '../../support/clock';
import { purgeScans } from '../../../main/node/hub/dossier-scans';
import { startTestHub, type TestHub } from '../../support/hub';
import { flat, readPdf, savePng } from '../forms/pdf-tools';
import { intake } from './intake-input';

const OUT = 'test-results/forms-dossier';

/** The form's text on one line, and its page 1 saved as test-results/forms-dossier/<name>.png to look at. */
async function readForm(pdf: Buffer, name: string): Promise<{ text: string; pages: number }> {
  await savePng(pdf, name, OUT, 70);
  const read = await readPdf(pdf);
  return { text: flat(read.text()), pages: read.pages.length };
}

describe('the papers of a dossier: forms, register, scans, catalogue import, calendar', () => {
  const clock = new FakeClock('2026-11-26T14:05:00+07:00');
  let hub: TestHub;
  let officer: HubClient;
  let admin: HubClient;
  beforeAll(async () => {
    hub = await startTestHub({ clock: clock.now });
    admin = await hub.admin();
    officer = await hub.staff('giayto');
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('prints Mẫu 01 with every field, filled from the dossier, in two copies', async () => {
    const d = await officer['dossiers.receive'](
      intake({ procedureCode: '1.004873.000.00.00.H21', documents: [{ index: 0, count: 1 }], sets: 2, applicant: { kind: 'person', fullName: 'Nguyễn Thị Ngọc Ánh', idNumber: '064190012345', dateOfBirth: '1990-08-15', address: 'Thôn Plei Ơi, xã Ia Grai, tỉnh Gia Lai', phone: '0912345678', email: 'anh.ntn@example.vn' } }),
    );
    const pdf = Buffer.from((await officer['dossiers.form']({ dossierId: d.id, form: 'receipt' })).pdfBase64, 'base64');
    const { text, pages } = await readForm(pdf, 'mau-01-receipt');
    for (const field of [
      'UBND XÃ IA DOM', 'BỘ PHẬN MỘT CỬA XÃ IA DOM', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Ia Dom, ngày 26 tháng 11 năm 2026',
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', d.code!, 'Nguyễn Thị Ngọc Ánh', 'Thôn Plei Ơi, xã Ia Grai, tỉnh Gia Lai', '0912345678',
      'anh.ntn@example.vn', 'Cấp Giấy xác nhận tình trạng hôn nhân', 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', '03 ngày làm việc',
      '14 giờ 05 phút, ngày 26 tháng 11 năm 2026', '14 giờ 05 phút, ngày 01 tháng 12 năm 2026', 'NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Cán bộ giayto', d.lookupCode!,
    ]) {
      expect(text, field).toContain(field);
    }
    expect(text).toMatch(/Số lượng hồ sơ.*02/);
    expect(text).toMatch(/Quyển số:? 01/);
    expect(pages).toBe(2);
  });

  it('prints the supplement request, refusal, apology, withdrawal and hand-over from what was recorded', async () => {
    const sup = await officer['dossiers.requestSupplement']({ ...intake({ documents: [{ index: 0, count: 1 }] }), items: [{ what: 'Giấy chứng sinh', reason: 'Chưa có bản chính' }, { what: 'Giấy tờ tùy thân', reason: 'Chưa xuất trình' }] });
    expect((await readForm(Buffer.from((await officer['dossiers.form']({ dossierId: sup.id, form: 'supplementRequest' })).pdfBase64, 'base64'), 'mau-02-supplement')).text).toMatch(/Giấy chứng sinh.*Chưa có bản chính.*Giấy tờ tùy thân.*Chưa xuất trình/);
    const ref = await officer['dossiers.refuse']({ ...intake(), reason: 'Thủ tục không thuộc thẩm quyền tiếp nhận của Ủy ban nhân dân xã.' });
    expect((await readForm(Buffer.from((await officer['dossiers.form']({ dossierId: ref.id, form: 'refusal' })).pdfBase64, 'base64'), 'mau-03-refusal')).text).toContain('Thủ tục không thuộc thẩm quyền tiếp nhận của Ủy ban nhân dân xã.');
    const d = await officer['dossiers.receive'](intake({ procedureCode: '1.004873.000.00.00.H21', documents: [{ index: 0, count: 1 }] }));
    await officer['dossiers.extend']({ dossierId: d.id, newDueAt: new Date(Date.parse('2026-12-04T16:00:00+07:00')).toISOString(), reason: 'Phải xác minh thông tin tại địa phương nơi cư trú trước đây' });
    expect((await readForm(Buffer.from((await officer['dossiers.form']({ dossierId: d.id, form: 'apology' })).pdfBase64, 'base64'), 'mau-04-apology')).text).toMatch(/Phải xác minh thông tin.*16 giờ 00 phút, ngày 04 tháng 12 năm 2026/);
    const w = await officer['dossiers.receive'](intake());
    await officer['dossiers.withdraw']({ dossierId: w.id, reason: 'Gia đình đổi ý' });
    expect((await readForm(Buffer.from((await officer['dossiers.form']({ dossierId: w.id, form: 'withdrawal' })).pdfBase64, 'base64'), 'mau-05-withdrawal')).text).toContain(w.code!);
    await officer['dossiers.advance']({ dossierId: d.id, step: 'resultReady', note: '' });
    await officer['dossiers.returnResult']({ dossierId: d.id, results: [{ name: 'Giấy xác nhận tình trạng hôn nhân', count: 2 }], receiver: { name: 'Trần Văn Bình', idNumber: '064085000111', relation: 'Người được ủy quyền' } });
    expect((await readForm(Buffer.from((await officer['dossiers.form']({ dossierId: d.id, form: 'handover' })).pdfBase64, 'base64'), 'handover')).text).toMatch(/Trần Văn Bình.*Người được ủy quyền/);
  });

  it('exports the register as XLSX and PDF with every dossier received in the period', async () => {
    const xlsx = await officer['dossiers.register']({ from: '2026-11-26', to: '2026-11-26', format: 'xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.dataBase64, 'base64') as unknown as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((r, n) => n > 4 && rows.push((r.values as unknown[]).slice(1).map(String)));
    expect(rows).toHaveLength(3); // received today; the supplement request and the refusal have no code
    expect(rows.map((r) => r[1]).every((c) => /-261126-\d{4}$/.test(c!))).toBe(true);
    expect(rows.find((r) => r[2] === 'Nguyễn Thị Ngọc Ánh')?.[4]).toBe('Cấp Giấy xác nhận tình trạng hôn nhân');
    const pdf = await officer['dossiers.register']({ from: '2026-11-26', to: '2026-11-26', format: 'pdf' });
    expect((await readForm(Buffer.from(pdf.dataBase64, 'base64'), 'mau-07-register')).text).toMatch(/SỔ THEO DÕI HỒ SƠ.*Nguyễn Thị Ngọc Ánh/);
    await expect(officer['dossiers.register']({ from: '2026-11-27', to: '2026-11-26', format: 'xlsx' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('stores scans with their hash and page count, refuses what is not a PDF/JPG/PNG, and opens them intact', async () => {
    const d = await officer['dossiers.receive'](intake());
    const pdf = Buffer.from((await officer['dossiers.form']({ dossierId: d.id, form: 'receipt' })).pdfBase64, 'base64');
    const f = await officer['dossiers.attachScan']({ dossierId: d.id, documentIndex: 0, fileName: 'to-khai.pdf', mime: 'application/pdf', dataBase64: pdf.toString('base64') });
    expect(f).toMatchObject({ pages: 2, size: pdf.length, documentIndex: 0 });
    const png = readFileSync(join(OUT, 'mau-01-receipt.png'));
    expect((await officer['dossiers.attachScan']({ dossierId: d.id, documentIndex: 1, fileName: 'giay-chung-sinh.png', mime: 'image/png', dataBase64: png.toString('base64') })).pages).toBe(1);
    await expect(officer['dossiers.attachScan']({ dossierId: d.id, documentIndex: 1, fileName: 'virus.pdf', mime: 'application/pdf', dataBase64: Buffer.from('MZ...not a pdf').toString('base64') })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const opened = await officer['dossiers.openScan']({ fileId: f.id });
    expect(Buffer.from(opened.dataBase64, 'base64').equals(pdf)).toBe(true);
    expect((await officer['dossiers.get']({ dossierId: d.id })).files.map((x) => x.fileName)).toEqual(['to-khai.pdf', 'giay-chung-sinh.png']);
  });

  it('deletes scans of finished dossiers after the retention the site set, keeping the record', async () => {
    const d = await officer['dossiers.receive'](intake());
    const png = readFileSync(join(OUT, 'mau-01-receipt.png'));
    const f = await officer['dossiers.attachScan']({ dossierId: d.id, documentIndex: 0, fileName: 'scan.png', mime: 'image/png', dataBase64: png.toString('base64') });
    await officer['dossiers.advance']({ dossierId: d.id, step: 'resultReady', note: '' });
    await officer['dossiers.returnResult']({ dossierId: d.id, results: [{ name: 'Giấy khai sinh', count: 1 }], receiver: { name: 'Nguyễn Thị Hường', idNumber: '', relation: '' } });
    const settings = await admin['dossierSettings.get']({});
    await admin['admin.saveDossierSettings']({ ...settings, scanRetentionDays: 30 });
    const deps = hub.running.hub.deps;
    expect(await purgeScans(deps, 30, clock.now() + 29 * 86_400_000)).toBe(0);
    expect(await purgeScans(deps, 30, clock.now() + 31 * 86_400_000)).toBeGreaterThanOrEqual(1);
    await expect(officer['dossiers.openScan']({ fileId: f.id })).rejects.toThrow(/đã được xóa theo thời hạn lưu trữ/);
    expect((await officer['dossiers.get']({ dossierId: d.id })).files).toEqual([expect.objectContaining({ id: f.id, purged: true, sha256: f.sha256 })]);
  });

  it('imports procedures from JSON, CSV and XLSX, reports every rejected row, and versions changes', async () => {
    const good = { code: '1.009999.H21', name: 'Đăng ký giám hộ', field: 'Hộ tịch', authority: 'UBND cấp xã', processing: { unit: 'working_days', value: 3 }, documents: [{ name: 'Tờ khai đăng ký giám hộ', form: 'original', count: 1, mandatory: true }], fees: [], result: 'Trích lục đăng ký giám hộ', validFrom: '2026-01-01', active: true };
    const json = await admin['admin.importProcedures']({ format: 'json', dataBase64: Buffer.from(JSON.stringify([good, { ...good, code: 'x' }, { ...good, code: '1.009998.H21', processing: { unit: 'weeks', value: 2 } }])).toString('base64') });
    expect(json.added).toBe(1);
    expect(json.rejected.map((r) => r.row)).toEqual([2, 3]);
    expect(json.rejected[0]!.reason).toBe('Thủ tục thứ 2: mã thủ tục (mục code) “x” không đúng dạng mã thủ tục (ví dụ 1.001193.000.00.00.H21).');
    const again = await admin['admin.importProcedures']({ format: 'json', dataBase64: Buffer.from(JSON.stringify([good])).toString('base64') });
    expect(again).toMatchObject({ added: 0, unchanged: 1 });
    const csv = [
      'code,name,field,authority,processing_unit,processing_value,documents,fees,result,valid_from',
      '1.009999.H21,"Đăng ký giám hộ, cử người giám hộ",Hộ tịch,UBND cấp xã,working_days,5,"Tờ khai|bản chính|1|1;Giấy tờ chứng minh|bản sao|1|0","Lệ phí|5.000",Trích lục,2026-06-01',
      '1.009997.H21,Thủ tục thiếu ngày,,,same_day,,,,,',
    ].join('\r\n');
    const fromCsv = await admin['admin.importProcedures']({ format: 'csv', dataBase64: Buffer.from(`\uFEFF${csv}`).toString('base64') });
    expect(fromCsv.added).toBe(1);
    expect(fromCsv.rejected).toEqual([{ row: 3, reason: 'Dòng 3: thiếu ngày bắt đầu áp dụng (cột valid_from).' }]);
    const v2 = await officer['procedures.get']({ code: '1.009999.H21' });
    expect(v2).toMatchObject({ version: 2, name: 'Đăng ký giám hộ, cử người giám hộ', documents: [{ form: 'original', mandatory: true }, { form: 'copy', mandatory: false }], fees: [{ amount: 5000 }] });
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('TTHC');
    sheet.addRow(['code', 'name', 'processing_unit', 'processing_value', 'valid_from', 'documents']);
    sheet.addRow(['2.009990.H21', 'Cấp bản sao trích lục hộ tịch', 'working_hours', 8, '2026-01-01', 'Tờ khai|bản chính|1|1']);
    sheet.addRow(['', 'Dòng không có mã', 'same_day', '', '2026-01-01', '']);
    const fromXlsx = await admin['admin.importProcedures']({ format: 'xlsx', dataBase64: Buffer.from(await book.xlsx.writeBuffer()).toString('base64') });
    expect(fromXlsx.added).toBe(1);
    expect(fromXlsx.rejected.map((r) => r.row)).toEqual([3]);
    // Diacritics- and case-insensitive search of the catalogue.
    expect((await officer['procedures.search']({ q: 'khai sinh' })).map((p) => p.name)).toEqual(['Đăng ký khai sinh']);
    expect((await officer['procedures.search']({ q: 'TRICH LUC' })).map((p) => p.code)).toEqual(['2.009990.H21']);
  });

  it('uses the calendar the admin saved for the return time (a day off added to the official one)', async () => {
    const { calendar } = await officer['calendar.get']({ year: 2026 });
    expect(calendar.source).toBe('official');
    const quote = await officer['dossiers.quote']({ procedureCode: '1.004873.000.00.00.H21' });
    expect(quote.dueAt).toBe(new Date(Date.parse('2026-12-01T14:05:00+07:00')).toISOString());
    const withDayOff: CalendarYear = { ...calendar, province: null, extraDaysOff: [...calendar.extraDaysOff, { date: '2026-11-27', name: 'Nghỉ bù (thử)' }] };
    await admin['admin.saveCalendar']({ calendar: withDayOff });
    expect((await officer['calendar.get']({ year: 2026 })).editedAtSite).toBe(true);
    expect((await officer['dossiers.quote']({ procedureCode: '1.004873.000.00.00.H21' })).dueAt).toBe(new Date(Date.parse('2026-12-02T14:05:00+07:00')).toISOString());
    await expect(admin['admin.saveCalendar']({ calendar: { ...calendar, workedWeekendDays: [{ date: '2026-11-27', name: 'x' }], extraDaysOff: [{ date: '2026-11-27', name: 'y' }] } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

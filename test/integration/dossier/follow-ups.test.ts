import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../../contract/client';
import type { Dossier } from '../../../contract/dossier';
import { decodeEscPos, renderDecodedToPng, textItems } from '../../support/escpos-decoder';
import { EventClient } from '../../support/events';
import { FakeClock } from '../../support/clock';
import { FakePrinter } from '../../support/fake-printer';
import { codeOf } from '../../support/outcome';
import { STAFF_PASSWORD, startTestHub, type TestHub } from '../../support/hub';
import { intake } from './intake-input';

const KHAI_SINH = '1.001193.000.00.00.H21';
const KET_HON = '1.000894.000.00.00.H21';
const at = (local: string) => new Date(Date.parse(`${local}+07:00`)).toISOString();

/**
 * What the counter's dossier screens rely on from the hub: the steps a dossier allows, where its
 * receipt slip went, the procedure version it was received under, history in Vietnam time, a
 * change hint for open pages, every procedure version for the admin, import reasons in words.
 */
describe('dossiers: what the screens are told', () => {
  const clock = new FakeClock('2026-11-26T09:00:00+07:00');
  let hub: TestHub;
  let admin: HubClient;
  let first: HubClient; // at counter 1, which has a receipt printer
  let second: HubClient; // at counter 2, which has none
  let printer: FakePrinter;

  beforeAll(async () => {
    hub = await startTestHub({ clock: clock.now });
    admin = await hub.admin();
    const counters = (await hub.catalog()).counters;
    printer = await FakePrinter.start();
    // Epson text mode, so the test can read the slip's words back from the bytes.
    await admin['admin.savePrinter']({ name: 'Máy in phiếu quầy 1', role: 'receipt', address: printer.address, paper: '80mm', model: 'generic', textMode: 'epson-tcvn3', cut: true, beep: false, deviceId: null, counterId: counters[0]!.id, active: true });
    first = await hub.staff('quay1');
    second = await hub.staff('quay2');
    await first['counter.open']({ counterId: counters[0]!.id });
    await second['counter.open']({ counterId: counters[1]!.id });
  });
  afterAll(async () => {
    await hub?.close();
    await printer?.stop();
  });

  it('returns the queued slip and where it prints — or null at a counter without a receipt printer; the slip ends with its own footer', async () => {
    const input = intake();
    const d = await first['dossiers.receive'](input);
    expect(d.slip).toMatchObject({ printerName: 'Máy in phiếu quầy 1', kind: 'receipt', title: `Phiếu tiếp nhận ${d.code}` });
    // The same request again (a retried click) answers with the same dossier and the same slip.
    expect((await first['dossiers.receive'](input)).slip?.id).toBe(d.slip!.id);
    await expect.poll(async () => (await first['print.job']({ jobId: d.slip!.id })).status).toBe('done');

    const [bytes] = await printer.waitForJobs(1, 10_000);
    const job = decodeEscPos(bytes!);
    const words = textItems(job).map((l) => l.text).join(' ');
    expect(words).toContain('Ông/Bà vui lòng giữ phiếu này để nhận kết quả. Tra cứu hồ sơ bằng mã hồ sơ, mã tra cứu ở trên.');
    expect(words).not.toContain('được gọi');
    mkdirSync('test-results/print', { recursive: true });
    writeFileSync('test-results/print/dossier-slip-epson-from-bytes.png', renderDecodedToPng(job, 576));

    const elsewhere = await second['dossiers.receive'](intake());
    expect(elsewhere.code).not.toBeNull();
    expect(elsewhere.slip).toBeNull();
  });

  it('queues the slip when the missing papers arrive and the dossier gets its code; not again for papers during processing', async () => {
    const all = [{ index: 0, count: 1 }, { index: 1, count: 1 }, { index: 2, count: 1 }];
    const waiting = await first['dossiers.requestSupplement']({ ...intake({ documents: [{ index: 0, count: 1 }] }), items: [{ what: 'Giấy chứng sinh', reason: 'Chưa nộp' }] });
    expect(waiting.allowedActions).toEqual(['receive', 'refuse', 'withdraw']); // no return time yet: nothing to extend
    const done = await first['dossiers.completeSupplement']({ dossierId: waiting.id, documents: all });
    expect(done.slip).toMatchObject({ printerName: 'Máy in phiếu quầy 1' });
    const more = await first['dossiers.requestMore']({ dossierId: done.id, items: [{ what: 'Bản sao sổ hộ khẩu', reason: 'Cơ quan giải quyết yêu cầu' }] });
    expect((await first['dossiers.completeSupplement']({ dossierId: more.id, documents: all })).slip).toBeNull();
  });

  it('lists the steps each status allows, from the lifecycle table', async () => {
    let d: Dossier = await second['dossiers.receive'](intake());
    expect(d.allowedActions).toEqual(['requestSupplement', 'forward', 'startProcessing', 'resultReady', 'withdraw', 'extend']);
    d = await second['dossiers.advance']({ dossierId: d.id, step: 'resultReady', note: '' });
    expect(d.allowedActions).toEqual(['returnResult']);
    d = await second['dossiers.returnResult']({ dossierId: d.id, results: [{ name: d.procedure.result, count: 1 }], receiver: { name: 'Nguyễn Thị Hường', idNumber: '', relation: '' } });
    expect(d.allowedActions).toEqual([]);
  });

  it('keeps the result of the procedure version the dossier was received under', async () => {
    const before = await second['dossiers.receive'](intake());
    expect(before.procedure).toMatchObject({ version: 1, result: 'Giấy khai sinh (bản chính)' });
    const v1 = await admin['procedures.get']({ code: KHAI_SINH });
    const { id: _i, version: _v, source: _s, ...fields } = v1;
    await admin['admin.saveProcedure']({ ...fields, result: 'Giấy khai sinh (bản chính) và bản sao', validFrom: '2026-11-26' });
    expect((await second['dossiers.get']({ dossierId: before.id })).procedure).toMatchObject({ version: 1, result: 'Giấy khai sinh (bản chính)' });
    expect((await second['dossiers.receive'](intake())).procedure).toMatchObject({ version: 2, result: 'Giấy khai sinh (bản chính) và bản sao' });
  });

  it('writes history in Vietnam time: the extension’s new time, the time the officer set with the reason', async () => {
    const due = at('2026-11-27T16:00:00');
    const d = await second['dossiers.receive'](intake({ dueOverride: { dueAt: due, reason: 'Công dân ở xa, xin hẹn chiều mai' } }));
    expect(d.history.map((h) => h.text)).toEqual(['Tiếp nhận hồ sơ — hẹn trả do cán bộ ấn định: 16 giờ 00 phút, ngày 27/11/2026 (lý do: Công dân ở xa, xin hẹn chiều mai)']);
    const later = await second['dossiers.extend']({ dossierId: d.id, newDueAt: at('2026-12-06T16:00:00'), reason: 'Cần xác minh thêm tại nơi cư trú' });
    expect(later.history.at(-1)!.text).toBe('Gia hạn đến 16 giờ 00 phút, ngày 06/12/2026: Cần xác minh thêm tại nơi cư trú');
  });

  it('tells other officers which dossier changed; devices hear nothing of dossiers', async () => {
    const d = await first['dossiers.receive'](intake());
    const token = (await hub.client()['auth.login']({ username: 'quay2', password: STAFF_PASSWORD })).token;
    const officer = new EventClient(hub.url, token);
    const kiosk = new EventClient(hub.url, (await hub.device('kiosk')).token);
    try {
      await officer.until((c) => c.messages.some((m) => m.type === 'hello'));
      await kiosk.until((c) => c.messages.some((m) => m.type === 'hello'));
      await first['dossiers.advance']({ dossierId: d.id, step: 'forward', note: '' });
      await officer.until((c) => c.messages.some((m) => m.type === 'changed' && m.topics.includes('dossiers') && (m.dossierIds ?? []).includes(d.id)));
      await first['tickets.issue']({ serviceId: (await hub.catalog()).services[0]!.id, priorityClassId: null });
      await kiosk.until((c) => c.messages.some((m) => m.type === 'changed' && m.topics.includes('queue')));
      expect(kiosk.messages.filter((m) => m.type === 'changed').every((m) => m.type === 'changed' && !m.topics.includes('dossiers') && m.dossierIds === undefined)).toBe(true);
    } finally {
      officer.close();
      kiosk.close();
    }
  });

  it('lists every procedure version for the admin — future-dated and switched off too — a page at a time', async () => {
    const base = await admin['procedures.get']({ code: KET_HON });
    const { id: _i, version: _v, source: _s, ...fields } = base;
    await admin['admin.saveProcedure']({ ...fields, validFrom: '2027-01-01' });
    const switchedOff = await admin['admin.saveProcedure']({ ...fields, name: `${fields.name} (bản cũ)`, code: '1.999999.000.00.00.H21', active: false });
    expect((await admin['procedures.search']({ q: '1.999999', limit: 10 }))).toEqual([]); // intake does not see it

    const of = async (code: string) => (await admin['admin.listProcedures']({ q: code, limit: 200 })).items.filter((p) => p.code === code).map((p) => [p.version, p.state]);
    expect(await of(KET_HON)).toEqual([[2, 'future'], [1, 'in_force']]);
    expect(await of(KHAI_SINH)).toEqual([[2, 'in_force'], [1, 'superseded']]);
    expect(await of(switchedOff.code)).toEqual([[1, 'inactive']]);

    const all = await admin['admin.listProcedures']({ limit: 200 });
    const page = await admin['admin.listProcedures']({ offset: 3, limit: 2 });
    expect(page.total).toBe(all.total);
    expect(page.items.map((p) => p.id)).toEqual(all.items.slice(3, 5).map((p) => p.id));
    // Version 1 of Đăng ký kết hôn alone on a page (version 2 on another): a save still makes version 3.
    const older = await admin['admin.listProcedures']({ q: KET_HON, offset: 1, limit: 1 });
    expect(older.items.map((p) => [p.version, p.nextVersion])).toEqual([[1, 3]]);
    expect(await codeOf(first['admin.listProcedures']({}))).toBe('FORBIDDEN');
  });

  it('refuses import rows with reasons a commune admin understands, counting rows as the spreadsheet does', async () => {
    const csv = [
      'code,name,field,authority,processing_unit,processing_value,documents,fees,result,valid_from,active',
      '1.009999.000.00.00.H21,Cấp bản sao trích lục hộ tịch,Hộ tịch,UBND cấp xã,working_days,1,Tờ khai|bản chính|1|1,Phí|8000,Bản sao trích lục,2025-07-01,1',
      '',
      '1.009998.000.00.00.H21,,Hộ tịch,,working_days,3,,,,2025-07-01,1',
      'X,Thủ tục lạ,Hộ tịch,,fortnight,1,Tờ khai|bản photo|1|1,,,01/07/2025,1',
      '1.009999.000.00.00.H21,Cấp bản sao trích lục hộ tịch,Hộ tịch,UBND cấp xã,working_days,1,,,,2025-07-01,1',
    ].join('\n');
    const r = await admin['admin.importProcedures']({ format: 'csv', dataBase64: Buffer.from(csv).toString('base64') });
    expect(r.added).toBe(1);
    expect(r.rejected).toEqual([
      { row: 4, reason: 'Dòng 4: thiếu tên thủ tục (cột name).' },
      {
        row: 5,
        reason:
          'Dòng 5: mã thủ tục (cột code) “X” không đúng dạng mã thủ tục (ví dụ 1.001193.000.00.00.H21); đơn vị thời hạn (cột processing_unit) “fortnight” không hợp lệ; dùng working_days (ngày làm việc), working_hours (giờ làm việc) hoặc same_day (trong ngày); hình thức nộp của giấy tờ thứ 1 (cột documents) “bản photo” không hợp lệ; dùng original (bản chính), copy (bản sao), certified_copy (bản sao chứng thực) hoặc original_or_copy (bản chính hoặc bản sao); ngày bắt đầu áp dụng (cột valid_from) “01/07/2025” không phải ngày hợp lệ; viết năm-tháng-ngày, ví dụ 2025-07-01.',
      },
      { row: 6, reason: 'Dòng 6: mã thủ tục 1.009999.000.00.00.H21 đã có ở dòng 2; mỗi thủ tục chỉ một dòng.' },
    ]);
    const missingColumn = await admin['admin.importProcedures']({ format: 'csv', dataBase64: Buffer.from('ma,ten\n1,2').toString('base64') });
    expect(missingColumn.rejected[0]!.reason).toBe('Dòng 1 (tiêu đề): thiếu cột code, name, processing_unit, valid_from. Dòng đầu tiên phải có tên các cột: code, name, field, authority, processing_unit, processing_value, documents, fees, result, valid_from, active.');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../../contract/client';
import type { Dossier, IntakeInput } from '../../../contract/dossier';
import { decodeEscPos } from '../../support/escpos-decoder';
import { FakeClock } from '../../support/clock';
import { FakePrinter } from '../../support/fake-printer';
import { startTestHub, type TestHub } from '../../support/hub';
import { intake } from './intake-input';
import { codeOf } from '../../support/outcome';

const HON_NHAN = '1.004873.000.00.00.H21';


describe('receiving dossiers through the API', () => {
  const clock = new FakeClock('2026-11-26T09:00:00+07:00'); // Thursday
  let hub: TestHub;
  let officer: HubClient;
  let printer: FakePrinter;

  beforeAll(async () => {
    hub = await startTestHub({ clock: clock.now });
    const admin = await hub.admin();
    printer = await FakePrinter.start();
    await admin['admin.savePrinter']({ name: 'Máy in phiếu quầy', role: 'receipt', address: printer.address, paper: '80mm', model: 'generic', textMode: 'raster', cut: true, beep: false, deviceId: null, counterId: null, active: true });
    officer = await hub.staff('tiepnhan');
    await officer['counter.open']({ counterId: (await hub.catalog()).counters[0]!.id });
  });
  afterAll(async () => {
    await hub?.close();
    await printer?.stop();
  });
  /** The test moves the clock by days: log in again, as the officer would the next morning. */
  const relogin = async (to: string) => {
    clock.set(to);
    officer = hub.client((await hub.client()['auth.login']({ username: 'tiepnhan', password: 'mat-khau-can-bo-1' })).token);
  };

  it('rejects bad input with Vietnamese reasons and leaves nothing behind, not even a used number', async () => {
    const count = () => hub.running.hub.deps.db.prepare('SELECT count(*) AS n FROM dossiers').get();
    expect(await codeOf(officer['dossiers.receive'](intake({ applicant: { ...intake().applicant, idNumber: '06419001234' } as IntakeInput['applicant'] })))).toBe('VALIDATION_FAILED');
    await expect(officer['dossiers.receive'](intake({ applicant: { ...intake().applicant, dateOfBirth: '2030-01-01' } as IntakeInput['applicant'] }))).rejects.toThrow(/Ngày sinh không hợp lệ/);
    await expect(officer['dossiers.receive'](intake({ procedureCode: '9.999999.H99' }))).rejects.toMatchObject({ code: 'PROCEDURE_UNKNOWN' });
    const missing = officer['dossiers.receive'](intake({ documents: [{ index: 0, count: 1 }] }));
    await expect(missing).rejects.toMatchObject({ code: 'DOSSIER_INCOMPLETE' });
    await expect(officer['dossiers.receive'](intake({ documents: [{ index: 0, count: 1 }] }))).rejects.toThrow(/Giấy chứng sinh/);
    expect(count()).toEqual({ n: 0 });
    const first = await officer['dossiers.receive'](intake());
    expect(first.code).toBe('000.00.15.H21-261126-0001');
  });

  it('receives a complete dossier: code, lookup code, return time to the minute, history, the slip at the printer', async () => {
    const d = await officer['dossiers.receive'](intake({ procedureCode: HON_NHAN, documents: [{ index: 0, count: 1 }] }));
    expect(d.code).toBe('000.00.15.H21-261126-0002');
    expect(d.lookupCode).toMatch(/^[23456789BCGHKLMNPQTV]{6}$/);
    expect(d.status).toBe('received');
    // 3 working days from Thursday 26/11 09:00 → Tuesday 01/12 09:00 (the weekend does not count).
    expect(d.dueAt).toBe(new Date(Date.parse('2026-12-01T09:00:00+07:00')).toISOString());
    expect(d.history.map((h) => h.type)).toEqual(['received']);
    expect(d.officerName).toBe('Cán bộ tiepnhan');
    expect(d.documents.map((x) => [x.name, x.received])).toEqual([['Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', 1], ['Bản án, quyết định ly hôn (nếu đã ly hôn)', 0]]);
    const jobs = await printer.waitForJobs(2);
    const qr = decodeEscPos(jobs[1]!).items.find((i) => i.kind === 'qr');
    expect(qr).toMatchObject({ payload: `MC1|${d.code}|${d.lookupCode}` });
    // The outbox has the receipt for the province, in the same transaction.
    const outbox = hub.running.hub.deps.db.prepare("SELECT payload FROM outbox WHERE type = 'dossier.received' AND aggregate_id = ?").get(d.id) as { payload: string };
    expect(JSON.parse(outbox.payload)).toMatchObject({ code: d.code, procedureCode: HON_NHAN, applicant: { fullName: 'Nguyễn Thị Hường' } });
  });

  it('gives one dossier for a double click (the same request id twice at once)', async () => {
    const input = intake();
    const [a, b] = await Promise.all([officer['dossiers.receive'](input), officer['dossiers.receive'](input)]);
    expect(a.id).toBe(b.id);
    expect(a.code).toBe(b.code);
    expect(hub.running.hub.deps.db.prepare('SELECT count(*) AS n FROM dossiers WHERE request_id = ?').get(input.requestId)).toEqual({ n: 1 });
  });

  it('lets the officer set another return time only with a reason, and records it', async () => {
    const due = new Date(Date.parse('2026-11-27T16:00:00+07:00')).toISOString();
    await expect(officer['dossiers.receive'](intake({ dueOverride: { dueAt: due, reason: 'ngắn' } }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const d = await officer['dossiers.receive'](intake({ dueOverride: { dueAt: due, reason: 'Công dân xin hẹn ngày mai vì ở xa' } }));
    expect(d.dueAt).toBe(due);
    expect(d.dueReason).toBe('Công dân xin hẹn ngày mai vì ở xa');
  });

  it('takes 50 receipts at once with consecutive numbers, restarts the next day, and continues after a hub restart', async () => {
    await relogin('2026-11-27T09:00:00+07:00');
    const all = await Promise.all(Array.from({ length: 50 }, () => officer['dossiers.receive'](intake())));
    const seqs = all.map((d) => Number(d.code!.split('-').at(-1))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(all.map((d) => d.lookupCode)).size).toBe(50);
    await hub.restart();
    await relogin('2026-11-27T09:30:00+07:00');
    expect((await officer['dossiers.receive'](intake())).code).toBe('000.00.15.H21-261127-0051');
    await relogin('2026-11-30T08:00:00+07:00');
    expect((await officer['dossiers.receive'](intake())).code).toBe('000.00.15.H21-261130-0001');
  });

  it('follows the supplement path: no code until complete, then the clock starts from the complete dossier', async () => {
    await relogin('2026-11-30T10:00:00+07:00');
    const items = [{ what: 'Giấy chứng sinh', reason: 'Chưa nộp bản chính' }];
    const d = await officer['dossiers.requestSupplement']({ ...intake({ documents: [{ index: 0, count: 1 }, { index: 2, count: 1 }] }), items });
    expect(d).toMatchObject({ status: 'supplement_requested', code: null, receivedAt: null });
    const pdf = await officer['dossiers.form']({ dossierId: d.id, form: 'supplementRequest' });
    expect(Buffer.from(pdf.pdfBase64, 'base64').subarray(0, 4).toString()).toBe('%PDF');
    await expect(officer['dossiers.completeSupplement']({ dossierId: d.id, documents: [{ index: 0, count: 1 }] })).rejects.toMatchObject({ code: 'DOSSIER_INCOMPLETE' });
    await relogin('2026-12-01T14:00:00+07:00');
    const done = await officer['dossiers.completeSupplement']({ dossierId: d.id, documents: [{ index: 0, count: 1 }, { index: 1, count: 1 }, { index: 2, count: 1 }] });
    expect(done.code).toBe('000.00.15.H21-261201-0001');
    expect(done.receivedAt).toBe(new Date(Date.parse('2026-12-01T14:00:00+07:00')).toISOString());
    // Same-day procedure received before 15:00: due the end of that day.
    expect(done.dueAt).toBe(new Date(Date.parse('2026-12-01T17:00:00+07:00')).toISOString());
    expect(done.history.map((h) => h.type)).toEqual(['supplement_requested', 'received']);
  });

  it('runs the rest of the life of a dossier: processing, more papers, extension, result, return — with forms', async () => {
    await relogin('2026-12-02T09:00:00+07:00');
    let d: Dossier = await officer['dossiers.receive'](intake({ procedureCode: HON_NHAN, documents: [{ index: 0, count: 1 }] }));
    d = await officer['dossiers.advance']({ dossierId: d.id, step: 'forward', note: 'Chuyển công chức tư pháp' });
    d = await officer['dossiers.advance']({ dossierId: d.id, step: 'startProcessing', note: '' });
    d = await officer['dossiers.requestMore']({ dossierId: d.id, items: [{ what: 'Bản án ly hôn', reason: 'Cần để xác nhận tình trạng hôn nhân' }] });
    expect(d.status).toBe('supplement_requested');
    await relogin('2026-12-03T09:00:00+07:00');
    d = await officer['dossiers.completeSupplement']({ dossierId: d.id, documents: [{ index: 0, count: 1 }, { index: 1, count: 1 }] });
    expect(d.status).toBe('received');
    expect(d.code).toMatch(/-261202-/); // a supplement never changes the code
    expect(d.dueAt).toBe(new Date(Date.parse('2026-12-08T09:00:00+07:00')).toISOString()); // restarted from 03/12
    await expect(officer['dossiers.extend']({ dossierId: d.id, newDueAt: d.dueAt!, reason: 'Cần xác minh thêm tại nơi cư trú' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const newDue = new Date(Date.parse('2026-12-10T16:00:00+07:00')).toISOString();
    d = await officer['dossiers.extend']({ dossierId: d.id, newDueAt: newDue, reason: 'Cần xác minh thêm tại nơi cư trú' });
    expect(d.extensions).toEqual([{ at: expect.any(String), reason: 'Cần xác minh thêm tại nơi cư trú', previousDueAt: new Date(Date.parse('2026-12-08T09:00:00+07:00')).toISOString(), newDueAt: newDue, late: false }]);
    await expect(officer['dossiers.returnResult']({ dossierId: d.id, results: [{ name: 'Giấy xác nhận', count: 1 }], receiver: { name: 'Nguyễn Thị Hường', idNumber: '064190012345', relation: '' } })).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    d = await officer['dossiers.advance']({ dossierId: d.id, step: 'resultReady', note: '' });
    await relogin('2026-12-09T10:00:00+07:00');
    d = await officer['dossiers.returnResult']({ dossierId: d.id, results: [{ name: 'Giấy xác nhận tình trạng hôn nhân', count: 1 }], receiver: { name: 'Nguyễn Thị Hường', idNumber: '064190012345', relation: '' } });
    expect(d).toMatchObject({ status: 'returned', timeliness: 'early' });
    for (const form of ['receipt', 'apology', 'handover'] as const) {
      const f = await officer['dossiers.form']({ dossierId: d.id, form });
      expect(Buffer.from(f.pdfBase64, 'base64').subarray(0, 4).toString()).toBe('%PDF');
    }
    await expect(officer['dossiers.form']({ dossierId: d.id, form: 'withdrawal' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const w = await officer['dossiers.receive'](intake());
    const withdrawn = await officer['dossiers.withdraw']({ dossierId: w.id, reason: 'Công dân đề nghị rút hồ sơ' });
    expect(withdrawn.status).toBe('withdrawn');
    await expect(officer['dossiers.advance']({ dossierId: w.id, step: 'forward', note: '' })).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
  });

  it('finds dossiers by a name fragment without diacritics, ID number, phone and code; lists mask the ID number', async () => {
    const org = await officer['dossiers.receive'](
      intake({ applicant: { kind: 'person', fullName: 'Đặng Văn Đức', idNumber: '064088099999', dateOfBirth: '1988-02-02', address: 'Làng Mới', phone: '0987654321', email: '' } }),
    );
    const byName = await officer['dossiers.search']({ q: 'dang van duc' });
    expect(byName.map((r) => r.id)).toContain(org.id);
    expect((await officer['dossiers.search']({ q: 'VĂN ĐỨ' })).map((r) => r.id)).toContain(org.id);
    expect((await officer['dossiers.search']({ q: 'huong' })).length).toBeGreaterThan(10);
    const byId = await officer['dossiers.search']({ q: '064088099999' });
    expect(byId).toEqual([expect.objectContaining({ id: org.id, idNumberMasked: '064*******99' })]);
    expect((await officer['dossiers.search']({ q: '0987 654 321' })).map((r) => r.id)).toEqual([org.id]);
    expect((await officer['dossiers.search']({ q: org.code! })).map((r) => r.id)).toEqual([org.id]);
    expect((await officer['dossiers.search']({ q: org.code!.slice(0, -2) })).map((r) => r.id)).toContain(org.id);
    // The receipt's QR (code + secret) opens it; the public lookup shows status only.
    expect((await officer['dossiers.byReceiptQr']({ code: org.code!, lookupCode: org.lookupCode! })).id).toBe(org.id);
    await expect(officer['dossiers.byReceiptQr']({ code: org.code!, lookupCode: 'BBBBBB' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const pub = await hub.client()['dossiers.lookup']({ code: org.code!, lookupCode: org.lookupCode!.toLowerCase() });
    expect(pub).toEqual({
      code: org.code, procedureName: 'Đăng ký khai sinh', status: 'received', receivedAt: org.receivedAt, dueAt: org.dueAt, returnedAt: null,
      applicantMasked: 'Đ*** V** Đ**', headline: 'Hồ sơ đang được giải quyết', detail: expect.any(String), siteName: expect.any(String), sampleData: false,
    });
    expect(JSON.stringify(pub)).not.toContain('Đức');
    expect(JSON.stringify(pub)).not.toContain('064088');
  });

  it('audits who viewed, printed and exported a dossier', async () => {
    const d = await officer['dossiers.receive'](intake());
    await officer['dossiers.get']({ dossierId: d.id });
    await officer['dossiers.form']({ dossierId: d.id, form: 'receipt' });
    await officer['dossiers.register']({ from: '2026-11-26', to: '2026-12-31', format: 'xlsx' });
    const actions = hub.running.hub.deps.db.prepare("SELECT action FROM audit_log WHERE (target_type = 'dossier' AND target_id = ?) OR action = 'dossier.registerExported' ORDER BY id").all(d.id) as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual(['dossier.created', 'dossier.viewed', 'dossier.printed', 'dossier.registerExported']);
  });
});

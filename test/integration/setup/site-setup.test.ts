import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { HubClient } from '../../../contract/client';
import { SAMPLE_SIGNER, SAMPLE_TICKER } from '../../../main/core/site-identity';
import { decodeEscPos, textItems } from '../../support/escpos-decoder';
import { FakePrinter } from '../../support/fake-printer';
import { ALL_DAY, TEST_SITE, startTestHub, type TestHub } from '../../support/hub';
import { codeOf } from '../../support/outcome';
import { flat, readPdf } from '../forms/pdf-tools';
import { intake } from '../dossier/intake-input';

const pdfText = async (base64: string) => flat((await readPdf(Buffer.from(base64, 'base64'))).text());

/**
 * First start is setup: nothing works until the admin gives the site its identity, or chooses to
 * try it with sample data — then every paper says so and no legal code is issued. The identity is
 * the one source of every paper's letterhead (issue 11: a renamed sample site printed its real
 * citizen's receipt as "UBND XÃ MẪU … Xã Mẫu" under 000.00.00.H21).
 */
describe('first start, sample mode and the site identity on every paper', () => {
  let hub: TestHub;
  let admin: HubClient;
  let printer: FakePrinter;
  beforeAll(async () => {
    hub = await startTestHub({ setup: 'none' });
    admin = await hub.admin();
    printer = await FakePrinter.start();
  });
  afterAll(async () => {
    await hub?.close();
    await printer?.stop();
  });

  it('starts in "setup needed": the site and every screen that needs it wait for the wizard', async () => {
    expect(await codeOf(admin['site.get']({}))).toBe('SETUP_NEEDED');
    expect((await hub.client()['system.health']({})).siteName).toBe('');
    expect(await codeOf(admin['site.update']({ ticker: 'x' }))).toBe('SETUP_NEEDED');
  });

  it('checks each step of the wizard field by field, in words for the admin', async () => {
    const { problems } = await admin['setup.check']({ name: ' ', superiorBody: 'UBND xã Mẫu', commune: 'Ia Dom', agencyCode: '000.00.15.H21{seq}' });
    expect(problems).toEqual({
      name: 'Hãy nhập tên đơn vị.',
      superiorBody: 'Đây vẫn là thông tin của dữ liệu mẫu: hãy nhập thông tin thật của đơn vị.',
      agencyCode: expect.stringContaining('không phải mã định danh cơ quan'),
    });
    expect((await admin['setup.check']({ agencyCode: ' H21.123.45 ' })).problems).toEqual({});
    expect(await codeOf(admin['setup.complete']({ ...TEST_SITE, agencyCode: '000.00.00.H21', queueHours: ALL_DAY }))).toBe('VALIDATION_FAILED');
  });

  it('in sample mode marks the ticket DỮ LIỆU MẪU and refuses real intake, also after the name alone changed', async () => {
    const site = await admin['setup.sample']({});
    expect(site).toMatchObject({ sampleData: true, agencyCode: '000.00.00.H21' });
    await admin['site.update']({ queueHours: ALL_DAY });
    await admin['admin.savePrinter']({ name: 'Kiosk', role: 'ticket', address: printer.address, paper: '80mm', model: 'generic', textMode: 'epson-tcvn3', cut: true, beep: false, deviceId: null, counterId: null, active: true });
    const kiosk = await hub.device('kiosk');
    await kiosk.client['tickets.issue']({ serviceId: (await hub.catalog()).services[0]!.id, priorityClassId: null });
    const [bytes] = await printer.waitForJobs(1);
    expect(textItems(decodeEscPos(bytes!)).map((t) => t.text)).toEqual(expect.arrayContaining(['*** DỮ LIỆU MẪU ***', 'Bộ phận Một cửa xã Mẫu']));

    const officer = await hub.staff('mau');
    expect(await codeOf(officer['dossiers.receive'](intake()))).toBe('SAMPLE_DATA');
    // What issue 11 did: rename the sample site, then receive a real citizen's dossier.
    const renamed = await admin['site.update']({ name: 'UBND xã Ia Dom', agencyCode: '000.00.15.H21' });
    expect(renamed.sampleData).toBe(true);
    expect(await codeOf(officer['dossiers.receive'](intake()))).toBe('SAMPLE_DATA');
    // Papers without a code can still be tried; they carry the mark.
    const sup = await officer['dossiers.requestSupplement']({ ...intake(), items: [{ what: 'Giấy chứng sinh', reason: 'Chưa có' }] });
    const supText = await pdfText((await officer['dossiers.form']({ dossierId: sup.id, form: 'supplementRequest' })).pdfBase64);
    // The letterhead, read across the motto beside it: the mark, the sample's superior body, the new name.
    expect(supText).toMatch(/^CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM DỮ LIỆU MẪU Độc lập - Tự do - Hạnh phúc UBND XÃ MẪU UBND XÃ IA DOM Xã Mẫu, ngày/);
  });

  it('once the real identity replaces the sample, the first receipt prints the real unit, place and agency code', async () => {
    // The admin typed a ticker of the desk's own over the sample's: it stays; the sample's signer goes.
    await admin['site.update']({ ticker: 'Nghỉ trưa 11:30–13:00' });
    const site = await admin['setup.complete']({ ...TEST_SITE, queueHours: ALL_DAY });
    expect(site).toMatchObject({ ...TEST_SITE, sampleData: false, ticker: 'Nghỉ trưa 11:30–13:00' });
    expect((await admin['dossierSettings.get']({})).signerName).toBe('');
    const officer = await hub.staff('that');
    const d = await officer['dossiers.receive'](intake());
    expect(d.code).toMatch(/^000\.00\.15\.H21-\d{6}-0001$/);
    const text = await pdfText((await officer['dossiers.form']({ dossierId: d.id, form: 'receipt' })).pdfBase64);
    expect(text).toMatch(/^UBND XÃ IA DOM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM BỘ PHẬN MỘT CỬA XÃ IA DOM Độc lập - Tự do - Hạnh phúc Ia Dom, ngày/);
    expect(text).not.toMatch(/MẪU|Mẫu|000\.00\.00\.H21/);
    // A second wizard run is refused: the identity is edited in Quản trị → Đơn vị from now on.
    expect(await codeOf(admin['setup.complete']({ ...TEST_SITE, queueHours: ALL_DAY }))).toBe('CONFLICT');
    expect(await codeOf(admin['setup.sample']({}))).toBe('CONFLICT');
    expect(await codeOf(admin['site.update']({ agencyCode: '000.00.15.H21 {seq}' }))).toBe('VALIDATION_FAILED');
  });
});

describe('sample mode ended in Quản trị → Đơn vị', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ setup: 'sample' });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it("takes the sample's ticker and signer with it: no real letter names the sample's signer", async () => {
    const admin = await hub.admin();
    expect((await admin['site.get']({})).ticker).toBe(SAMPLE_TICKER);
    expect((await admin['dossierSettings.get']({})).signerName).toBe(SAMPLE_SIGNER);
    const site = await admin['site.update']({ ...TEST_SITE, queueHours: ALL_DAY });
    expect(site).toMatchObject({ sampleData: false, ticker: '' });
    expect((await admin['dossierSettings.get']({})).signerName).toBe('');

    const officer = await hub.staff('that');
    const d = await officer['dossiers.receive'](intake());
    await officer['dossiers.withdraw']({ dossierId: d.id, reason: 'Gia đình đổi ý' });
    const letter = await pdfText((await officer['dossiers.form']({ dossierId: d.id, form: 'withdrawal' })).pdfBase64);
    expect(letter).toContain(d.code!);
    expect(letter).not.toMatch(/MẪU|Mẫu/);
    // Nor does a real site take a sample value back: its papers would print it unmarked.
    expect(await codeOf(admin['site.update']({ commune: 'Xã Mẫu' }))).toBe('VALIDATION_FAILED');
    expect((await admin['site.get']({})).commune).toBe(TEST_SITE.commune);
  });
});

/**
 * A hub updated from version 6, whose sample site the admin had renamed: up to 6 that ended sample
 * mode, and its receipts went on printing the sample's letterhead, place and agency code. After the
 * update (migration 007) it is in sample mode until the real identity is entered.
 */
describe('a hub updated from version 6 whose sample site had been renamed', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({ setup: 'sample' });
    await hub.admin();
    await hub.stop();
    // The database as version 6 left it: the site renamed (no longer flagged as sample), the
    // letterhead, place and authority still in the dossier settings.
    const db = new Database(join(hub.dataDir, 'motcua.sqlite'));
    const read = (key: string) => JSON.parse((db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string }).value) as Record<string, unknown>;
    const { superiorBody: _s, commune: _c, ...site } = read('site');
    const write = db.prepare('UPDATE settings SET value = ? WHERE key = ?');
    write.run(JSON.stringify({ ...site, name: 'Bộ phận Một cửa xã Ia Dom', sampleData: false, queueHours: ALL_DAY }), 'site');
    write.run(JSON.stringify({ ...read('dossiers'), headerLines: ['UBND XÃ MẪU', 'BỘ PHẬN MỘT CỬA'], placeName: 'Xã Mẫu', authorityName: 'Ủy ban nhân dân xã Mẫu' }), 'dossiers');
    db.pragma('user_version = 6');
    db.close();
    await hub.start();
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('is in sample mode until the real identity is entered: its papers are marked and no real dossier is received', async () => {
    const admin = await hub.admin();
    expect(await admin['site.get']({})).toMatchObject({ name: 'Bộ phận Một cửa xã Ia Dom', superiorBody: 'UBND xã Mẫu', commune: 'Xã Mẫu', agencyCode: '000.00.00.H21', sampleData: true, ticker: SAMPLE_TICKER });
    const officer = await hub.staff('cu-6');
    expect(await codeOf(officer['dossiers.receive'](intake()))).toBe('SAMPLE_DATA');
    const sup = await officer['dossiers.requestSupplement']({ ...intake(), items: [{ what: 'Giấy chứng sinh', reason: 'Chưa có' }] });
    expect(await pdfText((await officer['dossiers.form']({ dossierId: sup.id, form: 'supplementRequest' })).pdfBase64)).toContain('DỮ LIỆU MẪU');
    // Nor can it be enrolled with the province.
    expect(await codeOf(admin['admin.enrollSync']({ centralUrl: 'http://127.0.0.1:9', siteId: 'xa-ia-dom', credential: 'khoa-bi-mat-cua-xa' }))).toBe('SAMPLE_DATA');

    const real = await admin['site.update']({ superiorBody: 'UBND xã Ia Dom', commune: 'Ia Dom', agencyCode: '000.00.15.H21' });
    expect(real).toMatchObject({ sampleData: false, ticker: '' });
    expect((await admin['dossierSettings.get']({})).signerName).toBe('');
    expect((await officer['dossiers.receive'](intake())).code).toMatch(/^000\.00\.15\.H21-\d{6}-0001$/);
  });
});

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HubClient } from '../../contract/client';
import { DiagnosticsReport } from '../../contract/diagnostics';
import { HubError } from '../../contract/errors';
import { UPDATE_STATUS_FILE, type UpdateStatus } from '../../contract/update-status';
import { ADMIN_PASSWORD, STAFF_PASSWORD, startTestHub, type TestHub } from '../support/hub';
import { migrations } from '../../main/node/db/migrations';
import { intake } from './dossier/intake-input';

const post = async (url: string, name: string, body: unknown, token: string | null = null) =>
  fetch(`${url}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

/** Secrets planted in the site, and citizens' data it handled: none may be anywhere in the bundle. */
const SYNC_CREDENTIAL = 'ma-xac-thuc-dong-bo-BI-MAT-8841';
const SYNC_URL_PASSWORD = 'matkhau-trong-dia-chi-99';
const CHANNEL_PASSWORD = 'matkhau-kenh-cap-nhat-77';
const KIOSK_PIN = '48151623';
const UNLISTED_SETTING = 'gia-tri-chua-khai-bao-314';
const PLANTED = { fullName: 'Trần Thị Bích Ngọc', idNumber: '079301004455', phone: '0987654321' };

/** A short code is searched as a whole word: six digits can occur by chance inside a longer number. */
const asWord = (s: string) => new RegExp(`(?<![A-Za-z0-9])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`);

/**
 * The diagnostics bundle through the real HTTP API of a real hub: a site that has worked (a
 * dossier received, searches, a failed login, a printer that cannot be reached, a sync that cannot
 * reach the province, an updater that failed), exported by the admin as one ZIP. A technician
 * finds what they need in it; the secrets and the citizens' data planted on the way are nowhere in
 * its bytes.
 */
describe('the diagnostics bundle', () => {
  let hub: TestHub;
  let admin: HubClient;
  let files: Record<string, Uint8Array>;
  let everything: string;
  let fileName: string;
  const secrets: string[] = [ADMIN_PASSWORD, STAFF_PASSWORD, SYNC_CREDENTIAL, SYNC_URL_PASSWORD, CHANNEL_PASSWORD, UNLISTED_SETTING];
  const shortSecrets: string[] = [KIOSK_PIN];
  const personal: string[] = [PLANTED.fullName, PLANTED.idNumber, PLANTED.phone];
  let dossierCode: string;

  beforeAll(async () => {
    hub = await startTestHub();
    admin = await hub.admin();
    await hub.staff('chan-doan-1');
    const login = (await (await post(hub.url, 'auth.login', { username: 'chan-doan-1', password: STAFF_PASSWORD })).json()) as { token: string };
    secrets.push(login.token);
    const officer = hub.client(login.token);

    // A receipt printer nobody can reach: the slip (with the applicant's name in its data) is held.
    await admin['admin.savePrinter']({ name: 'Máy in biên nhận quầy 1', role: 'receipt', address: 'tcp://127.0.0.1:1', paper: '80mm', model: 'generic', textMode: 'raster', cut: true, beep: false, deviceId: null, counterId: null, active: true });
    const person = intake();
    const a = person.applicant;
    personal.push(a.fullName, 'Nguyen Thi Huong', a.idNumber, a.address, a.phone, a.phone.replace(/\s/g, ''));
    const received = await officer['dossiers.receive'](person);
    dossierCode = received.code!;
    // The spooler tries the printer in the background: the bundle is taken once the slip is held.
    await vi.waitFor(async () => expect((await officer['print.jobs']({})).map((j) => j.status)).toEqual(['held']), { timeout: 15_000 });
    shortSecrets.push(received.lookupCode!);
    await officer['dossiers.search']({ q: 'Hường' });
    await officer['dossiers.search']({ q: a.idNumber });
    // A password typed into the username box.
    await post(hub.url, 'auth.login', { username: 'MatKhau-Go-Nham-O-Ten-55', password: 'sai-mat-khau-1' });
    secrets.push('MatKhau-Go-Nham-O-Ten-55', 'sai-mat-khau-1');

    const kiosk = await hub.device('kiosk');
    secrets.push(kiosk.token);
    await admin['admin.setKioskPin']({ pin: KIOSK_PIN });
    shortSecrets.push((await admin['devices.createPairingCode']({ kind: 'display', name: 'TV phòng chờ', counterId: null })).code);

    // Stored secrets as they sit in the database: hashes of passwords, tokens and the PIN.
    const db = hub.running.hub.deps.db;
    for (const r of db.prepare('SELECT password_hash AS h FROM staff UNION ALL SELECT token_hash FROM devices UNION ALL SELECT token_hash FROM auth_sessions').all() as { h: string }[]) secrets.push(r.h);
    secrets.push(hub.running.hub.deps.site.get<string>('kioskPinHash')!);

    // Enrolled with a province that does not answer (the credential as the admin would have saved it), and a setting nobody listed.
    const site = hub.running.hub.deps.site;
    site.set('sync', { centralUrl: `http://dong-bo:${SYNC_URL_PASSWORD}@127.0.0.1:9/`, siteId: 'xa-thu-nghiem', credential: SYNC_CREDENTIAL });
    site.set('khoaMoiChuaKhaiBao', { note: UNLISTED_SETTING });
    await officer['sync.now']({});

    const update: UpdateStatus = {
      state: 'error', channelUrl: `https://capnhat:${CHANNEL_PASSWORD}@tinh.example/motcua/`, currentVersion: '0.1.0', availableVersion: null, checkedAt: new Date().toISOString(),
      error: { code: 'UPDATE_UNREACHABLE', message: `Không tải được https://capnhat:${CHANNEL_PASSWORD}@tinh.example/motcua/latest.yml` },
    };
    writeFileSync(join(hub.dataDir, UPDATE_STATUS_FILE), JSON.stringify(update));

    // A log line a future bug could write: personal data deeper than the logger's redaction reaches, and numbers in free text.
    const log = hub.running.hub.deps.log;
    log.error({ err: { details: { input: { applicant: { fullName: PLANTED.fullName, idNumber: PLANTED.idNumber } } } } }, `không gửi được tin nhắn tới ${PLANTED.phone} cho CCCD ${PLANTED.idNumber}`);
    // The log file is written asynchronously: the bundle is taken once the line is on disk.
    const logDir = join(hub.dataDir, 'logs');
    await vi.waitFor(() => expect(readdirSync(logDir).some((f) => readFileSync(join(logDir, f), 'utf8').includes('không gửi được tin nhắn tới'))).toBe(true), { timeout: 10_000 });

    const file = await admin['admin.diagnostics']({});
    fileName = file.fileName;
    const zip = Buffer.from(file.dataBase64, 'base64');
    files = unzipSync(zip);
    everything = zip.toString('latin1') + Object.values(files).map((f) => strFromU8(f)).join('\n');
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('is one ZIP named for the site and the time, with the summary, the facts and the log', () => {
    expect(fileName).toMatch(/^motcua-chan-doan-000-00-15-H21-\d{8}-\d{4}\.zip$/);
    const names = Object.keys(files);
    expect(names).toContain('tom-tat.txt');
    expect(names).toContain('chan-doan.json');
    expect(names.some((n) => /^nhat-ky\/hub\..+\.log$/.test(n))).toBe(true);
  });

  it('the summary tells a technician, in Vietnamese and readable in Notepad, what is wrong and what runs', () => {
    const bytes = files['tom-tat.txt']!;
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = strFromU8(bytes);
    expect(text).toContain('\r\n');
    expect(text).not.toMatch(/[^\r]\n/);
    for (const fact of [
      'TÓM TẮT CHẨN ĐOÁN — MỘT CỬA',
      'Bộ phận Một cửa xã Ia Dom',
      `Node.js ${process.versions.node}`,
      'Electron: không chạy trong Electron',
      'better-sqlite3 12.',
      `Thư mục dữ liệu: ${hub.dataDir}`,
      hub.url,
      'Máy in "Máy in biên nhận quầy 1": Không kết nối được với máy in.',
      'Trạng thái: Không kết nối được với máy in.',
      `Phiếu tiếp nhận ${dossierCode} (Máy in biên nhận quầy 1)`,
      'Đồng bộ với tỉnh: mất kết nối',
      'Cập nhật tự động: Lỗi (mã UPDATE_UNREACHABLE): Không tải được https://[ẩn]@tinh.example/motcua/latest.yml',
      'dòng lỗi trong nhật ký gần đây',
      `Phiên bản cấu trúc: ${migrations.length} (phần mềm này: ${migrations.length})`,
    ]) {
      expect(text, fact).toContain(fact);
    }
    // The points needing attention come first.
    expect(text.indexOf('CẦN CHÚ Ý')).toBeLessThan(text.indexOf('PHẦN MỀM'));
  });

  it('the JSON holds the facts for a tool, settings without their secrets', () => {
    const report = DiagnosticsReport.parse(JSON.parse(strFromU8(files['chan-doan.json']!)));
    expect(report.database.schemaVersion).toBe(report.database.codeSchemaVersion);
    expect(report.database.rowCounts).toMatchObject({ dossiers: 1, staff: 2, devices: 1 });
    expect(report.about.runtime).toMatchObject({ node: process.versions.node, electron: null });
    expect(report.about.hubUrls).toEqual([hub.url]);
    expect(report.storage.freeBytes).toBeGreaterThan(0);
    // Held, or back in the queue (being sent) for a moment: the spooler retries an unreachable printer by
    // itself, on its own timer (the bundle may be taken during a retry on a slow machine).
    expect(report.openPrintJobs.map((j) => j.title)).toEqual([`Phiếu tiếp nhận ${dossierCode}`]);
    expect(['held', 'queued', 'printing']).toContain(report.openPrintJobs[0]!.status);
    expect(report.printers[0]).toMatchObject({ state: 'unreachable' });
    expect(report.printers[0]!.held + report.printers[0]!.queued).toBe(1);
    expect(report.sync).toMatchObject({ enrolled: true, siteId: 'xa-thu-nghiem', online: false });
    const setting = (key: string) => report.settings.find((s) => s.key === key);
    expect(setting('sync')).toEqual({ key: 'sync', shown: true, value: { centralUrl: 'http://[ẩn]@127.0.0.1:9/', siteId: 'xa-thu-nghiem', credential: '[ẩn]' } });
    expect(setting('kioskPinHash')).toMatchObject({ shown: false });
    expect(setting('khoaMoiChuaKhaiBao')).toMatchObject({ shown: false });
    expect(setting('site')).toMatchObject({ shown: true, value: { agencyCode: '000.00.15.H21', superiorBody: 'UBND xã Ia Dom' } });
    expect(report.logs.excerpts[0]!.linesIncluded).toBeGreaterThan(10);
  });

  it('carries no secret and no personal data anywhere in its bytes', () => {
    expect(secrets.length).toBeGreaterThan(12);
    for (const s of [...secrets, ...personal]) expect(everything.includes(s), s).toBe(false);
    for (const s of shortSecrets) expect(asWord(s).test(everything), s).toBe(false);
    // The log lines planted above are there, with their personal parts hidden.
    expect(everything).toContain('không gửi được tin nhắn tới [ẩn] cho CCCD [ẩn]');
  });

  it('is for admins only', async () => {
    const officer = await hub.staff('chan-doan-2');
    await expect(officer['admin.diagnostics']({})).rejects.toSatisfy((e) => e instanceof HubError && e.code === 'FORBIDDEN');
    // The "about" facts are for every staff member.
    expect((await officer['system.about']({})).update).toMatchObject({ kind: 'read', status: { state: 'error', channelUrl: 'https://[ẩn]@tinh.example/motcua/' } });
  });
});

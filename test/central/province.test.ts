import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { OverdueDossier } from '../../central/reports/overdue';
import type { ProvinceReport } from '../../central/reports/province';
import { PROVINCE_COLUMNS } from '../../central/reports/province-columns';
import { centralPerSuite } from './central-per-suite';
import { call, createSite, engines, pushBatch, readyAccount, sessionCall, SiteOutbox, syncHeaders } from './helpers';

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
const MARCH = 'from=2026-03-01&to=2026-03-31';
// Due at 16:00 in Vietnam on 5 March.
const DUE = '2026-03-05T09:00:00.000Z';

/**
 * A dossier received on 2 March and, when `readyAt` is given, its result ready then (what the
 * desk is scored on, as its hub's reports do) and returned to the citizen the next day.
 */
function dossier(o: SiteOutbox, code: string, dueAt: string, readyAt: string | null) {
  const id = randomUUID();
  o.dossier('received', id, 'received', { code, dueAt });
  if (readyAt !== null) {
    o.dossier('resultReady', id, 'result_ready', { code, dueAt, at: readyAt });
    const returnedAt = new Date(Date.parse(readyAt) + 86_400_000).toISOString();
    o.dossier('returned', id, 'returned', { code, dueAt, returnedAt, at: returnedAt });
  }
  return id;
}

/**
 * The province's page over what three sites pushed through the real sync routes: Ia Grai had the results of
 * one dossier late and one on time and has one overdue, served one citizen (waited a minute) and
 * missed one, with a "very satisfied"; Ia Dom one early and has not pushed for three
 * hours; Ia Pếch was created two hours ago and never pushed.
 */
describe.each(engines)("the province's measures per site (%s)", (engine) => {
  const central = centralPerSuite(engine);

  const setUp = async () => {
    const grai = new SiteOutbox('xa-ia-grai');
    dossier(grai, 'G-0001', DUE, '2026-03-06T02:00:00.000Z'); // ready the next morning: late
    dossier(grai, 'G-0002', DUE, '2026-03-05T03:00:00.000Z'); // ready at 10:00 on the due day: on time
    dossier(grai, 'G-0003', '2026-03-04T09:00:00.000Z', null); // due on 4 March, still with the back office
    const served = randomUUID();
    grai.ticket('issued', served, 'waiting');
    grai.ticket('called', served, 'called', { counterId: 'c1' });
    grai.ticket('started', served, 'serving', { counterId: 'c1' });
    grai.ticket('finished', served, 'finished', { counterId: 'c1' });
    grai.rating(served, 'very_satisfied');
    const missed = randomUUID();
    grai.ticket('issued', missed, 'waiting');
    grai.ticket('called', missed, 'called', { counterId: 'c1' });
    grai.ticket('skipped', missed, 'skipped', { counterId: 'c1' });

    const dom = new SiteOutbox('xa-ia-dom');
    dossier(dom, 'D-0001', '2026-03-10T09:00:00.000Z', '2026-03-08T02:00:00.000Z'); // ready two days early
    const t = randomUUID();
    dom.ticket('issued', t, 'waiting');
    dom.ticket('called', t, 'called', { counterId: 'c1' });
    dom.ticket('finished', t, 'finished', { counterId: 'c1' });
    dom.rating(t, 'unsatisfied');

    const credentials = new Map<string, string>();
    for (const [o, name] of [[grai, 'UBND xã Ia Grai'], [dom, 'UBND xã Ia Dom']] as const) {
      const credential = await createSite(central.url, o.siteId, name);
      credentials.set(o.siteId, credential);
      expect((await pushBatch(central.url, credential, o.request(o.events))).status).toBe(200);
    }
    await createSite(central.url, 'xa-ia-pech', 'UBND xã Ia Pếch');
    // The clocks the flags read: both pushed three hours ago, Ia Pếch created two hours ago.
    await central.db.query(`UPDATE streams SET updated_at = now() - interval '3 hours' WHERE site_id IN ('xa-ia-dom', 'xa-ia-grai')`);
    await central.db.query(`UPDATE site_seen SET at = now() - interval '3 hours' WHERE site_id IN ('xa-ia-dom', 'xa-ia-grai')`);
    await central.db.query(`UPDATE sites SET created_at = now() - interval '2 hours' WHERE site_id = 'xa-ia-pech'`);
    // Ia Grai is up with nothing to send, as over lunch: its hub still pulls its feeds.
    expect((await call(central.url, '/sync/v1/sites/xa-ia-grai/feeds/catalog', { headers: syncHeaders('xa-ia-grai', credentials.get('xa-ia-grai')!) })).status).toBe(200);
    const clerk = await readyAccount(central.url, `canbo${randomUUID().slice(0, 6)}`, 'clerk');
    return clerk.cookie;
  };

  it('counts, scores and orders the sites worst first, flags the offline ones, lists the overdue dossiers and exports them', async () => {
    const cookie = await setUp();

    // No session, no figures; a clerk may read them.
    const anonymous = await call(central.url, `/admin/api/province?${MARCH}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toMatchObject({ code: 'ADMIN_UNAUTHORIZED' });
    expect((await call(central.url, '/admin/api/province/overdue?siteId=xa-ia-grai')).status).toBe(401);
    expect((await call(central.url, `/admin/api/province.xlsx?${MARCH}`)).status).toBe(401);

    const r = await sessionCall<ProvinceReport>(central.url, `/admin/api/province?${MARCH}`, cookie);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ from: '2026-03-01', to: '2026-03-31', offlineAfterMinutes: 60 });
    expect(r.json.sites.map((s) => s.siteId)).toEqual(['xa-ia-grai', 'xa-ia-dom', 'xa-ia-pech']);
    const [grai, dom, pech] = r.json.sites;
    expect(grai).toMatchObject({
      name: 'UBND xã Ia Grai',
      dossiers: { received: 3, handled: 2, early: 0, onTime: 1, late: 1, onTimeShare: 0.5, overdue: 1 },
      tickets: { issued: 2, served: 1, noShow: 1, meanWaitMinutes: 1 },
      ratings: { count: 1, satisfied: 1, satisfiedShare: 1 },
      offlineSince: null,
    });
    // Online, though its last push is three hours old.
    expect(Date.now() - Date.parse(grai!.lastPushAt!)).toBeGreaterThan(2 * 60 * 60_000);
    expect(dom).toMatchObject({
      dossiers: { received: 1, handled: 1, early: 1, onTime: 0, late: 0, onTimeShare: 1, overdue: 0 },
      tickets: { issued: 1, served: 1, noShow: 0 },
      ratings: { count: 1, satisfied: 0, satisfiedShare: 0 },
    });
    // Offline since it last spoke to the central, three hours ago.
    const [seen] = await central.db.query<{ at: Date }>(`SELECT at FROM site_seen WHERE site_id = 'xa-ia-dom'`);
    expect(dom!.offlineSince).toBe(seen!.at.toISOString());
    expect(pech).toMatchObject({
      dossiers: { received: 0, handled: 0, onTimeShare: null, overdue: 0 }, tickets: { issued: 0, meanWaitMinutes: null },
      ratings: { count: 0, satisfiedShare: null }, lastPushAt: null,
    });
    // Each site's value in every column, in the columns' order: what the page shows and the export writes.
    expect(r.json.sites.map((s) => s.values.length)).toEqual([PROVINCE_COLUMNS.length, PROVINCE_COLUMNS.length, PROVINCE_COLUMNS.length]);
    expect(grai!.values).toEqual([3, 2, 0, 1, 1, 0.5, 1, 2, 1, 1, 1, 1, 1]);
    expect(pech!.values).toEqual([0, 0, 0, 0, 0, null, 0, 0, 0, 0, null, 0, null]);
    const [created] = await central.db.query<{ created_at: Date }>(`SELECT created_at FROM sites WHERE site_id = 'xa-ia-pech'`);
    expect(pech!.offlineSince).toBe(created!.created_at.toISOString());

    // A period before anything happened has the same sites and nothing in them, but the overdue dossier still counts.
    const feb = await sessionCall<ProvinceReport>(central.url, '/admin/api/province?from=2026-02-01&to=2026-02-28', cookie);
    expect(feb.json.sites.find((s) => s.siteId === 'xa-ia-grai')!.dossiers).toEqual({ received: 0, handled: 0, early: 0, onTime: 0, late: 0, onTimeShare: null, overdue: 1 });

    // Days late: from the due day (4 March, Vietnam) to today in Vietnam, whenever this runs.
    const daysSinceDue = () => Math.floor((Date.now() + 7 * 3_600_000 - Date.parse('2026-03-04T00:00:00Z')) / 86_400_000);
    const before = daysSinceDue();
    const overdue = await sessionCall<{ siteId: string; total: number; dossiers: OverdueDossier[] }>(central.url, '/admin/api/province/overdue?siteId=xa-ia-grai', cookie);
    expect(overdue.status).toBe(200);
    expect(overdue.json.total).toBe(1);
    expect(overdue.json.dossiers).toEqual([expect.objectContaining({ code: 'G-0003', procedureName: 'Đăng ký khai sinh', dueAt: '2026-03-04T09:00:00.000Z' })]);
    expect(overdue.json.dossiers[0]!.daysLate).toBeGreaterThanOrEqual(before);
    expect(overdue.json.dossiers[0]!.daysLate).toBeLessThanOrEqual(daysSinceDue());
    expect(JSON.stringify(overdue.json)).not.toMatch(/Nguyễn Văn An|064090001234/); // no applicant in the province's list
    expect((await sessionCall(central.url, '/admin/api/province/overdue?siteId=xa-ia-dom', cookie)).json).toMatchObject({ total: 0, dossiers: [] });
    const unknown = await sessionCall(central.url, '/admin/api/province/overdue?siteId=xa-khong-co', cookie);
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ code: 'SITE_NOT_FOUND' });

    const res = await fetch(`${central.url}/admin/api/province.xlsx?${MARCH}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="toan-tinh-2026-03-01-2026-03-31.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(['Toàn tỉnh']);
    const sheet = book.getWorksheet('Toàn tỉnh')!;
    expect(String(sheet.getCell('A1').value)).toMatch(/từ ngày 01\/03\/2026 đến ngày 31\/03\/2026/);
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(header.slice(0, 9)).toEqual(['STT', 'Mã điểm', 'Điểm một cửa', 'Hồ sơ tiếp nhận', 'Đã giải quyết', 'Trước hạn', 'Đúng hạn', 'Quá hạn', 'Tỉ lệ đúng hạn']);
    const line = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(line(4).slice(0, 16)).toEqual([1, 'xa-ia-grai', 'UBND xã Ia Grai', 3, 2, 0, 1, 1, 0.5, 1, 2, 1, 1, 1, 1, 1]);
    expect(sheet.getCell('I4').numFmt).toBe('0.0%');
    expect(line(5).slice(1, 3)).toEqual(['xa-ia-dom', 'UBND xã Ia Dom']);
    expect(sheet.getCell('R5').value).toBeInstanceOf(Date); // offline since: a date, not text
    expect(line(6).slice(1, 3)).toEqual(['xa-ia-pech', 'UBND xã Ia Pếch']);
    expect(sheet.getCell('I6').value).toBeNull();
  });

  it('refuses a period that is not one, or longer than a year, in Vietnamese', async () => {
    const clerk = await readyAccount(central.url, `canbo${randomUUID().slice(0, 6)}`, 'clerk');
    for (const query of ['', 'from=2026-03-01', 'from=2026-02-30&to=2026-03-01', 'from=2026-03-02&to=2026-03-01', 'from=2025-01-01&to=2026-01-02', 'from=1.3.2026&to=31.3.2026', 'from=2026-13-01&to=2026-13-02', 'from=0000-01-01&to=0000-01-31']) {
      for (const path of ['/admin/api/province', '/admin/api/province.xlsx']) {
        const r = await sessionCall(central.url, `${path}?${query}`, clerk.cookie);
        expect(r.status, `${path}?${query}`).toBe(400);
        expect(r.json).toMatchObject({ code: 'PERIOD_INVALID' });
        expect(r.json.message).toMatch(VIETNAMESE);
      }
    }
    // A site's overdue list names its site: without one, the clerk is told so, not "not found".
    const noSite = await sessionCall(central.url, '/admin/api/province/overdue', clerk.cookie);
    expect(noSite.status).toBe(400);
    expect(noSite.json).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(noSite.json.message).toMatch(VIETNAMESE);
    // A leap year's 366 days are one year.
    expect((await sessionCall(central.url, '/admin/api/province?from=2028-01-01&to=2028-12-31', clerk.cookie)).status).toBe(200);
  });
});

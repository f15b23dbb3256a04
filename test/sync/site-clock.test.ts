import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../central/db/db';
import { HubError } from '../../contract/errors';
import { createSite, openTestDb, startTestCentral } from '../central/helpers';
import { intake } from '../integration/dossier/intake-input';
import { codeOf } from '../support/outcome';
import { startTestHub, type TestHub } from '../support/hub';
import { siteWorkload, type SiteWorkload } from '../support/site-workload';

const HOUR = 3_600_000;

/** Rows read from the hub's SQLite file (while it runs: WAL). */
function rows<T>(hub: TestHub, sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(hub.dataDir, 'motcua.sqlite'), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
const audited = (hub: TestHub, action: string) => rows<{ target_id: string; details: string }>(hub, 'SELECT target_id, details FROM audit_log WHERE action = ? ORDER BY id', action);
const dossierCount = (hub: TestHub) => rows<{ n: number }>(hub, 'SELECT count(*) AS n FROM dossiers')[0]!.n;

/**
 * The site's clock against the central's (main/core/site-clock.ts), with a real central (PGlite)
 * and a hub whose wall clock the test sets while its monotonic clock runs on: a clock set 2 hours
 * ahead is a problem at once (system.health, sync.status), intake is refused until the officer
 * confirms and the confirmation is audited; after a restart offline, a clock set back before the
 * last known good time is still caught; set right and synced, all is well again.
 */
describe("the site's clock", () => {
  let ahead = 0;
  let hub: TestHub;
  let db: { db: Db; dispose(): Promise<void> };
  let central: { url: string; close(): Promise<void> };
  let w: SiteWorkload;
  let credential: string;
  const health = async () => (await hub.client()['system.health']({})).clock;

  beforeAll(async () => {
    hub = await startTestHub({ clock: () => Date.now() + ahead, monotonic: () => performance.now() });
    db = await openTestDb('pglite');
    central = await startTestCentral(db.db);
    credential = await createSite(central.url, 'xa-dong-ho');
    w = await siteWorkload(hub);
    await (await hub.admin())['admin.enrollSync']({ centralUrl: central.url, siteId: 'xa-dong-ho', credential });
  });
  afterAll(async () => {
    await hub?.close();
    await central?.close();
    await db?.dispose();
  });

  it('agrees with the central: nothing to show, intake as usual', async () => {
    const s = await w.officer['sync.now']({});
    expect(s).toMatchObject({ online: true, clockSkewWarning: false });
    expect(Math.abs(s.clockSkewSeconds!)).toBeLessThan(5);
    expect(await health()).toMatchObject({ level: 'ok', basis: 'central', title: null });
    await w.officer['dossiers.receive'](intake());
    expect(audited(hub, 'dossier.clockConfirmed')).toEqual([]);
  });

  it('set 2 hours ahead: a problem at once, intake refused without confirmation, accepted and audited with it', async () => {
    ahead = 2 * HOUR;
    const clock = await health();
    expect(clock).toMatchObject({ level: 'skewed', basis: 'central' });
    expect(Math.abs(clock.skewSeconds! + 7200)).toBeLessThan(5);
    expect(clock.title).toBe('Đồng hồ của máy chủ Một Cửa nhanh hơn giờ của máy chủ tỉnh 2 giờ');
    expect((await w.officer['sync.status']({})).clockSkewWarning).toBe(true);

    await w.relogin(); // the session ends on the hub's clock
    const input = intake();
    const before = dossierCount(hub);
    const refused = await w.officer['dossiers.receive'](input).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HubError);
    expect((refused as HubError).code).toBe('CLOCK_SKEW_CONFIRM');
    expect((refused as HubError).message).toMatch(/^Đồng hồ của máy chủ nhanh hơn giờ của máy chủ tỉnh 2 giờ: giờ tiếp nhận và hạn trả kết quả/);
    expect((refused as HubError).details).toMatchObject({ basis: 'central', skewSeconds: expect.closeTo(-7200, -1) });
    expect(dossierCount(hub)).toBe(before);

    const received = await w.officer['dossiers.receive']({ ...input, clockConfirmed: true });
    expect(received.code).not.toBeNull();
    const [row] = audited(hub, 'dossier.clockConfirmed');
    expect(row!.target_id).toBe(received.id);
    expect(JSON.parse(row!.details)).toMatchObject({ basis: 'central', skewSeconds: expect.closeTo(-7200, -1) });
    // A supplement request computes no due time: it is not asked. Its completion does (the code, the due time).
    const waiting = await w.officer['dossiers.requestSupplement']({ ...intake(), items: [{ what: 'Giấy chứng sinh', reason: 'Chưa nộp' }] });
    const complete = { dossierId: waiting.id, documents: [0, 1, 2].map((index) => ({ index, count: 1 })) };
    expect(await codeOf(w.officer['dossiers.completeSupplement'](complete))).toBe('CLOCK_SKEW_CONFIRM');
    expect((await w.officer['dossiers.get']({ dossierId: waiting.id })).status).toBe('supplement_requested');
    expect((await w.officer['dossiers.completeSupplement']({ ...complete, clockConfirmed: true })).status).toBe('received');
    expect(audited(hub, 'dossier.clockConfirmed').map((r) => r.target_id)).toEqual([received.id, waiting.id]);
  });

  it('restarted offline with the clock set back before the last known good time: still a problem', async () => {
    ahead = 0;
    await w.officer['sync.now']({}); // the last exchange: the clock right
    await central.close();
    ahead = -3 * HOUR;
    await hub.restart();
    const clock = await health();
    expect(clock).toMatchObject({ level: 'skewed', basis: 'last_known' });
    expect(clock.skewSeconds!).toBeGreaterThan(3 * 3600 - 60);
    expect(clock.title).toMatch(/^Đồng hồ của máy chủ Một Cửa chậm hơn giờ của máy chủ tỉnh 3 giờ \(theo lần kết nối tỉnh gần nhất/);
  });

  it('set right and synced again: no problem, intake as usual', async () => {
    ahead = 0;
    central = await startTestCentral(db.db);
    await w.relogin();
    // The central came back on another port.
    await (await hub.admin())['admin.enrollSync']({ centralUrl: central.url, siteId: 'xa-dong-ho', credential });
    expect(await w.officer['sync.now']({})).toMatchObject({ online: true, clockSkewWarning: false });
    expect((await health()).level).toBe('ok');
    await w.officer['dossiers.receive'](intake());
  });
});

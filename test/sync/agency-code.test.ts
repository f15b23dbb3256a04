import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CentralClient } from '../../main/node/sync/central-client';
import { adminCall, createSite, engines, type Engine } from '../central/helpers';
import { startTestHub, uniqueAgencyCode } from '../support/hub';
import { codeOf } from '../support/outcome';
import { startRig, useSyncRigs } from './rig';

/**
 * The agency code starts every dossier code: two sites under one code hand two citizens the same
 * legal receipt number (issue 11: two fresh hubs both issued 000.00.00.H21-261202-0001). The
 * central holds each site's code, registered at enrolment and at every change, and refuses a
 * code another site holds.
 */
describe.each(engines)('agency codes at the central (%s)', (engine: Engine) => {
  const t = useSyncRigs(engine);
  const codeAt = async (siteId: string) => (await t.central.db.query<{ agency_code: string | null }>('SELECT agency_code FROM sites WHERE site_id = $1', [siteId]))[0]!.agency_code;

  it('registers the code at enrolment, refuses one another site holds, and registers a change', async () => {
    const a = await t.rig();
    const b = await startRig(engine, { central: t.central });
    try {
      const codeA = (await (await a.hub.accounts.admin())['site.get']({})).agencyCode;
      expect(await codeAt(a.siteId)).toBe(codeA);
      const adminB = await b.hub.accounts.admin();
      const before = (await adminB['site.get']({})).agencyCode;
      expect(await codeAt(b.siteId)).toBe(before);

      // The admin of B types A's code: refused, with the reason, and nothing saved.
      const taken = adminB['site.update']({ agencyCode: codeA });
      expect(await codeOf(taken)).toBe('AGENCY_CODE_TAKEN');
      await expect(adminB['site.update']({ agencyCode: codeA })).rejects.toThrow(/đã được một điểm một cửa khác đăng ký/);
      expect((await adminB['site.get']({})).agencyCode).toBe(before);
      expect(await codeAt(b.siteId)).toBe(before);

      // A code of its own is registered first, then saved; the old one is free again.
      const mine = uniqueAgencyCode();
      expect((await adminB['site.update']({ agencyCode: mine })).agencyCode).toBe(mine);
      expect(await codeAt(b.siteId)).toBe(mine);
      expect(await codeOf(adminB['site.update']({ agencyCode: before }))).toBe('ok');
    } finally {
      await b.close();
    }
  });

  it('a site enrolled before the central kept agency codes registers its code at its next sync; a code another site holds is shown, and its events still go', async () => {
    const a = await t.rig();
    const b = await startRig(engine, { central: t.central });
    try {
      const codeA = (await (await a.hub.accounts.admin())['site.get']({})).agencyCode;
      // What the versions before agency codes left: the central without the site's code, the hub
      // without the memory of having registered it.
      const forget = async () => {
        await a.hub.stop();
        const db = new Database(join(a.hub.dataDir, 'motcua.sqlite'));
        db.prepare('DELETE FROM settings WHERE key = ?').run('syncAgencyCodeRegistered');
        db.close();
        await t.central.db.query('UPDATE sites SET agency_code = NULL WHERE site_id = $1', [a.siteId]);
      };
      await forget();
      await a.hub.start();
      await a.settle();
      expect(await codeAt(a.siteId)).toBe(codeA);
      // The province's list of sites shows it.
      const { sites } = (await adminCall<{ sites: { siteId: string; agencyCode: string | null }[] }>(t.central.url, '/admin/sites', undefined, 'GET')).json;
      expect(sites.find((x) => x.siteId === a.siteId)?.agencyCode).toBe(codeA);

      // Meanwhile another site took the code: A's staff are told, and A's events still go up.
      await forget();
      expect(await new CentralClient({ centralUrl: t.central.url, siteId: b.siteId, credential: b.credential }, 'test').registerAgencyCode(codeA)).toMatchObject({ kind: 'ok' });
      await a.hub.start();
      await a.issue();
      const s = await a.syncNow();
      expect(s.lastError?.code).toBe('AGENCY_CODE_TAKEN');
      expect(s.lastError?.message).toMatch(/Quản trị → Đơn vị/);
      expect(s.pendingEvents).toBe(0);
      expect(await codeAt(a.siteId)).toBeNull();
    } finally {
      await b.close();
    }
  });

  it('refuses to enrol a hub whose code another site holds, a sample site, and a malformed code', async () => {
    const a = await t.rig();
    const codeA = (await (await a.hub.accounts.admin())['site.get']({})).agencyCode;
    const siteId = `xa-${randomUUID().slice(0, 8)}`;
    const credential = await createSite(t.central.url, siteId);
    const twin = await startTestHub({ setup: { agencyCode: codeA } });
    const sample = await startTestHub({ setup: 'sample' });
    try {
      const admin = await twin.admin();
      expect(await codeOf(admin['admin.enrollSync']({ centralUrl: t.central.url, siteId, credential }))).toBe('AGENCY_CODE_TAKEN');
      expect((await admin['sync.status']({})).enrolled).toBe(false);
      expect(await codeAt(siteId)).toBeNull();

      expect(await codeOf((await sample.admin())['admin.enrollSync']({ centralUrl: t.central.url, siteId, credential }))).toBe('SAMPLE_DATA');

      // The central checks the grammar itself: it faces the internet, not only our hubs.
      const direct = await new CentralClient({ centralUrl: t.central.url, siteId, credential }, 'test').registerAgencyCode('000.00.15.H21{seq}');
      expect(direct).toMatchObject({ kind: 'fatal', code: 'AGENCY_CODE_INVALID' });
      expect(await codeAt(siteId)).toBeNull();
    } finally {
      await twin.close();
      await sample.close();
    }
  });
});

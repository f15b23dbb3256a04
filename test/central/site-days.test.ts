import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../central/db/db';
import { prepareDatabase } from '../../central/db/open';
import { statements as provinceIndexes } from '../../central/db/migrations/006-province-indexes';
import { decodersV1 } from '../../central/projection/decode';
import { parsePeriod } from '../../central/reports/period';
import { provinceReport } from '../../central/reports/province';
import { createSite, engines, foldAndStored, openTestDb, pushBatch, SiteOutbox, startTestCentral } from './helpers';

/**
 * What a site pushed, scored as its hub's reports score it (central/reports/site-days.ts), with
 * answers worked out by hand: each line below is a figure the central had wrong before.
 *
 * - T1 is called, skipped, brought back and called again: its wait runs to the first call (1 min,
 *   not 4). T2 continues T1 at another service (redirected): served, but not a new arrival.
 * - T1's rating is on the site's own scale ("hai_long", flagged satisfied by the hub); T2's
 *   "very_satisfied" was flagged not satisfied on that scale; D1's rating at the tablet counts too.
 * - D1 was extended before its due time, then its result was ready after the first due time: late
 *   (the extension moves the citizen's date, not the desk's score). D2's result is ready on time
 *   and not collected yet: handled all the same.
 */
function march(siteId: string): SiteOutbox {
  const o = new SiteOutbox(siteId);
  const [t1, t2] = [randomUUID(), randomUUID()];
  o.ticket('issued', t1, 'waiting');
  o.ticket('called', t1, 'called', { counterId: 'c1' });
  o.ticket('skipped', t1, 'skipped', { counterId: 'c1' });
  o.ticket('returned', t1, 'waiting');
  o.ticket('called', t1, 'called', { counterId: 'c1' });
  o.ticket('redirected', t1, 'redirected', { counterId: 'c1' });
  o.ticket('issued', t2, 'waiting', { serviceId: 'svc-dat-dai', data: { source: 'staff', redirectedFrom: t1 } });
  o.ticket('called', t2, 'called', { counterId: 'c2', serviceId: 'svc-dat-dai' });
  o.ticket('finished', t2, 'finished', { counterId: 'c2', serviceId: 'svc-dat-dai' });
  o.rating(t1, 'hai_long', undefined, true);
  o.rating(t2, 'very_satisfied', undefined, false);

  const [d1, d2] = [randomUUID(), randomUUID()];
  const first = '2026-03-05T09:00:00.000Z';
  const later = '2026-03-10T09:00:00.000Z';
  o.dossier('received', d1, 'received', { code: 'M-0001', dueAt: first });
  o.dossier('extended', d1, 'received', { code: 'M-0001', dueAt: later, at: '2026-03-04T03:00:00.000Z', data: { previousDueAt: first, newDueAt: later } });
  o.dossier('resultReady', d1, 'result_ready', { code: 'M-0001', dueAt: later, at: '2026-03-06T02:00:00.000Z' });
  o.dossier('returned', d1, 'returned', { code: 'M-0001', dueAt: later, at: '2026-03-07T02:00:00.000Z', returnedAt: '2026-03-07T02:00:00.000Z' });
  o.dossier('rated', d1, 'returned', {
    code: 'M-0001', dueAt: later, at: '2026-03-07T02:05:00.000Z', returnedAt: '2026-03-07T02:00:00.000Z', data: { score: 'rat_hai_long', satisfied: true },
  });
  o.dossier('received', d2, 'received', { code: 'M-0002', dueAt: first });
  o.dossier('resultReady', d2, 'result_ready', { code: 'M-0002', dueAt: first, at: '2026-03-05T03:00:00.000Z' });
  return o;
}

/** Back to schema 7, as a central of the last release left it: migrations 009 (appointments) and 008 undone. */
async function undo008(db: Db): Promise<void> {
  for (const sql of [
    'DROP TABLE appointment_rules, appointments, appointment_seats',
    'DELETE FROM schema_version WHERE version = 9',
    'ALTER TABLE tickets DROP COLUMN first_called_at, DROP COLUMN continues',
    'ALTER TABLE dossiers DROP COLUMN result_ready_at, DROP COLUMN first_previous_due_at, DROP COLUMN rated_at, DROP COLUMN rating_satisfied',
    'ALTER TABLE ratings DROP COLUMN satisfied',
    'DROP TABLE site_days',
    'DROP INDEX dossiers_site_received, tickets_site_day, ratings_site_rated, dossiers_open_due',
    ...provinceIndexes,
    `DELETE FROM central_settings WHERE key = 'site_days_definition'`,
    'DELETE FROM schema_version WHERE version = 8',
  ]) await db.query(sql);
}

describe.each(engines)("the province's figures as the hubs count them (%s)", (engine) => {
  it('scores first calls, continuations, extensions, results ready and every rating, and migration 008 fills them from the log', async () => {
    const { db, dispose } = await openTestDb(engine);
    const central = await startTestCentral(db);
    try {
      const o = march(`xa-${randomUUID().slice(0, 8)}`);
      const credential = await createSite(central.url, o.siteId);
      expect((await pushBatch(central.url, credential, o.request(o.events))).json).toMatchObject({ ackedThrough: o.events.length, rejections: [] });
      const period = parsePeriod('2026-03-01', '2026-03-31');
      if (!period.ok) throw new Error(period.message);
      const now = new Date('2026-04-01T03:00:00Z');
      const figures = async () => (await provinceReport(db, period.period, now)).sites.find((s) => s.siteId === o.siteId)!;

      const before = await figures();
      expect(before.dossiers).toEqual({ received: 2, handled: 2, early: 0, onTime: 1, late: 1, onTimeShare: 0.5, overdue: 0 });
      expect(before.tickets).toEqual({ issued: 1, served: 2, noShow: 0, meanWaitMinutes: 1 });
      expect(before.ratings).toEqual({ count: 3, satisfied: 2, satisfiedShare: 2 / 3 });

      // A central upgraded over this site's log: the same figures, the same projections.
      const projected = (await foldAndStored(db, o.siteId, decodersV1)).stored;
      await central.close();
      await undo008(db);
      await prepareDatabase(db);
      expect(await figures()).toEqual(before);
      expect((await foldAndStored(db, o.siteId, decodersV1)).stored).toEqual(projected);
    } finally {
      await central.close().catch(() => undefined);
      await dispose();
    }
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '../../central/reports/period';
import { provinceReport } from '../../central/reports/province';
import { createSite } from '../central/helpers';
import { startReportWeek, WEEK, type ReportWeek } from '../support/report-week';
import { startCentralUnderTest, waitFor, type CentralUnderTest } from './rig';

/**
 * The province scores a desk as the desk's own reports do: the hand-built week of the hub's report
 * tests (test/support/report-week.ts: an extension, a redirected ticket, a ticket called twice,
 * ratings, a worked Saturday and a holiday), synced to a central, gives the same figures on the
 * province's page as on the supervisor's screen.
 */
describe("the province's figures of a site are its hub's", () => {
  let w: ReportWeek;
  let central: CentralUnderTest;
  const siteId = `xa-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    w = await startReportWeek();
    central = await startCentralUnderTest('pglite');
    const credential = await createSite(central.url, siteId, 'UBND xã Ia Dom');
    await (await w.hub.admin())['admin.enrollSync']({ centralUrl: central.url, siteId, credential });
  }, 120_000);
  afterAll(async () => {
    await w?.hub.close();
    await central?.dispose();
  });

  it('counts, scores and times the week the same way', async () => {
    const boss = await w.as('truong');
    await waitFor('the week synced', async () => {
      const s = await boss['sync.now']({});
      return s.pendingEvents === 0 && s.lastError === null && s.online ? s : null;
    }, 60_000);
    const queue = await boss['reports.queue'](WEEK);
    const dossiers = await boss['reports.dossiers'](WEEK);
    const satisfaction = await boss['reports.satisfaction'](WEEK);
    // The hand-worked answers (week.test.ts), so that a hub and a central wrong alike do not pass.
    expect([queue.counts.issued, queue.wait.meanMinutes, dossiers.handled.late, satisfaction.all.total]).toEqual([8, 11.6, 1, 4]);

    const period = parsePeriod(WEEK.from, WEEK.to);
    if (!period.ok) throw new Error(period.message);
    const report = await provinceReport(central.db, period.period, new Date(w.clock.now()));
    const site = report.sites.find((s) => s.siteId === siteId)!;
    expect(site.dossiers).toEqual({
      received: dossiers.received.total, handled: dossiers.handled.total, early: dossiers.handled.early, onTime: dossiers.handled.onTime,
      late: dossiers.handled.late, onTimeShare: dossiers.handled.onTimeShare, overdue: dossiers.overdue.length,
    });
    expect(site.tickets).toEqual({ issued: queue.counts.issued, served: queue.counts.served, noShow: queue.counts.noShow, meanWaitMinutes: queue.wait.meanMinutes });
    expect(site.ratings).toEqual({ count: satisfaction.all.total, satisfied: satisfaction.all.satisfied, satisfiedShare: satisfaction.all.satisfiedShare });
  });
});

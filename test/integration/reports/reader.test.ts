import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fallbackLogger } from '../../../common/node/logger';
import type { SatisfactionJob } from '../../../main/node/reports/report-jobs';
import { ReportReader } from '../../../main/node/reports/report-reader';
import { FakeClock } from '../../support/clock';
import { ALL_DAY, startTestHub, type TestHub } from '../../support/hub';

/** A year up to today (the hub's clock): the days before today are written in bulk. */
const YEAR = { from: '2025-11-21', to: '2026-11-20' };
const DAYS = 364;
/** Tickets a day: enough that the year's report keeps its thread busy for a while. */
const PER_DAY = 400;

/**
 * The period reports run in a thread of their own with its own connection (main/node/reports):
 * a year's report does not hold up the desk, and a thread that fails is replaced.
 */
describe('the report reader', () => {
  const clock = new FakeClock('2026-11-20T09:00:00+07:00');
  let hub: TestHub;
  let serviceId: string;

  beforeAll(async () => {
    hub = await startTestHub({ clock: clock.now });
    const admin = await hub.admin();
    await admin['site.update']({ queueHours: ALL_DAY });
    serviceId = (await hub.catalog()).services[0]!.id;
    await hub.stop();
    // A year of a busy desk up to yesterday, written straight to the file: every day, PER_DAY
    // tickets issued, called and finished, with their events (what the report reads).
    const db = new Database(join(hub.dataDir, 'motcua.sqlite'));
    const sequenceId = (db.prepare('SELECT sequence_id FROM services WHERE id = ?').pluck().get(serviceId) as string);
    db.exec(`
      CREATE TEMP TABLE bulk AS
        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${DAYS * PER_DAY} - 1)
        SELECT i, date('${YEAR.from}', '+' || (i / ${PER_DAY}) || ' days') AS day, 'bulk-' || i AS id,
          (unixepoch(date('${YEAR.from}', '+' || (i / ${PER_DAY}) || ' days')) + 3600 + (i % ${PER_DAY}) * 60) * 1000 AS issued_at FROM n;
      INSERT INTO tickets (id, service_date, sequence_id, number, display_code, service_id, source, status, issued_at, queue_entered_at, called_at, started_at, finished_at)
        SELECT id, day, '${sequenceId}', i % ${PER_DAY} + 1, 'A' || (i % ${PER_DAY} + 1), '${serviceId}', 'kiosk', 'finished', issued_at, issued_at, issued_at + 720000, issued_at + 780000, issued_at + 1200000 FROM bulk;
      INSERT INTO ticket_events (event_id, ticket_id, type, at, service_date, service_id)
        SELECT b.id || '-' || k.type, b.id, k.type, b.issued_at + k.after_ms, b.day, '${serviceId}'
        FROM bulk b CROSS JOIN (SELECT 'issued' AS type, 0 AS after_ms UNION ALL SELECT 'called', 720000 UNION ALL SELECT 'started', 780000 UNION ALL SELECT 'finished', 1200000) k
        ORDER BY b.i, k.after_ms;
    `);
    db.close();
    await hub.start();
  }, 300_000);
  afterAll(async () => {
    await hub?.close();
  });

  it("issues a ticket while a year's report is being made: the ticket's answer comes first", async () => {
    const boss = await hub.admin();
    const kiosk = (await hub.device('kiosk')).client;
    const answered: string[] = [];
    const report = boss['reports.queue'](YEAR).then((r) => {
      answered.push('report');
      return r;
    });
    // Let the report's request reach the hub first (the ticket's would otherwise win by arriving first).
    await new Promise((r) => setTimeout(r, 100));
    await kiosk['tickets.issue']({ serviceId, priorityClassId: null }).then(() => answered.push('ticket'));
    const year = await report;
    expect(answered).toEqual(['ticket', 'report']);
    // The ticket of today is in the year too.
    expect(year.counts.issued).toBe(DAYS * PER_DAY + 1);
    expect(year.counts.served).toBe(DAYS * PER_DAY);
  }, 120_000);

  it('answers a report that failed in its thread with REPORT_FAILED, and starts a new thread for the next', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-reader-'));
    const file = join(dir, 'motcua.sqlite');
    const reader = new ReportReader({ file, nativeBinding: null, log: fallbackLogger('hub') });
    const admin = await hub.admin();
    const job: SatisfactionJob = {
      input: YEAR, scope: { ...YEAR, staffId: null, ownFiguresOnly: false }, rating: (await admin['site.get']({})).rating, counters: [], staffNames: {},
    };
    try {
      // No database there yet: the thread dies opening it.
      await expect(reader.run('satisfaction', job)).rejects.toMatchObject({ code: 'REPORT_FAILED', message: expect.stringContaining('Không lập được báo cáo') });
      await hub.stop();
      copyFileSync(join(hub.dataDir, 'motcua.sqlite'), file);
      await hub.start();
      expect((await reader.run('satisfaction', job)).all.total).toBe(0);
    } finally {
      await reader.close();
      rmSync(dir, { recursive: true, force: true });
    }
    await expect(reader.run('satisfaction', job)).rejects.toMatchObject({ code: 'REPORT_FAILED', message: expect.stringContaining('đang dừng') });
  }, 120_000);
});

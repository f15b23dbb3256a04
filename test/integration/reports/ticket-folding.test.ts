import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../../contract/client';
import { FakeClock } from '../../support/clock';
import { ALL_DAY, startTestHub, type TestHub } from '../../support/hub';

/**
 * The ticket events reach the reports' folds a second behind, off the ticket's own path
 * (migration 011, main/node/hub/ticket-folding.ts). A queue report still counts every ticket
 * issued before it was asked, and the folds catch up on their own when nobody asks.
 */
describe('the ticket events folded for the reports after they are written', () => {
  const clock = new FakeClock('2026-11-25T09:00:00+07:00');
  let hub: TestHub;
  let kiosk: HubClient;
  let serviceId: string;
  const folded = () => {
    const db = new Database(join(hub.dataDir, 'motcua.sqlite'), { readonly: true });
    try {
      return db.prepare('SELECT count(*) FROM report_ticket_turns').pluck().get() as number;
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    hub = await startTestHub({ clock: clock.now });
    const admin = await hub.admin();
    await admin['site.update']({ queueHours: ALL_DAY });
    serviceId = (await admin['catalog.get']({})).services[0]!.id;
    kiosk = (await hub.device('kiosk')).client;
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('counts in a queue report the tickets issued a moment before, though the folds had not run', async () => {
    // The every-second folding stopped: only the report itself can fold what it reads.
    await hub.running.hub.folding.stop();
    for (let i = 0; i < 3; i++) await kiosk['tickets.issue']({ serviceId, priorityClassId: null });
    expect(folded()).toBe(0);
    const report = await (await hub.admin())['reports.queue']({ from: '2026-11-25', to: '2026-11-25' });
    expect(report.counts.issued).toBe(3);
    expect(folded()).toBe(3);
  });

  it('folds the new tickets by itself, with no report asked', async () => {
    hub.running.hub.folding.start();
    for (let i = 0; i < 2; i++) await kiosk['tickets.issue']({ serviceId, priorityClassId: null });
    await expect.poll(folded, { timeout: 10_000 }).toBe(5);
  });
});

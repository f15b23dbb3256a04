import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../central/db/db';
import { MAX_BACKOFF_MS } from '../../main/core/sync-rules';
import { createSite, openTestDb, startTestCentral } from '../central/helpers';
import { FaultProxy } from '../support/fault-proxy';
import { startTestHub, type TestHub } from '../support/hub';
import { siteWorkload, type SiteWorkload } from '../support/site-workload';
import { waitFor } from './rig';

/** How far ahead the worker's next try is, as the sync panel reads it (the hub's clock). */
const nextTryIn = (s: { checkedAt: string; nextAttemptAt: string | null }) => Date.parse(s.nextAttemptAt!) - Date.parse(s.checkedAt);

/**
 * Retries after failures with the production cap (30 s) against a real central (PGlite) behind a
 * fault proxy: however many failures, the next try is planned at most 30 s ahead (unless the
 * central asks for longer with Retry-After) and shown; when the link comes back the hub sends
 * what waited by itself, at that planned try. Waits are asserted on the plan, not on the clock.
 */
describe('sync retries after an outage', () => {
  let hub: TestHub;
  let db: { db: Db; dispose(): Promise<void> };
  let central: { url: string; close(): Promise<void> };
  let proxy: FaultProxy;
  let w: SiteWorkload;

  beforeAll(async () => {
    // The production backoff (no maxBackoffMs); a fixed jitter of half the window.
    hub = await startTestHub({ sync: { idleIntervalMs: 300, debounceMs: 100, timeoutMs: 3000, random: () => 0.5 } });
    db = await openTestDb('pglite');
    central = await startTestCentral(db.db);
    proxy = await FaultProxy.start(central.url);
    w = await siteWorkload(hub);
    await (await hub.admin())['admin.enrollSync']({ centralUrl: proxy.url, siteId: 'xa-mat-mang', credential: await createSite(central.url, 'xa-mat-mang') });
    await w.issue();
    expect(await w.officer['sync.now']({})).toMatchObject({ online: true, pendingEvents: 0 });
  });
  afterAll(async () => {
    await hub?.close();
    await proxy?.close();
    await central?.close();
    await db?.dispose();
  });

  it('plans the next try at most 30 s ahead after many failures, and at least what Retry-After asks', async () => {
    proxy.inject({ kind: 'status', status: 503 }, { times: 1_000_000 });
    let s = await w.officer['sync.now']({});
    for (let i = 0; i < 12; i++) s = await w.officer['sync.now']({});
    expect(s.online).toBe(false);
    // Twelve failures: 2¹² s uncapped, 150 s with the old 5-minute cap; half of 30 s now.
    expect(nextTryIn(s)).toBeGreaterThan(0);
    expect(nextTryIn(s)).toBeLessThanOrEqual(MAX_BACKOFF_MS);
    expect(nextTryIn(s)).toBeGreaterThanOrEqual(MAX_BACKOFF_MS / 2 - 1000);

    proxy.clear();
    proxy.inject({ kind: 'status', status: 503, headers: { 'retry-after': '120' } }, { times: 1_000_000 });
    s = await w.officer['sync.now']({});
    expect(nextTryIn(s)).toBeGreaterThan(119_000);
  });

  it('sends what waited by itself once the link is back, at the planned try', async () => {
    proxy.clear();
    proxy.inject({ kind: 'status', status: 503 }, { times: 1_000_000 });
    for (let i = 0; i < 12; i++) await w.officer['sync.now']({});
    await w.issue();
    await w.issue();
    const down = await w.officer['sync.status']({});
    expect(down.pendingEvents).toBe(2);
    expect(nextTryIn(down)).toBeLessThanOrEqual(MAX_BACKOFF_MS);
    const planned = Date.parse(down.nextAttemptAt!);

    proxy.clear(); // the link is back; nobody presses "Đồng bộ ngay"
    const up = await waitFor('the waiting events sent', async () => {
      const s = await w.officer['sync.status']({});
      return s.pendingEvents === 0 && s.online ? s : null;
    }, 2 * MAX_BACKOFF_MS);
    // The run that sent them is the one planned while the link was down (or a later one, never an earlier).
    expect(Date.parse(up.lastSuccessAt!)).toBeGreaterThanOrEqual(planned);
  });
});

import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engines, type Engine } from '../central/helpers';
import { readSite, useSyncRigs, waitFor, type Rig } from './rig';

const DAY = 86_400_000;
const EVENTS = /\/events$/;

/** A rejection the central sent for one of this site's events (staff still read it, with the event's type). */
function addRejection(r: Rig, seq: number): void {
  const db = new Database(join(r.hub.dataDir, 'motcua.sqlite'));
  try {
    const e = db.prepare('SELECT event_id FROM outbox WHERE seq = ?').get(seq) as { event_id: string };
    db.prepare("INSERT INTO sync_rejections (seq, event_id, code, message, at) VALUES (?, ?, 'PAYLOAD_INVALID', 'thử', ?)").run(seq, e.event_id, Date.now());
  } finally {
    db.close();
  }
}

/**
 * Outbox retention (docs/SYNC.md, "Retention") against a real central: rows the central
 * acknowledged longer ago than the admin's retention are pruned, and nothing else — not an event
 * still waiting (however old), not a rejected one; seqs go on after the pruned ones, never reused,
 * and the central's streams stay gap-free while the site syncs on.
 */
describe.each(engines)('outbox retention (%s)', (engine: Engine) => {
  const t = useSyncRigs(engine);

  it('prunes what the central acknowledged after the retention, keeps what waits, and syncs on', async () => {
    const r = await t.rig();
    const admin = await r.hub.accounts.admin();
    expect((await admin['sync.status']({})).outboxRetentionDays).toBe(90);
    expect(await admin['admin.saveSyncSettings']({ outboxRetentionDays: 30 })).toMatchObject({ outboxRetentionDays: 30 });

    // Acknowledged: a served ticket and a dossier.
    await r.serve(2);
    await r.receive();
    await r.settle();
    const acknowledged = readSite(r.hub.dataDir).outbox;
    addRejection(r, acknowledged[1]!.seq);

    // The central unreachable: these wait.
    r.proxy.inject({ kind: 'status', status: 503 }, { path: EVENTS, times: 1_000_000 });
    await r.serve(1);
    const waiting = readSite(r.hub.dataDir).outbox.slice(acknowledged.length);
    expect(waiting.length).toBeGreaterThan(0);

    // Five weeks on (the site's clock; a Thursday again), still unreachable: a run prunes the acknowledged rows only.
    r.clock.set(r.clock.now() + 35 * DAY);
    await r.relogin();
    await r.syncNow();
    const after = await waitFor('pruning', () => {
      const seqs = readSite(r.hub.dataDir).outbox.map((e) => e.seq);
      return seqs.length < acknowledged.length + waiting.length ? seqs : null;
    });
    expect(after).toEqual([acknowledged[1]!.seq, ...waiting.map((e) => e.seq)]);
    const s = await r.status();
    expect(s.pendingEvents).toBe(waiting.length);
    expect(s.rejections.map((x) => x.seq)).toEqual([acknowledged[1]!.seq]);

    // The link back: the waiting events go (and, acknowledged now and older than the retention,
    // are pruned in turn); a new one follows with the next seq; all gap-free at the central.
    await r.issue();
    await r.settle();
    const site = readSite(r.hub.dataDir);
    expect(site.outbox.map((e) => e.seq)).toEqual([acknowledged[1]!.seq, acknowledged.length + waiting.length + 1]);
    const pruned = new Set([...acknowledged, ...waiting].filter((e) => e.seq !== acknowledged[1]!.seq).map((e) => e.event_id));
    await r.verify({ prunedAtSite: pruned });
  });

  it('stops for the admin when the central asks again for events the hub pruned, never sending a stream with a hole', async () => {
    const r = await t.rig();
    await r.serve(2);
    await r.settle();
    r.clock.set(r.clock.now() + 91 * DAY); // a Thursday again, 13 weeks on
    await r.relogin();
    await r.settle();
    expect(readSite(r.hub.dataDir).outbox).toEqual([]);
    // The central comes back from a backup older than the retention: it lost seqs 4–10.
    await t.central.db.transaction(async (tx) => {
      const gone = (await tx.query<{ event_id: string }>('DELETE FROM event_index WHERE site_id = $1 AND seq > 3 RETURNING event_id', [r.siteId])).map((x) => x.event_id);
      await tx.query('DELETE FROM events WHERE site_id = $1 AND event_id = ANY($2::uuid[])', [r.siteId, gone]);
      await tx.query('UPDATE streams SET last_seq = 3 WHERE site_id = $1', [r.siteId]);
    });
    await r.issue();
    const s = await waitFor('the stop', async () => {
      const v = await r.status();
      return v.lastError?.code === 'STREAM_GAP' ? v : null;
    });
    expect(s.lastError!.message).toMatch(/cần quản trị viên bắt đầu luồng mới/);
    expect(s.pendingEvents).toBe(1);
    expect(readSite(r.hub.dataDir).streams.at(-1)!.acked_through).toBe(10);
    const [row] = await t.central.db.query<{ last_seq: number }>('SELECT last_seq FROM streams WHERE site_id = $1', [r.siteId]);
    expect(Number(row!.last_seq)).toBe(3);
  });

  it('keeps everything while the retention has not passed', async () => {
    const r = await t.rig();
    await r.serve(1);
    await r.settle();
    const before = readSite(r.hub.dataDir).outbox.length;
    r.clock.set(r.clock.now() + 89 * DAY);
    await r.relogin();
    await r.settle();
    expect(readSite(r.hub.dataDir).outbox.length).toBe(before);
    await r.verify();
  });
});

import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../../contract/client';
import { RESTORED_FROM_KEY, RestoreRecord } from '../../../contract/restore';
import { listSets } from '../../../main/node/backup/backup-sets';
import { siteWorkload, type SiteWorkload } from '../../support/site-workload';
import { startTestHub, type TestHub } from '../../support/hub';

/** A PNG "scan" with content of its own (the hub checks only the first bytes of a PNG). */
const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(3000)]).toString('base64');

function readDb<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

const setting = (db: Database.Database, key: string): unknown => {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? JSON.parse(row.value) : null;
};

/**
 * A backup taken by the hub itself while the counters work, restored from the admin screen: the
 * set is consistent (every event the copy holds is in its outbox with no gap, every scan it
 * names is there and intact), and the restore keeps the database it replaces, starts a new sync
 * stream and leaves the record the recovery from the central reads.
 */
describe('a backup taken during a burst of intake, restored from the admin screen', () => {
  let hub: TestHub;
  let admin: HubClient;
  let work: SiteWorkload;

  beforeAll(async () => {
    // One page per step: the copy is cut into as many pieces as it can be, and intake lands between them.
    hub = await startTestHub({ backup: { pagesPerStep: 1 } });
    admin = await hub.admin();
    work = await siteWorkload(hub);
  });
  afterAll(() => hub.close());

  it('takes a consistent set while tickets, dossiers and scans are being written', async () => {
    const scanned = async () => {
      const d = await work.receive();
      await work.officer['dossiers.attachScan']({ dossierId: d.id, documentIndex: null, fileName: 'giay-to.png', mime: 'image/png', dataBase64: png() });
      return d;
    };
    await Promise.all([scanned(), scanned()]);
    const writes: Promise<unknown>[] = [];
    let writing = true;
    // Counters keep writing, a ticket and a dossier with its scan at a time, until the copy is done.
    const burst = (async () => {
      while (writing && writes.length < 400) {
        const step = [work.issue(), scanned()];
        writes.push(...step);
        await Promise.all(step);
      }
    })();
    const created = await admin['backups.create']({});
    writing = false;
    await burst;
    // Not a timed claim: only that the copy did interleave with the burst rather than run before it.
    expect(writes.length).toBeGreaterThan(2);

    const [set] = await listSets(join(hub.dataDir, 'backups'));
    expect(set!.manifest.id).toBe(created.local.id);
    const copy = join(set!.dir, 'motcua.sqlite');
    const facts = readDb(copy, (db) => ({
      integrity: db.pragma('integrity_check', { simple: true }),
      outbox: db.prepare('SELECT count(*) AS n, max(seq) AS m FROM outbox').get() as { n: number; m: number },
      tickets: (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n,
      ticketEvents: (db.prepare("SELECT count(*) AS n FROM outbox WHERE type = 'ticket.issued'").get() as { n: number }).n,
      files: db.prepare('SELECT sha256 FROM dossier_files').all() as { sha256: string }[],
    }));
    expect(facts.integrity).toBe('ok');
    expect(facts.outbox.n).toBe(facts.outbox.m); // gap-free: a copy of one moment, not pages of several
    expect(set!.manifest.outboxMaxSeq).toBe(facts.outbox.m);
    expect(facts.ticketEvents).toBe(facts.tickets);
    expect(set!.manifest.scans.map((s) => s.sha256).sort()).toEqual(facts.files.map((f) => f.sha256).sort());
    for (const s of set!.manifest.scans) expect(existsSync(join(hub.dataDir, 'backups', 'files', s.sha256.slice(0, 2), s.sha256))).toBe(true);
    const list = await admin['backups.list']({});
    expect(list.local.sets.map((s) => s.id)).toContain(created.local.id);
    expect(list.summary).toMatch(/^Bản sao lưu gần nhất: vừa xong, trong thư mục dữ liệu /);
  });

  it('refuses a set that is not there with NOT_FOUND, and writes nothing (not even its audit line)', async () => {
    const count = () => readDb(join(hub.dataDir, 'motcua.sqlite'), (db) => (db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'backups.restoreRequested'").get() as { n: number }).n);
    const before = count();
    await expect(admin['backups.restore']({ id: ' ', location: 'local' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(admin['backups.restore']({ id: 'khong-co', location: 'second' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(count()).toBe(before);
  });

  it('restores it: the current database kept aside, a new sync stream, the restoredFrom record', async () => {
    const [set] = await listSets(join(hub.dataDir, 'backups'));
    const live = join(hub.dataDir, 'motcua.sqlite');
    const before = readDb(live, (db) => ({ incarnation: setting(db, 'incarnation') as string, tickets: (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n }));
    await work.issue(); // made after the copy: only the database kept aside has it
    const scansBefore = set!.manifest.scans;

    const answer = await admin['backups.restore']({ id: set!.manifest.id, location: 'local' });
    expect(answer).toMatchObject({ backupId: set!.manifest.id, restarting: true });
    await hub.restartedOnRequest();

    const aside = readdirSync(hub.dataDir).filter((f) => /^motcua\.sqlite\.before-restore-[^-]/.test(f) && !/-(wal|shm)$/.test(f));
    expect(aside).toHaveLength(1);
    expect(readDb(join(hub.dataDir, aside[0]!), (db) => (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n)).toBe(before.tickets + 1);

    const after = readDb(live, (db) => ({
      tickets: (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n,
      incarnation: setting(db, 'incarnation') as string,
      record: RestoreRecord.parse(setting(db, RESTORED_FROM_KEY)),
      streams: db.prepare('SELECT incarnation, base_seq, acked_through FROM sync_streams').all() as { incarnation: string; base_seq: number; acked_through: number }[],
    }));
    expect(after.tickets).toBe(readDb(join(set!.dir, 'motcua.sqlite'), (db) => (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n));
    expect(after.incarnation).not.toBe(before.incarnation);
    expect(after.record).toMatchObject({
      backupId: set!.manifest.id, backupIncarnation: before.incarnation, previousIncarnation: before.incarnation, newIncarnation: after.incarnation,
      backupAckedThrough: set!.manifest.ackedThrough, backupOutboxMaxSeq: set!.manifest.outboxMaxSeq, recoveredAt: null,
      previousDatabaseKeptAt: join(hub.dataDir, aside[0]!),
    });
    expect(after.streams.find((s) => s.incarnation === after.incarnation)).toEqual({ incarnation: after.incarnation, base_seq: set!.manifest.ackedThrough + 1, acked_through: set!.manifest.ackedThrough });
    expect(JSON.parse(readFileSync(join(hub.dataDir, 'sync-marker.json'), 'utf8'))).toEqual({ incarnation: after.incarnation, ackedThrough: set!.manifest.ackedThrough });

    // The restored hub serves: its scans open intact, new numbers are issued.
    const officer = await hub.staff('sau-khoi-phuc');
    expect(await officer['dossiers.search']({ q: 'Hường', limit: 5 })).not.toHaveLength(0);
    expect(scansBefore.length).toBeGreaterThan(0);
    const fileId = readDb(live, (db) => (db.prepare('SELECT id FROM dossier_files LIMIT 1').get() as { id: string }).id);
    expect((await officer['dossiers.openScan']({ fileId })).dataBase64.length).toBeGreaterThan(0);
  });
});

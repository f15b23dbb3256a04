import Database from 'better-sqlite3';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESTORED_FROM_KEY, RestoreRecord } from '../../../contract/restore';
import { listSets } from '../../../main/node/backup/backup-sets';
import { applyStagedRestore, restorePending, stageRestore, type ApplyStep } from '../../../main/node/backup/restore';
import { readMarker } from '../../../main/node/sync/marker';
import { siteWorkload } from '../../support/site-workload';
import { startTestHub } from '../../support/hub';

const STEPS: ApplyStep[] = ['recorded', 'set-aside', 'stream-started', 'in-place', 'scans', 'marker'];

function facts(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const setting = (key: string) => {
      const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
      return row ? (JSON.parse(row.value) as unknown) : null;
    };
    return {
      tickets: (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n,
      incarnation: setting('incarnation') as string,
      restoredFrom: setting(RESTORED_FROM_KEY),
      streams: db.prepare('SELECT incarnation FROM sync_streams').all() as { incarnation: string }[],
    };
  } finally {
    db.close();
  }
}

/**
 * A power cut at any point of applying a staged restore: the next start finishes the same restore —
 * the restored database in place with the same record, the replaced one kept aside where the record
 * says — rather than setting the restored database aside and opening an empty one.
 */
describe('applying a staged restore, cut short at each step and run again', () => {
  let template: string;
  let backupTickets: number;
  let liveTickets: number;
  let liveIncarnation: string;
  let backupId: string;

  beforeAll(async () => {
    const hub = await startTestHub();
    const work = await siteWorkload(hub);
    await work.issue();
    await work.issue();
    const admin = await hub.admin();
    backupId = (await admin['backups.create']({})).local.id;
    // Numbers after the backup: the live database differs from the copy.
    await work.issue();
    await hub.stop();
    template = hub.dataDir;
    const [set] = await listSets(join(template, 'backups'));
    await stageRestore(template, set!, null);
    backupTickets = facts(join(set!.dir, 'motcua.sqlite')).tickets;
    const live = facts(join(template, 'motcua.sqlite'));
    liveTickets = live.tickets;
    liveIncarnation = live.incarnation;
    expect(liveTickets).toBeGreaterThan(backupTickets);
  });
  afterAll(() => rmSync(template, { recursive: true, force: true }));

  it.each(STEPS)('cut after "%s": the next start finishes the same restore', (step) => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-restore-cut-'));
    try {
      cpSync(template, dir, { recursive: true });
      expect(() => applyStagedRestore(dir, Date.parse('2026-03-02T01:00:00Z'), undefined, (at) => {
        if (at === step) throw new Error('power cut');
      })).toThrow('power cut');
      expect(restorePending(dir)).toBe(true);
      const { record } = applyStagedRestore(dir, Date.parse('2026-03-02T01:05:00Z'));
      expect(restorePending(dir)).toBe(false);
      expect(existsSync(join(dir, 'restore-staging'))).toBe(false);

      const restored = facts(join(dir, 'motcua.sqlite'));
      expect(restored.tickets).toBe(backupTickets);
      expect(restored.incarnation).toBe(record.newIncarnation);
      expect(restored.streams.filter((s) => s.incarnation === record.newIncarnation)).toHaveLength(1);
      // The record is the one made before the cut (its time), naming the database replaced.
      expect(RestoreRecord.parse(restored.restoredFrom)).toEqual(record);
      expect(record).toMatchObject({ at: '2026-03-02T01:00:00.000Z', backupId, previousIncarnation: liveIncarnation });
      expect(facts(record.previousDatabaseKeptAt!).tickets).toBe(liveTickets);
      expect(readMarker(dir)).toEqual({ incarnation: record.newIncarnation, ackedThrough: record.backupAckedThrough });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

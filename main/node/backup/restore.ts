import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { HubError } from '../../../contract/errors';
import { RESTORED_FROM_KEY, type RestoreRecord } from '../../../contract/restore';
import { writeFileAtomic } from '../../../common/node/atomic-file';
import { withCopy } from '../db/backup-store';
import { migrations } from '../db/migrations';
import { SiteStore } from '../db/site-store';
import { SyncStore } from '../db/sync-store';
import { writeMarker } from '../sync/marker';
import { databaseFileOf, DB_FILE, Manifest, scanFileOf, type StoredSet } from './backup-sets';
import { copyFileHashed, plain, type Transform } from './file-copy';

/**
 * Restoring a set, in two steps:
 *
 * 1. **stage** (while the hub still runs, or from the CLI): copy the set into
 *    `<data>/restore-staging/` — decrypting it — and check everything before anything is
 *    touched: every file's SHA-256 against the manifest, `PRAGMA integrity_check` on the database,
 *    and a schema this code knows. Then `ready.json` says the staging is complete.
 * 2. **apply** (with no database open: at the hub's next start, or by the CLI): the current
 *    database (with its WAL) is renamed aside with the time, never deleted; the staged database
 *    gets a new sync stream and the `restoredFrom` record (contract/restore.ts) and takes its
 *    place; the set's scans are put back where missing; `sync-marker.json` names the new stream.
 *    Every step can run again after a power cut until `ready.json` is removed, last.
 */
export const STAGING = 'restore-staging';
const READY = 'ready.json';
const Ready = z.object({ manifest: Manifest, stagedAt: z.string() });

export async function stageRestore(dataDir: string, set: StoredSet, key: Buffer | null, nativeBinding?: string): Promise<void> {
  const staging = join(dataDir, STAGING);
  await rm(staging, { recursive: true, force: true });
  await mkdir(join(staging, 'scans'), { recursive: true });
  try {
    const m = set.manifest;
    const how: Transform = m.encrypted ? decryptWith(key) : plain;
    const latest = migrations[migrations.length - 1]!.version;
    if (m.schemaVersion > latest) {
      throw new HubError('DB_FROM_FUTURE', `Bản sao lưu ${m.id} được tạo bởi phiên bản phần mềm mới hơn (dữ liệu phiên bản ${m.schemaVersion}, phần mềm này biết đến ${latest}). Hãy cài phiên bản mới hơn trước khi khôi phục.`);
    }
    const dbFile = join(staging, DB_FILE);
    const db = await copyFileHashed(databaseFileOf(set), dbFile, how);
    if (db.sha256 !== m.database.sha256) throw invalid(m.id, 'tệp cơ sở dữ liệu không khớp mã băm trong bảng kê');
    const integrity = withCopy(dbFile, (s) => s.integrity(), nativeBinding);
    if (integrity !== 'ok') throw invalid(m.id, `kiểm tra toàn vẹn báo lỗi: ${integrity}`);
    const root = join(set.dir, '..', '..');
    for (const scan of m.scans) {
      const to = join(staging, ...scan.path.split('/'));
      await mkdir(dirname(to), { recursive: true });
      const copied = await copyFileHashed(scanFileOf(root, scan.sha256, m.encrypted), to, how).catch((e: unknown) => {
        if (e instanceof HubError) throw e;
        throw invalid(m.id, `thiếu bản quét ${scan.path}`);
      });
      if (copied.sha256 !== scan.sha256) throw invalid(m.id, `bản quét ${scan.path} không khớp mã băm`);
    }
    writeFileAtomic(join(staging, READY), JSON.stringify({ manifest: m, stagedAt: new Date().toISOString() }));
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  }
}

/** Whether a staged restore waits to be applied (the hub applies it before opening the database). */
export function restorePending(dataDir: string): boolean {
  return existsSync(join(dataDir, STAGING, READY));
}

export interface AppliedRestore {
  readonly record: RestoreRecord;
}

/**
 * Puts a staged set in place. The caller holds the data folder's lock and has no connection to
 * the database open.
 */
export function applyStagedRestore(dataDir: string, now: number, nativeBinding?: string): AppliedRestore {
  const staging = join(dataDir, STAGING);
  const { manifest } = Ready.parse(JSON.parse(readFileSync(join(staging, READY), 'utf8')));
  const live = join(dataDir, DB_FILE);
  const staged = join(staging, DB_FILE);
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  let previousIncarnation: string | null = null;
  let previousDatabaseKeptAt: string | null = null;
  if (existsSync(live)) {
    previousIncarnation = readIncarnation(live, nativeBinding);
    previousDatabaseKeptAt = `${live}.before-restore-${stamp}`;
    // The WAL and its index belong to that database: left behind, SQLite would replay them into the copy.
    for (const suffix of ['-wal', '-shm', '']) if (existsSync(live + suffix)) renameSync(live + suffix, previousDatabaseKeptAt + suffix);
  }
  const record: RestoreRecord = {
    at: new Date(now).toISOString(),
    backupId: manifest.id,
    backupTakenAt: manifest.takenAt,
    backupIncarnation: manifest.incarnation ?? randomUUID(),
    backupAckedThrough: manifest.ackedThrough,
    backupOutboxMaxSeq: manifest.outboxMaxSeq,
    previousIncarnation,
    previousDatabaseKeptAt,
    newIncarnation: randomUUID(),
    recoveredAt: null,
  };
  if (existsSync(staged)) {
    const db = new Database(staged, nativeBinding ? { nativeBinding } : {});
    try {
      const site = new SiteStore(db);
      const sync = new SyncStore(db);
      db.transaction(() => {
        site.set('incarnation', record.newIncarnation);
        sync.startStream(record.newIncarnation, record.backupAckedThrough + 1, now);
        site.set(RESTORED_FROM_KEY, record);
      })();
    } finally {
      db.close();
    }
    renameSync(staged, live);
  }
  for (const scan of manifest.scans) {
    const from = join(staging, ...scan.path.split('/'));
    const to = join(dataDir, ...scan.path.split('/'));
    if (existsSync(from) && !existsSync(to)) {
      mkdirSync(dirname(to), { recursive: true });
      renameSync(from, to);
    }
  }
  writeMarker(dataDir, { incarnation: record.newIncarnation, ackedThrough: record.backupAckedThrough });
  rmSync(staging, { recursive: true, force: true });
  return { record };
}

function readIncarnation(file: string, nativeBinding?: string): string | null {
  try {
    return withCopy(file, (s) => s.facts().incarnation, nativeBinding);
  } catch {
    return null; // a corrupted database: that is why it is being replaced
  }
}

function decryptWith(key: Buffer | null): Transform {
  if (!key) throw new HubError('BACKUP_WRONG_PASSPHRASE', 'Bản sao lưu này được mã hóa: cần nhập mật khẩu sao lưu.');
  return { kind: 'decrypt', key };
}

const invalid = (id: string, why: string) => new HubError('BACKUP_INVALID', `Bản sao lưu ${id} bị hỏng, không dùng để khôi phục được: ${why}.`);

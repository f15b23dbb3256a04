import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { HubError } from '../../../contract/errors';
import { RESTORED_FROM_KEY, RestoreRecord } from '../../../contract/restore';
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
 *    Every step can run again after a power cut until `ready.json` is removed, last (see
 *    `applyStagedRestore` for how).
 */
export const STAGING = 'restore-staging';
const READY = 'ready.json';
/** The restore record, written before the first irreversible step of applying (see `applyStagedRestore`). */
const APPLYING = 'applying.json';
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

/** The points between the irreversible steps of `applyStagedRestore`, where a test cuts the power. */
export type ApplyStep = 'recorded' | 'set-aside' | 'stream-started' | 'in-place' | 'scans' | 'marker';

/**
 * Puts a staged set in place. The caller holds the data folder's lock and has no connection to
 * the database open.
 *
 * A power cut may stop it anywhere; the next start runs it again. So the record (which database is
 * replaced, where it is kept, the new stream) is written to `applying.json` in the staging folder
 * before anything is moved, and read back by every later run rather than made anew; and the staged
 * database still being in the staging folder is what says it is not in place yet — once renamed,
 * the live database is the restored one and must not be set aside again.
 */
export function applyStagedRestore(dataDir: string, now: number, nativeBinding?: string, cut: (step: ApplyStep) => void = () => undefined): AppliedRestore {
  const staging = join(dataDir, STAGING);
  const { manifest } = Ready.parse(JSON.parse(readFileSync(join(staging, READY), 'utf8')));
  const live = join(dataDir, DB_FILE);
  const staged = join(staging, DB_FILE);
  const record = recordOf(dataDir, manifest, now, nativeBinding);
  cut('recorded');
  if (existsSync(staged)) {
    // The WAL and its index belong to that database: left behind, SQLite would replay them into the copy.
    // The main file goes last: while it is still there, a rerun moves whatever of the three is left.
    const aside = record.previousDatabaseKeptAt;
    if (aside !== null) for (const suffix of ['-wal', '-shm', '']) if (existsSync(live + suffix)) renameSync(live + suffix, aside + suffix);
    cut('set-aside');
    startNewStream(staged, record, now, nativeBinding);
    cut('stream-started');
    renameSync(staged, live);
  }
  cut('in-place');
  for (const scan of manifest.scans) {
    const from = join(staging, ...scan.path.split('/'));
    const to = join(dataDir, ...scan.path.split('/'));
    if (existsSync(from) && !existsSync(to)) {
      mkdirSync(dirname(to), { recursive: true });
      renameSync(from, to);
    }
  }
  cut('scans');
  writeMarker(dataDir, { incarnation: record.newIncarnation, ackedThrough: record.backupAckedThrough });
  cut('marker');
  // `ready.json` goes first: removing a folder is not one step, and without it nothing is pending.
  rmSync(join(staging, READY));
  rmSync(staging, { recursive: true, force: true });
  return { record };
}

/** The record this restore wrote before its first move, or a new one written now. */
function recordOf(dataDir: string, manifest: Manifest, now: number, nativeBinding?: string): RestoreRecord {
  const file = join(dataDir, STAGING, APPLYING);
  if (existsSync(file)) return RestoreRecord.parse(JSON.parse(readFileSync(file, 'utf8')));
  const live = join(dataDir, DB_FILE);
  if (!existsSync(join(dataDir, STAGING, DB_FILE))) {
    // Nothing says where a database that left the staging folder went: guessing could set the restored one aside.
    throw new HubError('BACKUP_INVALID', `Thư mục ${STAGING} không còn cơ sở dữ liệu đã chuẩn bị của bản sao lưu ${manifest.id}; chưa thay đổi gì. Hãy kiểm tra thư mục dữ liệu, xóa thư mục ${STAGING} rồi khôi phục lại.`);
  }
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const present = existsSync(live);
  const record: RestoreRecord = {
    at: new Date(now).toISOString(),
    backupId: manifest.id,
    backupTakenAt: manifest.takenAt,
    backupIncarnation: manifest.incarnation ?? randomUUID(),
    backupAckedThrough: manifest.ackedThrough,
    backupOutboxMaxSeq: manifest.outboxMaxSeq,
    previousIncarnation: present ? readIncarnation(live, nativeBinding) : null,
    previousDatabaseKeptAt: present ? `${live}.before-restore-${stamp}` : null,
    newIncarnation: randomUUID(),
    recoveredAt: null,
  };
  writeFileAtomic(file, JSON.stringify(record));
  return record;
}

/** Gives the staged copy the new stream and the record; done already when a cut came after the commit. */
function startNewStream(staged: string, record: RestoreRecord, now: number, nativeBinding?: string): void {
  const db = new Database(staged, nativeBinding ? { nativeBinding } : {});
  try {
    const site = new SiteStore(db);
    const sync = new SyncStore(db);
    if (site.get<string>('incarnation') === record.newIncarnation) return;
    db.transaction(() => {
      site.set('incarnation', record.newIncarnation);
      sync.startStream(record.newIncarnation, record.backupAckedThrough + 1, now);
      site.set(RESTORED_FROM_KEY, record);
    })();
  } finally {
    db.close();
  }
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

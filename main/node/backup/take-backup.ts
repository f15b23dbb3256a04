import { existsSync } from 'node:fs';
import { mkdir, open, rm, stat, type FileHandle } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { BackupReason } from '../../../contract/backups';
import { writeFileAtomic } from '../../../common/node/atomic-file';
import { vnClock } from '../../core/vn-time';
import { withCopy } from '../db/backup-store';
import type { Db } from '../db/open';
import { databaseFileOf, DB_FILE, MANIFEST, scanFileOf, SETS, type Manifest, type StoredSet } from './backup-sets';
import { copyFileHashed, plain, sha256Of, type Transform } from './file-copy';

export interface TakeOptions {
  readonly db: Db;
  readonly dataDir: string;
  /** The location's root (`<data>/backups`). */
  readonly root: string;
  readonly reason: BackupReason;
  readonly appVersion: string;
  readonly now: number;
  /** Pages copied per step of SQLite's backup; the hub serves requests between steps. */
  readonly pagesPerStep?: number;
  readonly nativeBinding?: string;
}

/** `20261203-142905` (Vietnam time), with `-2`, `-3`… when two sets are taken in one second. */
export function setIdFor(root: string, now: number): string {
  const c = vnClock(now);
  const seconds = Math.floor((now / 1000) % 60);
  const base = `${c.date.replace(/-/g, '')}-${String(Math.floor(c.minuteOfDay / 60)).padStart(2, '0')}${String(c.minuteOfDay % 60).padStart(2, '0')}${String(seconds).padStart(2, '0')}`;
  let id = base;
  for (let n = 2; existsSync(join(root, SETS, id)); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Takes a set from the running hub's database: SQLite's online backup copies the pages a few at a
 * time (the hub keeps answering between steps; its own writes during the copy are carried into it
 * by SQLite, so the copy is the state at the moment it finished), then the scans the copy refers
 * to that the location does not have yet, then the manifest, last.
 */
export async function takeBackup(o: TakeOptions): Promise<StoredSet> {
  const id = setIdFor(o.root, o.now);
  const dir = join(o.root, SETS, id);
  await mkdir(dir, { recursive: true });
  try {
    const dbCopy = join(dir, DB_FILE);
    await copyDatabase(o.db, dbCopy, o.pagesPerStep ?? 256);
    const facts = withCopy(dbCopy, (s) => ({ ...s.facts(), scans: s.scans() }), o.nativeBinding);
    const scans: Manifest['scans'] = [];
    for (const scan of facts.scans) {
      const path = relativeScanPath(o.dataDir, scan.stored_path);
      // A scan retention removed after the copy was taken is simply not in the set.
      if (!existsSync(scan.stored_path)) continue;
      const target = scanFileOf(o.root, scan.sha256, false);
      if (!existsSync(target)) {
        await mkdir(join(target, '..'), { recursive: true });
        const copied = await copyFileHashed(scan.stored_path, target);
        if (copied.sha256 !== scan.sha256) {
          await rm(target, { force: true });
          throw new Error(`Bản quét ${scan.stored_path} không khớp mã băm đã ghi (${scan.sha256}): tệp đã bị thay đổi trên đĩa.`);
        }
      }
      scans.push({ path, sha256: scan.sha256, size: scan.size });
    }
    const manifest: Manifest = {
      format: 1,
      id,
      takenAt: new Date(o.now).toISOString(),
      reason: o.reason,
      appVersion: o.appVersion,
      schemaVersion: facts.schemaVersion,
      site: { name: facts.siteName, agencyCode: facts.agencyCode },
      incarnation: facts.incarnation,
      ackedThrough: facts.ackedThrough,
      outboxMaxSeq: facts.outboxMaxSeq,
      encrypted: false,
      database: { sha256: await sha256Of(dbCopy), size: (await stat(dbCopy)).size },
      scans,
    };
    writeFileAtomic(join(dir, MANIFEST), JSON.stringify(manifest, null, 2));
    return { dir, manifest };
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Copies a complete set to another location (the second location), encrypting it there when a
 * key is given; scans already there are not copied again. The manifest goes last, so a stick
 * pulled out mid-copy leaves a folder rotation removes, never a set that looks whole.
 */
export async function copySet(set: StoredSet, root: string, how: Transform = plain): Promise<StoredSet> {
  const encrypted = how.kind === 'encrypt';
  const manifest: Manifest = { ...set.manifest, encrypted };
  const dir = join(root, SETS, manifest.id);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  try {
    const target: StoredSet = { dir, manifest };
    await copyFileHashed(databaseFileOf(set), databaseFileOf(target), how);
    const sourceRoot = join(set.dir, '..', '..');
    for (const scan of manifest.scans) {
      const to = scanFileOf(root, scan.sha256, encrypted);
      if (existsSync(to)) continue;
      await mkdir(join(to, '..'), { recursive: true });
      await copyFileHashed(scanFileOf(sourceRoot, scan.sha256, set.manifest.encrypted), to, how);
    }
    writeFileAtomic(join(dir, MANIFEST), JSON.stringify(manifest, null, 2));
    return target;
  } catch (e) {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    throw e;
  }
}

/** Dirty pages of the copy flushed in the background every so often (16 MiB of 4 KiB pages). */
const FLUSH_EVERY_PAGES = 4096;

/**
 * SQLite's online backup of the hub's database into `file`. The copy's own connection syncs it
 * once, at the end, on the event loop: with hundreds of megabytes still in the OS cache that
 * flush stalls the hub, and the tickets' own flushes wait behind it on the same disk. So the copy
 * is flushed as it grows, on libuv's thread pool (one flush at a time), leaving little for the end.
 */
async function copyDatabase(db: Db, file: string, pagesPerStep: number): Promise<void> {
  let handle: FileHandle | null = null;
  let flushing: Promise<void> | null = null;
  let sinceFlush = 0;
  try {
    await db.backup(file, {
      progress: () => {
        sinceFlush += pagesPerStep;
        if (sinceFlush >= FLUSH_EVERY_PAGES && !flushing) {
          sinceFlush = 0;
          flushing = (async () => {
            handle ??= await open(file, 'r+');
            await handle.datasync();
          })()
            // A failed background flush only means the final one does more: the copy's own sync decides.
            .catch(() => undefined)
            .finally(() => {
              flushing = null;
            });
        }
        return pagesPerStep;
      },
    });
  } finally {
    await (flushing as Promise<void> | null);
    await (handle as FileHandle | null)?.close();
  }
}

/** A scan's place relative to the data folder (`scans/2026-12/<dossier>/<sha>.pdf`), with `/`. */
function relativeScanPath(dataDir: string, stored: string): string {
  const rel = isAbsolute(stored) ? relative(dataDir, stored) : stored;
  return rel.split(sep).join('/');
}

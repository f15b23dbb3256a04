import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { BackupReason, type BackupLocation, type BackupSetView } from '../../../contract/backups';
import { IsoTime } from '../../../contract/scalars';
import { isAbandonedPartial, setsToKeep, type KeepPolicy, type UnreadableSetFact } from '../../core/backup-rules';

/**
 * A backup location's layout (the data folder's `backups/`, or the second location):
 *
 *     sets/<id>/manifest.json      what the set is (below), written last
 *     sets/<id>/motcua.sqlite      the database copy (`.enc` when encrypted)
 *     files/<sha256[0:2]>/<sha256> the scans, by content (`.enc` when encrypted), shared by all sets
 *     key.json                     an encrypted location's salt and check (location-key.ts)
 *
 * Scans never change once stored (they are named by their hash in the data folder too), so a set
 * copies only the scans no earlier set brought, and rotation deletes a scan when no kept set needs it.
 */
export const SETS = 'sets';
export const FILES = 'files';
export const MANIFEST = 'manifest.json';
export const DB_FILE = 'motcua.sqlite';

/** The data folder's location. */
export const localRoot = (dataDir: string) => join(dataDir, 'backups');
/** The folder inside the admin's chosen second location that holds the sets. */
export const secondRoot = (location: string) => join(location, 'MotCua-sao-luu');
/** Where the second location is written down outside the database, for a hub whose database is broken. */
export const LOCATIONS_FILE = 'locations.json';

export const Manifest = z.object({
  format: z.literal(1),
  id: z.string(),
  takenAt: IsoTime,
  reason: BackupReason,
  appVersion: z.string(),
  schemaVersion: z.int(),
  site: z.object({ name: z.string().nullable(), agencyCode: z.string().nullable() }),
  incarnation: z.string().nullable(),
  ackedThrough: z.int(),
  outboxMaxSeq: z.int(),
  encrypted: z.boolean(),
  database: z.object({ sha256: z.string(), size: z.int() }),
  /** `path` is relative to the data folder, with `/` (the hub stores scans under `scans/`). */
  scans: z.array(z.object({ path: z.string(), sha256: z.string(), size: z.int() })),
});
export type Manifest = z.infer<typeof Manifest>;

export interface StoredSet {
  readonly dir: string;
  readonly manifest: Manifest;
}

const enc = (encrypted: boolean) => (encrypted ? '.enc' : '');
export const databaseFileOf = (set: StoredSet) => join(set.dir, DB_FILE + enc(set.manifest.encrypted));
export const scanFileOf = (root: string, sha256: string, encrypted: boolean) => join(root, FILES, sha256.slice(0, 2), sha256 + enc(encrypted));

/** A folder of `sets/` whose manifest exists but cannot be used: kept, and shown to the admin. */
export type UnreadableSet = UnreadableSetFact;

/** What a location holds: its complete sets, newest first, and the folders that are not one. */
export interface LocationContents {
  readonly sets: StoredSet[];
  /** Folders without a manifest: a set cut short (the manifest is written last), or one being written now. */
  readonly partial: string[];
  readonly unreadable: UnreadableSet[];
}

export async function readLocation(root: string): Promise<LocationContents> {
  const contents: LocationContents = { sets: [], partial: [], unreadable: [] };
  for (const name of await namesIn(join(root, SETS))) {
    const read = await readManifest(join(root, SETS, name));
    if (read.state === 'absent') contents.partial.push(name);
    else if (read.state === 'unreadable') contents.unreadable.push({ name, reason: read.reason });
    else if (read.manifest.id !== name) contents.unreadable.push({ name, reason: `tệp mô tả ghi mã ${read.manifest.id}, khác tên thư mục` });
    else contents.sets.push({ dir: join(root, SETS, name), manifest: read.manifest });
  }
  contents.sets.sort((a, b) => Date.parse(b.manifest.takenAt) - Date.parse(a.manifest.takenAt) || (a.manifest.id < b.manifest.id ? 1 : -1));
  return contents;
}

/** The complete sets of a location, newest first. */
export async function listSets(root: string): Promise<StoredSet[]> {
  return (await readLocation(root)).sets;
}

export type ManifestRead =
  | { readonly state: 'ok'; readonly manifest: Manifest }
  | { readonly state: 'absent' }
  | { readonly state: 'unreadable'; readonly reason: string };

/**
 * Only a manifest that is not there makes a set "cut short": one that cannot be read now (a
 * permission, a failing stick) or does not parse may still describe a good set.
 */
export async function readManifest(dir: string): Promise<ManifestRead> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST), 'utf8');
  } catch (e) {
    if (isNoEntry(e)) return { state: 'absent' };
    return { state: 'unreadable', reason: `không đọc được tệp: ${e instanceof Error ? e.message : String(e)}` };
  }
  try {
    const parsed = Manifest.safeParse(JSON.parse(text));
    return parsed.success ? { state: 'ok', manifest: parsed.data } : { state: 'unreadable', reason: `tệp mô tả không đúng định dạng: ${parsed.error.issues[0]?.message ?? ''}` };
  } catch {
    return { state: 'unreadable', reason: 'tệp mô tả không phải JSON hợp lệ, bị cắt ngang hoặc bị hỏng' };
  }
}

const isNoEntry = (e: unknown) => (e as NodeJS.ErrnoException | null)?.code === 'ENOENT';

/** A folder's entries; none when it does not exist (yet), any other failure thrown. */
async function namesIn(dir: string): Promise<string[]> {
  return readdir(dir).catch((e: unknown) => {
    if (isNoEntry(e)) return [];
    throw e;
  });
}

export function setView(set: StoredSet, location: BackupLocation): BackupSetView {
  const m = set.manifest;
  return {
    id: m.id, location, takenAt: m.takenAt, reason: m.reason, schemaVersion: m.schemaVersion, appVersion: m.appVersion, encrypted: m.encrypted,
    databaseBytes: m.database.size, scans: m.scans.length, scanBytes: m.scans.reduce((n, s) => n + s.size, 0), path: set.dir,
  };
}

/**
 * Applies the rotation rule to a location: removes the sets it does not keep and the folders of
 * sets cut short long ago, then the scans no kept set refers to. `protect` (the set just taken)
 * is never removed, whatever the clock says. A set whose manifest cannot be read is kept (and
 * returned, to be told): it may be whole, and which scans it needs is unknown, so the scans stay too.
 */
export async function rotate(root: string, policy: KeepPolicy, protect: string): Promise<{ removed: string[]; unreadable: UnreadableSet[] }> {
  const { sets, partial, unreadable } = await readLocation(root);
  const keep = setsToKeep(sets.map((s) => ({ id: s.manifest.id, takenAt: Date.parse(s.manifest.takenAt) })), policy);
  keep.add(protect);
  const removed: string[] = [];
  for (const s of sets) {
    if (keep.has(s.manifest.id)) continue;
    await rm(s.dir, { recursive: true, force: true });
    removed.push(s.manifest.id);
  }
  // The file times and the protected set's manifest, just written, come from the same (the disk's) clock.
  const reference = (await stat(join(root, SETS, protect, MANIFEST))).mtimeMs;
  let inProgress = false;
  for (const name of partial) {
    if (name === protect) continue;
    if (!isAbandonedPartial(await lastWriteIn(join(root, SETS, name)), reference)) {
      inProgress = true;
      continue;
    }
    await rm(join(root, SETS, name), { recursive: true, force: true });
    removed.push(name);
  }
  // A set still being written may have copied scans that no manifest names yet.
  if (unreadable.length > 0 || inProgress) return { removed, unreadable };
  const needed = new Set(sets.filter((s) => keep.has(s.manifest.id)).flatMap((s) => s.manifest.scans.map((f) => f.sha256 + enc(s.manifest.encrypted))));
  for (const prefix of await namesIn(join(root, FILES))) {
    for (const file of await namesIn(join(root, FILES, prefix))) {
      if (!needed.has(file)) await rm(join(root, FILES, prefix, file), { force: true });
    }
  }
  return { removed, unreadable };
}

/** The latest modification of a folder or the files in it. */
async function lastWriteIn(dir: string): Promise<number> {
  let latest = (await stat(dir)).mtimeMs;
  for (const name of await namesIn(dir)) {
    // A file that went away meanwhile (a manifest's temporary renamed) is a writer at work: now.
    const write = await stat(join(dir, name)).then((s) => s.mtimeMs, (e: unknown) => {
      if (isNoEntry(e)) return Infinity;
      throw e;
    });
    latest = Math.max(latest, write);
  }
  return latest;
}

/** Whether a path is a folder that exists now (a USB stick that is plugged in). */
export async function isFolder(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

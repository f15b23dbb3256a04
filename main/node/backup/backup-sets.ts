import { readdir, readFile, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { BackupReason, type BackupLocation, type BackupSetView } from '../../../contract/backups';
import { IsoTime } from '../../../contract/scalars';
import { setsToKeep, type KeepPolicy } from '../../core/backup-rules';

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

/**
 * The complete sets of a location, newest first. A folder without a readable manifest is a set
 * cut short (the manifest is written last) and is not listed; rotation removes it.
 */
export async function listSets(root: string): Promise<StoredSet[]> {
  const names = await readdir(join(root, SETS)).catch(() => [] as string[]);
  const sets: StoredSet[] = [];
  for (const name of names) {
    const manifest = await readManifest(join(root, SETS, name));
    if (manifest && manifest.id === name) sets.push({ dir: join(root, SETS, name), manifest });
  }
  return sets.sort((a, b) => Date.parse(b.manifest.takenAt) - Date.parse(a.manifest.takenAt) || (a.manifest.id < b.manifest.id ? 1 : -1));
}

export async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    return Manifest.parse(JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')));
  } catch {
    return null;
  }
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
 * sets cut short, then the scans no kept set refers to. `protect` (the set just taken) is never
 * removed, whatever the clock says.
 */
export async function rotate(root: string, policy: KeepPolicy, protect: string): Promise<{ removed: string[] }> {
  const sets = await listSets(root);
  const keep = setsToKeep(sets.map((s) => ({ id: s.manifest.id, takenAt: Date.parse(s.manifest.takenAt) })), policy);
  keep.add(protect);
  const removed: string[] = [];
  for (const name of await readdir(join(root, SETS)).catch(() => [] as string[])) {
    if (keep.has(name) || name === protect) continue;
    await rm(join(root, SETS, name), { recursive: true, force: true });
    removed.push(name);
  }
  const needed = new Set(sets.filter((s) => keep.has(s.manifest.id)).flatMap((s) => s.manifest.scans.map((f) => f.sha256 + enc(s.manifest.encrypted))));
  for (const prefix of await readdir(join(root, FILES)).catch(() => [] as string[])) {
    for (const file of await readdir(join(root, FILES, prefix)).catch(() => [] as string[])) {
      if (!needed.has(file)) await unlink(join(root, FILES, prefix, file)).catch(() => undefined);
    }
  }
  return { removed };
}

/** Whether a path is a folder that exists now (a USB stick that is plugged in). */
export async function isFolder(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

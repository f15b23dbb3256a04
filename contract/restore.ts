import { z } from 'zod';
import { IsoTime } from './scalars';

/**
 * The settings key a restore writes into the restored database. Its presence with
 * `recoveredAt: null` means "restored from a backup, the events of the earlier streams past the
 * backup have not been fetched back from the central yet": the hub must not hand out numbers or
 * codes until that recovery has run (docs/SYNC.md, "Incarnations and restored backups").
 */
export const RESTORED_FROM_KEY = 'restoredFrom';

/**
 * What a restore (admin screen or CLI `restore`) records in the restored database's settings,
 * under RESTORED_FROM_KEY, in the same step that puts the database in place.
 */
export const RestoreRecord = z.object({
  /** When the restore was done (the hub's clock). */
  at: IsoTime,
  /** The backup set restored (its folder name) and when it was taken. */
  backupId: z.string().min(1).max(200),
  backupTakenAt: IsoTime,
  /** The stream (incarnation) the backup's database was writing when it was copied. */
  backupIncarnation: z.uuid(),
  /** How far the central had acknowledged that stream, as the copy knew it. */
  backupAckedThrough: z.int().min(0),
  /**
   * The highest outbox seq the copy ever wrote, pruned rows included: events above it exist only
   * at the central (or are lost).
   */
  backupOutboxMaxSeq: z.int().min(0),
  /**
   * The stream of the database the restore replaced (kept aside), when it could be read; null
   * when it was missing or corrupted. With `backupIncarnation` and the central's list of the
   * site's streams this says which streams hold events the copy lacks.
   */
  previousIncarnation: z.uuid().nullable(),
  /** The database replaced, renamed aside (never deleted); null when there was none. */
  previousDatabaseKeptAt: z.string().max(2000).nullable(),
  /**
   * The new stream the restore started: base seq = backupAckedThrough + 1, so the copy's
   * unacknowledged events go out again under it (the central drops the ones it has by eventId).
   */
  newIncarnation: z.uuid(),
  /** Set by the recovery (fetching the lost events from the central) once it has finished. */
  recoveredAt: IsoTime.nullable(),
});
export type RestoreRecord = z.infer<typeof RestoreRecord>;

import { z } from 'zod';
import { IsoTime } from './scalars';

/**
 * Backups of a site's data (docs/OPERATIONS.md, "Sao lưu và khôi phục"): what the admin sets, what
 * the hub answers about the sets it has, and what a restore asks for.
 */

export const BackupKeep = z.object({
  daily: z.int().min(1).max(60),
  weekly: z.int().min(0).max(52),
  monthly: z.int().min(0).max(120),
}).strict();

/** Why a set was taken. */
export const BackupReason = z.enum(['scheduled', 'manual', 'migration', 'update']);
export type BackupReason = z.infer<typeof BackupReason>;

export const backupReasonWords: Record<BackupReason, string> = {
  scheduled: 'Tự động',
  manual: 'Sao lưu ngay',
  migration: 'Trước khi nâng cấp dữ liệu',
  update: 'Trước khi cập nhật phần mềm',
};

export const BackupSettings = z.object({
  /** An automatic backup every so many hours while the hub runs. */
  intervalHours: z.int().min(1).max(168),
  /**
   * A folder on another disk or a USB stick (`E:\MotCua`, `/media/usb`); null = the data folder
   * only, which a dead disk takes with it.
   */
  secondLocation: z
    .string()
    .trim()
    .min(1)
    .max(500)
    // A relative path would land wherever the hub happened to start (the program's folder).
    .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'Nơi sao lưu thứ hai phải là đường dẫn đầy đủ, ví dụ E:\\ hoặc D:\\SaoLuu (hay /media/usb trên Linux).')
    .nullable(),
  keep: BackupKeep,
  /** Whether the copies on the second location are encrypted with the admin's passphrase. */
  encrypted: z.boolean(),
});
export type BackupSettings = z.infer<typeof BackupSettings>;

/** Passphrases protect a stick that can be lost: long enough that guessing it offline is hopeless. */
export const Passphrase = z.string().min(10, 'Mật khẩu sao lưu phải có ít nhất 10 ký tự.').max(200);

export const BackupSettingsInput = BackupSettings.omit({ encrypted: true }).extend({
  /**
   * `keep`: leave encryption as it is; `off`: plain copies from now on; `set`: encrypt the second
   * location's copies with this passphrase (the hub keeps only a key derived from it).
   */
  encryption: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('keep') }).strict(),
    z.object({ mode: z.literal('off') }).strict(),
    z.object({ mode: z.literal('set'), passphrase: Passphrase }).strict(),
  ]),
}).strict();

export const BackupLocation = z.enum(['local', 'second']);
export type BackupLocation = z.infer<typeof BackupLocation>;

export const BackupSetView = z.object({
  id: z.string(),
  location: BackupLocation,
  takenAt: IsoTime,
  reason: BackupReason,
  /** The database's schema version in the set. */
  schemaVersion: z.int(),
  appVersion: z.string(),
  encrypted: z.boolean(),
  databaseBytes: z.int(),
  scans: z.int(),
  scanBytes: z.int(),
  /** Where the set is on disk, for the CLI command the admin may need. */
  path: z.string(),
});
export type BackupSetView = z.infer<typeof BackupSetView>;

export const BackupWarning = z.object({
  kind: z.enum(['never', 'stale', 'second_missing', 'second_not_set', 'last_failed', 'unreadable_sets']),
  message: z.string(),
});

export const BackupLocationView = z.object({
  path: z.string(),
  /** The folder can be written now (a USB stick that is plugged in). */
  reachable: z.boolean(),
  newestAt: IsoTime.nullable(),
  sets: z.array(BackupSetView),
});

export const BackupStatus = z.object({
  settings: BackupSettings,
  local: BackupLocationView,
  second: BackupLocationView.nullable(),
  running: z.boolean(),
  lastRun: z.object({ at: IsoTime, ok: z.boolean(), message: z.string().nullable() }).nullable(),
  nextAt: IsoTime.nullable(),
  /** The line at the top of the section: "Bản sao lưu gần nhất: 2 giờ trước, trên E:\MotCua". */
  summary: z.string(),
  warnings: z.array(BackupWarning),
  serverTime: IsoTime,
});
export type BackupStatus = z.infer<typeof BackupStatus>;

export const BackupCreated = z.object({
  local: BackupSetView,
  second: BackupSetView.nullable(),
  /** Why the second location got no copy (unplugged, full, wrong passphrase). */
  secondError: z.object({ code: z.string(), message: z.string() }).nullable(),
});

export const RestoreInput = z.object({
  id: z.string().min(1).max(200),
  location: BackupLocation,
  /** For an encrypted set when the hub no longer holds the key (another stick, another passphrase). */
  passphrase: Passphrase.optional(),
}).strict();

export const RestoreStarted = z.object({
  backupId: z.string(),
  takenAt: IsoTime,
  /** The hub restarts to put the copy in place: screens reconnect by themselves. */
  restarting: z.literal(true),
});

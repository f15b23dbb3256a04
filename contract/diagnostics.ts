import { z } from 'zod';
import { AboutInfo } from './about';
import { StorageHealthView, SyncStatusView } from './ops';
import { PrinterLive, PrintJob } from './printing';
import { IsoTime } from './scalars';

/** The format of `chan-doan.json`: a tool reading old bundles checks this first. */
export const DIAGNOSTICS_FORMAT = 'motcua-chan-doan/1';

/**
 * A site setting as the bundle shows it: its value with every secret removed, or only its name
 * when the hub does not know the setting to be safe to show (a setting added later, unlisted).
 */
export const SettingView = z.discriminatedUnion('shown', [
  z.object({ key: z.string(), shown: z.literal(true), value: z.unknown() }),
  z.object({ key: z.string(), shown: z.literal(false), reason: z.string() }),
]);
export type SettingView = z.infer<typeof SettingView>;

/** The last lines of one log file, already redacted by the logger and scrubbed once more for the bundle. */
export const LogExcerpt = z.object({ file: z.string(), bytes: z.int(), modifiedAt: IsoTime, linesIncluded: z.int(), errorLines: z.int(), cutAtStart: z.boolean() });
export type LogExcerpt = z.infer<typeof LogExcerpt>;

/**
 * `chan-doan.json` of the diagnostics bundle: what a technician (or a tool) needs to explain a
 * problem at a site, without secrets and without citizens' personal data.
 */
export const DiagnosticsReport = z.object({
  format: z.literal(DIAGNOSTICS_FORMAT),
  generatedAt: IsoTime,
  /** Points the hub itself finds worth a look (Vietnamese), most urgent first; empty when all looks well. */
  attention: z.array(z.string()),
  about: AboutInfo,
  machine: z.object({
    hostname: z.string(),
    platform: z.string(),
    arch: z.string(),
    cpus: z.int(),
    cpuModel: z.string(),
    memoryTotalBytes: z.number(),
    memoryFreeBytes: z.number(),
    osUptimeSeconds: z.number(),
    hubUptimeSeconds: z.number(),
    hubMemoryBytes: z.number(),
    /** The hub's clock (UTC) and its offset, to compare with the time in the logs. */
    timeZoneOffsetMinutes: z.int(),
  }),
  storage: z.object({
    dataDir: z.string().nullable(),
    freeBytes: z.number().nullable(),
    totalBytes: z.number().nullable(),
    /** Why the free space could not be read (no data folder, a permission). */
    error: z.string().nullable(),
    health: StorageHealthView,
  }),
  database: z.object({
    schemaVersion: z.int(),
    /** The newest schema this code knows: a database behind it was not migrated. */
    codeSchemaVersion: z.int(),
    sqliteVersion: z.string(),
    sizeBytes: z.number(),
    journalMode: z.string(),
    rowCounts: z.record(z.string(), z.int()),
  }),
  settings: z.array(SettingView),
  printers: z.array(PrinterLive),
  /** Jobs queued, printing or held: what has not (yet) come out. */
  openPrintJobs: z.array(PrintJob),
  sync: SyncStatusView,
  logs: z.object({ folder: z.string().nullable(), files: z.array(z.object({ name: z.string(), bytes: z.int(), modifiedAt: IsoTime })), excerpts: z.array(LogExcerpt) }),
});
export type DiagnosticsReport = z.infer<typeof DiagnosticsReport>;

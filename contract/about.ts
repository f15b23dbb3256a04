import { z } from 'zod';
import { IsoTime } from './scalars';
import { UpdateStatus } from './update-status';

/** When and from which commit the running code was built; null when it runs from source (tests, development). */
export const BuildInfo = z.object({ date: IsoTime.nullable(), commit: z.string().nullable() });
export type BuildInfo = z.infer<typeof BuildInfo>;

/** What the hub runs on: a technician's first questions. */
export const RuntimeVersions = z.object({
  node: z.string(),
  /** null: the hub runs without the Electron shell (headless, `npm start`, a server PC). */
  electron: z.string().nullable(),
  sqlite: z.string(),
  betterSqlite3: z.string().nullable(),
  /** The operating system in words, e.g. "Windows_NT 10.0.19045 (x64)". */
  os: z.string(),
});
export type RuntimeVersions = z.infer<typeof RuntimeVersions>;

/** A library the app is built on and its licence (the "about" page's credits). */
export const Credit = z.object({ name: z.string(), version: z.string().nullable(), licence: z.string(), use: z.string() });
export type Credit = z.infer<typeof Credit>;

/**
 * The updater's status file as the hub found it: absent on a headless hub (no updater at all), or
 * unreadable (a half-written or foreign file) — said so rather than shown as "no update".
 */
export const UpdateFileView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('absent') }),
  z.object({ kind: z.literal('unreadable'), message: z.string() }),
  z.object({ kind: z.literal('read'), status: UpdateStatus }),
]);
export type UpdateFileView = z.infer<typeof UpdateFileView>;

/** The "Giới thiệu" page: what this installation is and where it runs. */
export const AboutInfo = z.object({
  appName: z.string(),
  version: z.string(),
  build: BuildInfo,
  site: z.object({ name: z.string(), agencyCode: z.string(), province: z.string() }),
  /** Addresses screens on the LAN open (`http://192.168.1.10:8686`); empty until the hub listens. */
  hubUrls: z.array(z.string()),
  /** The data folder (database, backups, scans, logs); null for a hub without one. */
  dataDir: z.string().nullable(),
  runtime: RuntimeVersions,
  update: UpdateFileView,
  credits: z.array(Credit),
});
export type AboutInfo = z.infer<typeof AboutInfo>;

/** The diagnostics bundle, as one download (the same shape as the other files the hub hands over). */
export const DiagnosticsFile = z.object({ fileName: z.string(), mime: z.literal('application/zip'), dataBase64: z.string() });

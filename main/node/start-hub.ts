import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ScannerConfig } from '../../contract/printing';
import { HubError } from '../../contract/errors';
import { migrate, versionsOf, type MigrateResult } from './db/migrate';
import { migrations } from './db/migrations';
import { isCorruption, openConnection, type Db } from './db/open';
import { closedCleanly, stampCleanClose } from './db/clean-close';
import type { BackupServiceOptions } from './backup/backup-service';
import { localRoot, type StoredSet } from './backup/backup-sets';
import { corruptionRefusal } from './backup/corrupt-refusal';
import { applyStagedRestore, restorePending } from './backup/restore';
import { takeBackup } from './backup/take-backup';
import { lockDataDir } from './data-dir';
import { createFirstAdminIfEmpty } from './hub/site-setup';
import { Hub } from './hub/hub';
import { startScanRetention } from './hub/dossier-scans';
import type { SpoolerOptions } from './print/spooler';
import type { SyncWorkerOptions } from './sync/worker';
import { startLanServer, type LanServer } from './lan/server';
import { createLogger, type Logger } from '../../common/node/logger';

export interface StartHubOptions {
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
  readonly rendererDir: string | null;
  readonly voiceDir: string | null;
  readonly version: string;
  readonly clock?: () => number;
  readonly monotonic?: () => number;
  readonly nativeBinding?: string;
  readonly spooler?: SpoolerOptions;
  readonly sync?: SyncWorkerOptions;
  /** Default: JSON lines in `<dataDir>/logs/hub.<date>.<n>.log`, rotated. */
  readonly log?: Logger;
  /**
   * A restore was staged from the admin screen: the caller closes this hub and starts a new one
   * on the same data folder, which puts the copy in place before opening it. The headless hub
   * exits for its supervisor to start it again; the Electron app relaunches itself.
   */
  readonly onRestartRequested?: () => void;
  readonly backup?: Pick<BackupServiceOptions, 'pagesPerStep' | 'maxSleepMs' | 'startGraceMs'>;
}

export interface RunningHub {
  readonly hub: Hub;
  readonly lan: LanServer;
  readonly migration: MigrateResult;
  /** Set on the very first start only: the admin's one-time password, to be shown once. */
  readonly firstAdmin: { username: string; password: string } | null;
  close(): Promise<void>;
}

/** Everything a site hub is, started in one process: the database, the core service, the LAN server. */
export async function startHub(o: StartHubOptions): Promise<RunningHub> {
  mkdirSync(o.dataDir, { recursive: true });
  const unlock = lockDataDir(o.dataDir);
  const log = o.log ?? (await createLogger({ name: 'hub', dir: join(o.dataDir, 'logs') }));
  try {
    const now = o.clock ?? Date.now;
    if (restorePending(o.dataDir)) {
      const { record } = applyStagedRestore(o.dataDir, now(), o.nativeBinding);
      log.warn({ restore: record }, 'backup restored; the database replaced is kept aside');
    }
    const { db, migration, migrationSet } = await openHubDatabase(o, now);
    const hub = new Hub({
      db, log, version: o.version, dataDir: o.dataDir, ...(o.clock ? { clock: o.clock } : {}), ...(o.monotonic ? { monotonic: o.monotonic } : {}), ...(o.spooler ? { spooler: o.spooler } : {}), ...(o.sync ? { sync: o.sync } : {}),
      ...(o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}),
      backup: { ...o.backup, ...(o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}), ...(o.onRestartRequested ? { onRestartRequested: o.onRestartRequested } : {}) },
    });
    const firstAdmin = await createFirstAdminIfEmpty(hub.deps);
    await hub.deps.spooler.start();
    await hub.deps.scanners.apply(hub.deps.site.get<ScannerConfig[]>('scanners') ?? []);
    const retention = startScanRetention(hub.deps);
    hub.folding.start();
    hub.sync.start();
    hub.backups.start();
    // A failed copy is logged and shown in the admin's backup status by `replicate` itself.
    if (migrationSet) void hub.backups.replicate(migrationSet).catch(() => undefined);
    const lan = await startLanServer({
      hub,
      port: o.port,
      host: o.host,
      rendererDir: o.rendererDir,
      mounts: o.voiceDir ? [{ prefix: '/voice/', dir: o.voiceDir }] : [],
    });
    log.info({ version: o.version, migration, port: lan.port }, 'hub started');
    return {
      hub,
      lan,
      migration,
      firstAdmin,
      close: async () => {
        await hub.sync.stop();
        await hub.backups.stop();
        await hub.deps.spooler.stop();
        await hub.deps.scanners.stop();
        await hub.folding.stop();
        await hub.reports.close();
        clearInterval(retention);
        await lan.close();
        db.close();
        stampCleanClose(o.dataDir, join(o.dataDir, 'motcua.sqlite'));
        log.info({ writeGroups: hub.deps.writer.groups() }, 'hub stopped');
        await flushed(log);
        unlock();
      },
    };
  } catch (e) {
    log.fatal({ err: e }, 'hub did not start');
    await flushed(log);
    unlock();
    throw e;
  }
}

/**
 * The site database, migrated: a damaged file is refused with the newest good backup named
 * (corrupt-refusal.ts); before a migration changes the file, a backup set of it is taken (the
 * service copies it to the second location once the hub runs).
 */
async function openHubDatabase(o: StartHubOptions, now: () => number): Promise<{ db: Db; migration: MigrateResult; migrationSet: StoredSet | null }> {
  let db: Db;
  try {
    const file = join(o.dataDir, 'motcua.sqlite');
    db = openConnection(file, { quickCheck: !closedCleanly(o.dataDir, file), ...(o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}) });
  } catch (e) {
    throw isCorruption(e) ? await corruptionRefusal(o.dataDir, e as HubError) : e;
  }
  try {
    const { from, latest } = versionsOf(db, migrations);
    const migrationSet = from > 0 && from < latest
      ? await takeBackup({ db, dataDir: o.dataDir, root: localRoot(o.dataDir), reason: 'migration', appVersion: o.version, now: now(), ...(o.nativeBinding ? { nativeBinding: o.nativeBinding } : {}) })
      : null;
    const migration = { ...migrate(db, migrations, null), backupPath: migrationSet?.dir ?? null };
    return { db, migration, migrationSet };
  } catch (e) {
    db.close();
    throw e;
  }
}

/** The lines logged so far are in the file (the process may end right after). */
const flushed = (log: Logger) => new Promise<void>((resolve) => log.flush(() => resolve()));

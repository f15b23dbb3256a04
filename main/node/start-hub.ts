import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ScannerConfig } from '../../contract/printing';
import type { MigrateResult } from './db/migrate';
import { openDatabase } from './db/open';
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
    const { db, migration } = openDatabase(join(o.dataDir, 'motcua.sqlite'), o.nativeBinding ? { nativeBinding: o.nativeBinding } : {});
    const hub = new Hub({ db, log, version: o.version, dataDir: o.dataDir, ...(o.clock ? { clock: o.clock } : {}), ...(o.monotonic ? { monotonic: o.monotonic } : {}), ...(o.spooler ? { spooler: o.spooler } : {}), ...(o.sync ? { sync: o.sync } : {}) });
    const firstAdmin = await createFirstAdminIfEmpty(hub.deps);
    await hub.deps.spooler.start();
    await hub.deps.scanners.apply(hub.deps.site.get<ScannerConfig[]>('scanners') ?? []);
    const retention = startScanRetention(hub.deps);
    hub.sync.start();
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
        await hub.deps.spooler.stop();
        await hub.deps.scanners.stop();
        clearInterval(retention);
        await lan.close();
        db.close();
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

/** The lines logged so far are in the file (the process may end right after). */
const flushed = (log: Logger) => new Promise<void>((resolve) => log.flush(() => resolve()));

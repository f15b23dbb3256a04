import { arch, release, type, version } from 'node:os';
import type { AboutInfo, RuntimeVersions } from '../../../contract/about';
import type { Site } from '../../../contract/queue';
import type { DiagnosticsStore } from '../db/diagnostics-store';
import type { HubDeps } from '../hub/context';
import { buildInfo } from './build-info';
import { credits, installedVersion } from './credits';
import { readUpdateFile } from './update-file';

export const APP_NAME = 'Một Cửa';

/** What the hub runs on. Electron's version is there only inside the shell's process. */
export function runtimeVersions(store: DiagnosticsStore): RuntimeVersions {
  // Windows names itself in version() ("Windows 10 Pro"); elsewhere that is a kernel build string.
  const os = process.platform === 'win32' ? `${version()} (${release()}, ${arch()})` : `${type()} ${release()} (${arch()})`;
  return { node: process.versions.node, electron: process.versions.electron ?? null, sqlite: store.sqliteVersion(), betterSqlite3: installedVersion('better-sqlite3'), os };
}

/** The "Giới thiệu" page's facts: read each time (the updater rewrites its file while the hub runs). */
export function aboutInfo(deps: HubDeps, store: DiagnosticsStore): AboutInfo {
  // Also before setup: a site that cannot be set up is exactly when a technician needs this.
  const site = deps.site.get<Site>('site') ?? { name: '(chưa thiết lập)', agencyCode: '', province: '' };
  const runtime = runtimeVersions(store);
  return {
    appName: APP_NAME,
    version: deps.version,
    build: buildInfo(),
    site: { name: site.name, agencyCode: site.agencyCode, province: site.province },
    hubUrls: deps.listening.urls(),
    dataDir: deps.dataDir,
    runtime,
    update: readUpdateFile(deps.dataDir),
    credits: credits(runtime),
  };
}

import { app, net } from 'electron';
import { autoUpdater } from 'electron-updater';
import { join } from 'node:path';
import type { Logger } from '../../common/node/logger';
import { updateMomentAt } from '../core/update-window';
import type { BackupService } from '../node/backup/backup-service';
import type { HubDeps } from '../node/hub/context';
import { officeHours } from '../node/update/office-hours';
import { SiteUpdater } from '../node/update/site-updater';
import { scheduleUpdates, type UpdateSchedule } from '../node/update/update-schedule';

/**
 * The shell's part of updating from the provincial folder: electron-updater's updater for this
 * platform, Electron's network stack (it follows the PC's proxy settings), the program's own
 * public keys and the hub's hours. What to check, what to refuse and when to install is decided
 * in main/node/update (docs/OPERATIONS.md, "Cập nhật phần mềm").
 */
export function startUpdater(options: { dataDir: string; log: Logger; hub: HubDeps; backups: BackupService }): UpdateSchedule {
  const updater = new SiteUpdater({
    engine: autoUpdater,
    dataDir: options.dataDir,
    keysDir: join(app.getAppPath(), 'resources', 'update-keys'),
    currentVersion: app.getVersion(),
    log: options.log.child({ component: 'updater' }),
    fetch: (url, init) => net.fetch(url, init),
  });
  const schedule = scheduleUpdates(updater, {
    moment: () => updateMomentAt(officeHours(options.hub), Date.now()),
    beforeInstall: async () => {
      await options.backups.create('update');
    },
  });
  return schedule;
}

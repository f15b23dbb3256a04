import { join } from 'node:path';
import { writeFileAtomic } from '../../../common/node/atomic-file';
import { UPDATE_STATUS_FILE, UpdateStatus } from '../../../contract/update-status';

/**
 * Writes what the updater last did to `<data>/update-status.json` for the hub to show, whole or
 * not at all (the hub may read it at any moment).
 */
export function writeUpdateStatus(dataDir: string, status: UpdateStatus): void {
  writeFileAtomic(join(dataDir, UPDATE_STATUS_FILE), JSON.stringify(UpdateStatus.parse(status), null, 2));
}

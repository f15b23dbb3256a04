import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UPDATE_STATUS_FILE, UpdateStatus } from '../../../contract/update-status';

/**
 * Writes what the updater last did to `<data>/update-status.json` for the hub to show. Whole or
 * not at all: a temp file, flushed, then renamed over the old one, so the hub (or a power cut)
 * never meets half a file.
 */
export function writeUpdateStatus(dataDir: string, status: UpdateStatus): void {
  const file = join(dataDir, UPDATE_STATUS_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  const text = JSON.stringify(UpdateStatus.parse(status), null, 2);
  try {
    const fd = openSync(temp, 'w', 0o644);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

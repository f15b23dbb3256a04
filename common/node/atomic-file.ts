import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';

/**
 * Replaces a small file whole: written beside it, flushed, then renamed over it, so a power cut
 * (or a reader such as the hub reading the updater's status) meets the old content or the new
 * one, never half of each. The temporary name carries the process id: two processes writing the
 * same file never share one; a failed write leaves no temporary file behind.
 */
export function writeFileAtomic(file: string, content: string, mode = 0o644): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(tmp, 'w', mode);
    try {
      writeSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

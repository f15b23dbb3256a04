import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process per data folder (a hub's SQLite file, a central's embedded PostgreSQL): two writers
 * would corrupt it or each believe they own it. `fileName` in the folder holds the owner's PID; a
 * lock left by a process that is gone (a crash, a power cut) is taken over. Returns the release
 * function, which removes the lock only while it is still this process's.
 */
export function lockFolder(dir: string, fileName: string, busy: (pid: number) => string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, fileName);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid > 0 && pid !== process.pid && alive(pid)) throw new Error(busy(pid));
      unlinkSync(file);
    }
  }
  throw new Error(`Không khóa được thư mục dữ liệu ${dir}.`);
}

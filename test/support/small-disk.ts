import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, rmdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  /** The mount point: a hub's data folder on its own small file system. */
  readonly dir: string;
  /** Fills every free byte with a ballast file (the writes after this one fail with ENOSPC). */
  fill(): void;
  /** Deletes the ballast: the space comes back. */
  free(): void;
  unmount(): void;
}

/**
 * Whether this machine lets the tests mount a file system (root with the right to mount, as on
 * CI): tried once, for real. Elsewhere the tests that need a full file system are skipped and say
 * so, and the hub's full-database behaviour is tested on SQLite's own limit (`fillDatabase`).
 */
export const canMountSmallDisk = ((): boolean => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'pipe' });
    execFileSync('umount', [dir], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  } finally {
    rmdirSync(dir);
  }
})();
export const noSmallDiskReason = 'skipped: mounting a small tmpfs needs root with the right to mount (CI has it)';

/**
 * A real full disk for fault tests: a tmpfs of `sizeKb` mounted on a fresh folder (the tests run
 * as root, as CI does). Filling it makes SQLite answer SQLITE_FULL and file writes ENOSPC, exactly
 * as a full data disk at a site does — nothing in the hub is mocked.
 */
export function mountSmallDisk(sizeKb: number): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (e) {
    rmdirSync(dir);
    throw new Error(`Cannot mount a tmpfs for the full-disk test (the tests need root): ${String(e)}`);
  }
  const ballast = join(dir, 'ballast.bin');
  return {
    dir,
    fill: () => {
      const fd = openSync(ballast, 'a');
      const chunk = Buffer.alloc(4096, 0x42);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
      } finally {
        closeSync(fd);
      }
    },
    free: () => rmSync(ballast, { force: true }),
    unmount: () => {
      // Lazy: a file a crashed test left open must not keep the mount (and the next run) stuck.
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      rmdirSync(dir);
    },
  };
}

/**
 * Where no file system can be mounted: the hub's database itself reaches its limit. SQLite's
 * `max_page_count` pinned at the file's size makes every write that needs one more page fail
 * with SQLITE_FULL from SQLite itself (nothing in the hub is mocked); `free` lifts the limit.
 * Files (scans, logs) are not affected: only the database is full.
 */
export function databaseLimit(db: { pragma(source: string, options?: { simple: true }): unknown }): { fill(): void; free(): void } {
  return {
    fill: () => {
      const pages = Number(db.pragma('page_count', { simple: true }));
      db.pragma(`max_page_count = ${pages}`);
    },
    free: () => void db.pragma('max_page_count = 1073741823'),
  };
}

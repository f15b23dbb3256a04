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
 * Whether this machine lets the tests mount a file system (root, as on CI). Elsewhere the
 * full-disk tests are skipped and say so, rather than fail a developer's `npm test`.
 */
export const canMountSmallDisk = process.getuid?.() === 0;
export const noSmallDiskReason = 'skipped: mounting a small tmpfs for the full-disk tests needs root (CI runs them as root)';

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

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HubError } from '../../../contract/errors';
import { startTestHub } from '../../support/hub';
import { siteWorkload } from '../../support/site-workload';

const root = join(import.meta.dirname, '..', '..', '..');

/** Overwrites whole pages in the middle of the file with random bytes, as a failing disk does. */
function damage(file: string): void {
  const pages = statSync(file).size / 4096;
  const fd = openSync(file, 'r+');
  try {
    for (let p = Math.floor(pages / 3); p < Math.floor(pages / 3) + 4; p++) writeSync(fd, randomBytes(4096), 0, 4096, p * 4096);
  } finally {
    closeSync(fd);
  }
}

/**
 * A database file damaged on disk: the hub refuses it with a Vietnamese message that names the
 * newest good backup and the command that restores it (not "database disk image is malformed"),
 * and that command, run while no hub is up, puts the backup in place and keeps the damaged file.
 */
describe('a corrupted database at start', () => {
  it('is refused with the newest good backup named; `restore <id>` brings the hub back', async () => {
    const hub = await startTestHub({ keepData: true });
    const dataDir = hub.dataDir;
    try {
      const work = await siteWorkload(hub);
      await work.serve(3);
      for (let i = 0; i < 30; i++) await work.receive(`Người thứ ${i}`); // a file of a few dozen pages
      const admin = await hub.admin();
      const older = await admin['backups.create']({});
      const newest = await admin['backups.create']({});
      expect(newest.local.id).not.toBe(older.local.id);
      await hub.stop();
      // The newest set's database copy is damaged too: the refusal must name the older one.
      damage(join(newest.local.path, 'motcua.sqlite'));
      damage(join(dataDir, 'motcua.sqlite'));

      const refused = await hub.start().then(() => null, (e: unknown) => e);
      expect(refused).toBeInstanceOf(HubError);
      const e = refused as HubError;
      expect(e.code).toBe('DB_CORRUPT');
      expect(e.message).toContain('bị hỏng');
      expect(e.message).toContain(`Bản sao lưu tốt gần nhất: ${older.local.id}`);
      expect(e.message).toContain(`npm run restore -- ${older.local.id}`);
      expect(e.message).not.toMatch(/^database disk image is malformed/);
      expect(e.details).toMatchObject({ backup: { id: older.local.id, path: older.local.path } });

      // The command the message names, run as the admin would (no hub running).
      const cli = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'main', 'node', 'cli.ts'), 'restore', older.local.id], {
        cwd: root, env: { ...process.env, MOTCUA_DATA_DIR: dataDir }, encoding: 'utf8', timeout: 120_000,
      });
      expect(cli.stdout).toContain(`Đã khôi phục bản sao lưu ${older.local.id}`);
      expect(cli.status).toBe(0);
      const aside = readdirSync(dataDir).filter((f) => f.startsWith('motcua.sqlite.before-restore-'));
      expect(aside.length).toBeGreaterThan(0);
      expect(existsSync(join(dataDir, 'restore-staging'))).toBe(false);

      await hub.start();
      const back = await hub.admin();
      expect((await back['backups.list']({})).local.sets.map((s) => s.id)).toContain(older.local.id);
      const restoredFrom = hub.running.hub.deps.site.get<{ backupId: string; recoveredAt: null }>('restoredFrom');
      expect(restoredFrom).toMatchObject({ backupId: older.local.id, recoveredAt: null });
    } finally {
      await hub.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('a file that is not a database at all is refused the same way, and says when there is no backup', async () => {
    const hub = await startTestHub({ keepData: true });
    const dataDir = hub.dataDir;
    try {
      await hub.stop();
      const fd = openSync(join(dataDir, 'motcua.sqlite'), 'r+');
      writeSync(fd, randomBytes(4096), 0, 4096, 0);
      closeSync(fd);
      const refused = (await hub.start().then(() => null, (e: unknown) => e)) as HubError;
      expect(refused.code).toBe('DB_CORRUPT');
      expect(refused.message).toContain('Không tìm thấy bản sao lưu nào');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

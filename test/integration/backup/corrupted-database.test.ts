import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HubError } from '../../../contract/errors';
import { closedCleanly } from '../../../main/node/db/clean-close';
import { hubAccounts, startTestHub } from '../../support/hub';
import { startHubProcess } from '../../support/hub-process';
import { siteWorkload } from '../../support/site-workload';
import { damageDatabase } from '../../support/damage-db';

const root = join(import.meta.dirname, '..', '..', '..');

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
      damageDatabase(join(newest.local.path, 'motcua.sqlite'));
      damageDatabase(join(dataDir, 'motcua.sqlite'));

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

  it('a clean stop (SIGTERM, even the moment the hub says it serves) is remembered, so the next start skips reading every page', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'motcua-clean-stop-'));
    try {
      const proc = await startHubProcess(dataDir);
      await proc.kill('SIGTERM');
      expect(proc.child.exitCode, proc.output()).toBe(0);
      expect(closedCleanly(dataDir, join(dataDir, 'motcua.sqlite'))).toBe(true);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('after a power cut (kill -9) every page is checked, even when the file kept its size and time', async () => {
    // A clean stop stamps the closed file and the next start skips the full check (it reads every
    // page: seconds on a big database); a hub that never closed leaves no stamp.
    const dataDir = mkdtempSync(join(tmpdir(), 'motcua-power-cut-'));
    try {
      const proc = await startHubProcess(dataDir);
      const work = await siteWorkload(hubAccounts(proc.url, { username: 'admin', password: proc.oneTimePassword! }));
      for (let i = 0; i < 30; i++) await work.receive(`Người thứ ${i}`);
      await proc.kill('SIGKILL');
      const file = join(dataDir, 'motcua.sqlite');
      // The pages into the file itself (as the hub's own checkpoints do), so the damage is not
      // hidden behind newer copies of them in the WAL.
      const db = new Database(file);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      const before = statSync(file);
      damageDatabase(file);
      utimesSync(file, before.atime, before.mtime);
      const refused = await startTestHub({ dataDir, keepData: true }).then(async (h) => (await h.close(), null), (e: unknown) => e);
      expect((refused as HubError | null)?.code).toBe('DB_CORRUPT');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

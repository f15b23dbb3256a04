import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESTORED_FROM_KEY, RestoreRecord } from '../../../contract/restore';
import { freePort } from '../../support/free-port';
import { hubAccounts } from '../../support/hub';

const root = join(import.meta.dirname, '..', '..', '..');

async function until<T>(what: string, probe: () => Promise<T | null> | T | null): Promise<T> {
  for (let i = 0; i < 1200; i++) {
    const v = await Promise.resolve(probe()).catch(() => null);
    if (v !== null && v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/**
 * The production path of a restore from the admin screen on a headless hub: the hub stages the
 * set, ends with the restart code, and the supervisor starts it again at once (not as a death with
 * a delay); the new hub puts the copy in place before it serves.
 */
describe('a restore under the supervisor', () => {
  it('the hub exits to be restarted, comes back on the copy with a new stream', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-restore-supervised-'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const supervisor = spawn(process.execPath, ['--import', 'tsx', join(root, 'main', 'node', 'supervisor.ts')], {
      cwd: root,
      env: { ...process.env, MOTCUA_DATA_DIR: dir, MOTCUA_PORT: String(port), MOTCUA_HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    supervisor.stdout.on('data', (d: Buffer) => (out += d.toString()));
    supervisor.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => supervisor.once('exit', (c) => resolve(c)));
    const lockPid = () => (existsSync(join(dir, 'hub.lock')) ? Number(readFileSync(join(dir, 'hub.lock'), 'utf8')) : null);
    try {
      const password = await until('the one-time password', () => /Mật khẩu dùng một lần: (\S+)/.exec(out)?.[1] ?? null);
      const admin = await hubAccounts(url, { username: 'admin', password }).admin();
      const created = await admin['backups.create']({});
      const first = await until('the hub lock', lockPid);
      await admin['backups.restore']({ id: created.local.id, location: 'local' });
      await until('a new hub process', () => {
        const pid = lockPid();
        return pid !== null && pid !== first ? pid : null;
      });
      await until('the new hub to answer', async () => ((await fetch(`${url}/api/system.health`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).ok ? true : null));
      const db = new Database(join(dir, 'motcua.sqlite'), { readonly: true });
      const record = RestoreRecord.parse(JSON.parse((db.prepare('SELECT value FROM settings WHERE key = ?').get(RESTORED_FROM_KEY) as { value: string }).value));
      db.close();
      expect(record).toMatchObject({ backupId: created.local.id, recoveredAt: null });
      const supervisorLog = readdirSync(join(dir, 'logs')).filter((f) => f.startsWith('supervisor.')).map((f) => readFileSync(join(dir, 'logs', f), 'utf8')).join('');
      expect(supervisorLog).toContain('hub asked to be started again (a restore)');
      expect(supervisorLog).not.toContain('hub died; restarting');
      supervisor.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (supervisor.exitCode === null) supervisor.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

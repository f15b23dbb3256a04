import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port';

const root = join(import.meta.dirname, '..', '..');

function logLines(dir: string, prefix: string): { level: number; msg: string; err?: { message?: string } }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean))
    .map((l) => JSON.parse(l) as { level: number; msg: string; err?: { message?: string } });
}

async function until<T>(what: string, probe: () => Promise<T | null> | T | null): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const v = await Promise.resolve(probe()).catch(() => null);
    if (v !== null && v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a hub process that meets an error nothing caught', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('logs a lost promise and keeps serving; logs an exception thrown from a callback and ends for its supervisor', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-last-resort-'));
    dirs.push(dir);
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test', 'support', 'fixtures', 'last-resort-child.ts'), dir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(out).toContain('still serving after the rejection');
    expect(code).toBe(70);
    const lines = logLines(dir, 'hub.');
    expect(lines.find((l) => l.level === 50 && l.err?.message === 'a promise nobody awaited')?.msg).toMatch(/unhandled promise rejection/);
    expect(lines.find((l) => l.level === 60 && l.err?.message === 'thrown from a timer')?.msg).toMatch(/uncaught exception/);
  });

  it('the headless supervisor starts a killed hub again on the same port and stops with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-supervised-'));
    dirs.push(dir);
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
    const health = async () => ((await fetch(`${url}/api/system.health`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).ok ? true : null);
    const lockPid = () => (existsSync(join(dir, 'hub.lock')) ? Number(readFileSync(join(dir, 'hub.lock'), 'utf8')) : null);
    try {
      await until('the hub to answer', health);
      const first = await until('the hub lock', lockPid);
      process.kill(first, 'SIGKILL');
      // A new hub process takes the folder over and answers on the same address.
      const second = await until('a new hub process', () => {
        const pid = lockPid();
        return pid !== null && pid !== first ? pid : null;
      });
      await until('the new hub to answer', health);
      expect(second).not.toBe(first);
      const restarts = logLines(join(dir, 'logs'), 'supervisor.').filter((l) => l.msg === 'hub died; restarting');
      expect(restarts).toHaveLength(1);
      // A stop of the service stops the hub too, and nothing is started again.
      supervisor.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(() => process.kill(second, 0)).toThrow();
      expect(existsSync(join(dir, 'hub.lock'))).toBe(false);
    } finally {
      if (supervisor.exitCode === null) supervisor.kill('SIGKILL');
      const pid = lockPid();
      if (pid !== null) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      if (supervisor.exitCode !== 0) console.log(out);
    }
  });
});

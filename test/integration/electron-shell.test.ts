import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { damageDatabase } from '../support/damage-db';
import { startTestHub } from '../support/hub';
import { START_HANG_MS } from '../support/hub-process';
import { siteWorkload } from '../support/site-workload';

/**
 * The built Electron app, as far as it can run without the Electron binary (which cannot be
 * downloaded here): the real build (`scripts/build.mjs`) into an app folder laid out like the
 * installed one, its main bundle loaded by Node with a stand-in `electron` module
 * (test/support/electron-stub/), followed up to where it opens its windows. On 2026-12-02 this
 * bundle threw before its first line ran (createRequire(undefined): `import.meta` is empty in CJS).
 */
const root = join(import.meta.dirname, '..', '..');
const stub = join(root, 'test', 'support', 'electron-stub');

interface Report {
  readonly event: string;
  readonly [k: string]: unknown;
}
interface WindowReport extends Report {
  readonly url: string;
  readonly options: { x: number; y: number; width: number; height: number; title: string; kiosk: boolean; fullscreen: boolean; closable: boolean };
  readonly webPreferences: { preload: string; sandbox: boolean; contextIsolation: boolean; nodeIntegration: boolean; devTools: boolean };
}

const displays = [
  { id: 10, bounds: { x: 0, y: 0, width: 1366, height: 768 }, workArea: { x: 0, y: 0, width: 1366, height: 728 }, size: { width: 1366, height: 768 } },
  { id: 20, bounds: { x: 1366, y: 0, width: 1080, height: 1920 }, workArea: { x: 1366, y: 0, width: 1080, height: 1920 }, size: { width: 1080, height: 1920 } },
];

describe('the built Electron app under Node with a stand-in electron module', () => {
  let dir: string;
  let child: ChildProcess;
  let output = '';
  const reportFile = () => join(dir, 'report.jsonl');
  const reports = (): Report[] => (existsSync(reportFile()) ? readFileSync(reportFile(), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Report) : []);
  const windows = () => reports().filter((r): r is WindowReport => r.event === 'window');

  /** The built app's main bundle on the data folder `data`, reporting its Electron calls to `report`. */
  const runApp = (data: string, report: string, env: Record<string, string> = {}): ChildProcess =>
    spawn(process.execPath, ['--require', join(stub, 'register.cjs'), join(dir, 'app', 'dist', 'electron', 'main.cjs')], {
      cwd: dir,
      env: {
        ...process.env,
        MOTCUA_DATA_DIR: data,
        MOTCUA_PORT: '0',
        MOTCUA_HOST: '127.0.0.1',
        MOTCUA_ELECTRON_STUB_APP_PATH: join(dir, 'app'),
        MOTCUA_ELECTRON_STUB_REPORT: report,
        MOTCUA_ELECTRON_STUB_DISPLAYS: JSON.stringify(displays),
        MOTCUA_ELECTRON_STUB_PACKAGED: '1',
        XDG_CONFIG_HOME: join(dir, 'config'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-shell-'));
    const app = join(dir, 'app');
    // What electron-builder packs: package.json, dist/, resources/, node_modules/.
    await promisify(execFile)(process.execPath, [join(root, 'scripts', 'build.mjs'), '--out', join(app, 'dist')], { cwd: root });
    writeFileSync(join(app, 'package.json'), readFileSync(join(root, 'package.json')));
    symlinkSync(join(root, 'node_modules'), join(app, 'node_modules'));
    symlinkSync(join(root, 'resources'), join(app, 'resources'));
    const data = join(dir, 'data');
    mkdirSync(data);
    // Remembered from last time: the counter on the second screen, the kiosk too, the TV on a screen since unplugged.
    writeFileSync(
      join(data, 'windows.json'),
      JSON.stringify({
        windows: [
          { role: 'counter', displayId: 20, bounds: { x: 1400, y: 40, width: 1000, height: 700 } },
          { role: 'kiosk', displayId: 20, bounds: null },
          { role: 'display', displayId: 99, bounds: null },
        ],
      }),
    );
    child = runApp(data, reportFile());
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const started = Date.now();
    while (windows().length < 3) {
      if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${output}`);
      if (Date.now() - started > START_HANG_MS) throw new Error(`the app opened no windows:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }, START_HANG_MS + 120_000);

  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts the hub and opens the remembered windows on their screens, the citizen-facing ones locked', async () => {
    const byRole = Object.fromEntries(windows().map((w) => [new URL(w.url).pathname.slice(1), w]));
    expect(Object.keys(byRole).sort()).toEqual(['counter', 'display', 'kiosk']);
    // The kiosk covers the portrait screen it was set on, full screen and unclosable.
    expect(byRole.kiosk!.options).toMatchObject({ x: 1366, y: 0, width: 1080, height: 1920, kiosk: true, fullscreen: true, closable: false });
    // The TV's screen is gone: it opens on the primary one rather than nowhere.
    expect(byRole.display!.options).toMatchObject({ x: 0, y: 0, width: 1366, height: 768, kiosk: true });
    // The counter keeps its size and place, as an ordinary window.
    expect(byRole.counter!.options).toMatchObject({ x: 1400, y: 40, width: 1000, height: 700, kiosk: false, closable: true, title: 'Một Cửa — Quầy' });
    for (const w of windows()) {
      expect(w.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
      expect(existsSync(w.webPreferences.preload), w.webPreferences.preload).toBe(true);
    }
    expect(byRole.kiosk!.webPreferences.devTools).toBe(false);

    // The hub behind them serves the API and the built screens.
    const origin = new URL(byRole.kiosk!.url).origin;
    const health = await fetch(`${origin}/api/system.health`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(health.status).toBe(200);
    const page = await fetch(byRole.kiosk!.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    expect(reports().filter((r) => r.event === 'ipc-handle').map((r) => r.channel)).toEqual(['motcua:device-token', 'motcua:unlock', 'motcua:print-pdf']);
    expect(reports().find((r) => r.event === 'error-box')).toBeUndefined();
  });

  it('sets itself to start at login on a new PC (an XDG autostart entry on Linux)', () => {
    const entry = readFileSync(join(dir, 'config', 'autostart', 'motcua.desktop'), 'utf8');
    expect(entry).toContain(`Exec=${process.execPath}`);
    expect(readFileSync(join(dir, 'data', 'auto-start-chosen'), 'utf8').trim()).toBe('true');
  });

  it('offers the newest good backup when the database is damaged, restores it at a click and starts again (no command line needed)', async () => {
    const data = join(dir, 'data-damaged');
    const hub = await startTestHub({ dataDir: data, keepData: true });
    const work = await siteWorkload(hub);
    await work.serve(3);
    for (let i = 0; i < 30; i++) await work.receive(`Người thứ ${i}`);
    const set = await (await hub.admin())['backups.create']({});
    await hub.stop();
    damageDatabase(join(data, 'motcua.sqlite'));

    const report = join(dir, 'report-damaged.jsonl');
    const app = runApp(data, report);
    const code = await new Promise<number | null>((resolve) => app.once('exit', (c) => resolve(c)));
    const said = readFileSync(report, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Report);
    const box = said.find((r) => r.event === 'message-box') as { title: string; message: string; buttons: string[] } | undefined;
    expect(box?.title).toBe('Cơ sở dữ liệu bị hỏng');
    expect(box?.message).toContain(`Bản sao lưu tốt gần nhất: ${set.local.id}`);
    expect(box?.message).not.toContain('npm run');
    expect(box?.buttons).toEqual(['Khôi phục bản sao lưu này', 'Thoát']);
    expect(said.map((r) => r.event)).toContain('relaunch');
    expect(code).toBe(0);

    // What the relaunched app finds: the backup in place, the damaged file kept beside it.
    expect(readdirSync(data).some((f) => f.startsWith('motcua.sqlite.before-restore-'))).toBe(true);
    await hub.start();
    try {
      expect((await (await hub.admin())['dossiers.search']({ q: 'Người thứ 29', limit: 5 })).length).toBe(1);
    } finally {
      await hub.close();
    }
  });

  it('on SIGTERM closes the hub before it exits', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(reports().at(-1)).toEqual({ event: 'exit', code: 0 });
    // The hub's data folder lock is released only by a hub that closed.
    expect(existsSync(join(dir, 'data', 'hub.lock'))).toBe(false);
  });
});

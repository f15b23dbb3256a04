import { app, dialog, ipcMain, Menu, type MenuItemConstructorOptions } from 'electron';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeviceKind } from '../../contract/access';
import { shellChannels, type WindowRole } from '../../contract/shell';
import { defaultDataDir } from '../node/data-dir';
import { portFromEnv } from '../node/hub-env';
import { createLocalDevice, verifyKioskPin } from '../node/hub/local-devices';
import { startHub, type RunningHub } from '../node/start-hub';
import { installLastResort } from '../node/last-resort';
import { createLogger } from '../../common/node/logger';
import { MAX_PDF_BYTES, printPdf } from './print-pdf';
import { denyPermissions, fromHub } from './security';
import { startUpdater } from './updater';
import { WindowConfig } from './window-config';
import { lockedRoles, WindowManager } from './windows';

/**
 * The Electron shell: one instance per PC, runs the hub core in this process, opens the windows
 * the site configured (counter, kiosk, display, rating) on their monitors, locks the citizen-facing
 * ones, and answers three IPC calls. Every rule lives in the hub core; nothing here decides.
 */
const roleNames: Record<WindowRole, string> = {
  counter: 'Quầy (cán bộ)',
  kiosk: 'Kiosk lấy số',
  display: 'Màn hình chờ (TV)',
  rating: 'Đánh giá hài lòng',
  admin: 'Quản trị',
};

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void main();
}

async function main(): Promise<void> {
  let running: RunningHub | null = null;
  let windows: WindowManager | null = null;
  app.on('second-instance', () => windows?.focusMain());
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => void running?.close());

  await app.whenReady();
  denyPermissions();
  const dataDir = defaultDataDir();
  const appPath = app.getAppPath();
  // The same log as a headless hub (docs/OPERATIONS.md, "Nhật ký"). What escapes everything
  // else ends this process, and Electron starts the app again: a fresh hub over the same data.
  const log = await createLogger({ name: 'hub', dir: join(dataDir, 'logs') });
  installLastResort(log, () => {
    app.relaunch();
    app.exit(70);
  });
  try {
    running = await startHub({
      log,
      dataDir,
      port: portFromEnv(process.env),
      host: process.env.MOTCUA_HOST ?? '0.0.0.0',
      rendererDir: join(appPath, 'dist', 'renderer'),
      voiceDir: join(appPath, 'resources', 'voice'),
      version: app.getVersion(),
      ...(process.env.MOTCUA_SQLITE_BINDING ? { nativeBinding: process.env.MOTCUA_SQLITE_BINDING } : {}),
    });
  } catch (e) {
    log.fatal({ err: e }, 'the Electron app could not start the hub');
    dialog.showErrorBox('Một Cửa không khởi động được', e instanceof Error ? e.message : String(e));
    app.exit(1);
    return;
  }
  const hub = running.hub;
  if (running.firstAdmin) {
    void dialog.showMessageBox({
      type: 'info',
      title: 'Lần chạy đầu tiên',
      message: `Đã tạo đơn vị MẪU để dùng thử.\n\nTài khoản quản trị: ${running.firstAdmin.username}\nMật khẩu dùng một lần: ${running.firstAdmin.password}\n\nMật khẩu này chỉ hiện một lần và phải đổi ở lần đăng nhập đầu tiên.`,
    });
  }

  const hubUrl = `http://127.0.0.1:${running.lan.port}`;
  const hubOrigin = new URL(hubUrl).origin;
  const manager = new WindowManager(hubUrl, join(appPath, 'dist', 'preload', 'index.cjs'), new WindowConfig(dataDir));
  windows = manager;

  const tokensFile = join(dataDir, 'local-devices.json');
  const localTokens = readTokens(tokensFile);
  ipcMain.handle(shellChannels.deviceToken, (event) => {
    const role = fromHub(event, hubOrigin) ? manager.roleOf(event.sender.id) : null;
    if (role === null || !lockedRoles.includes(role)) return null;
    const kind = role as DeviceKind;
    const known = localTokens[kind];
    if (known && isValid(() => hub.principalOf(known))) return known;
    const token = createLocalDevice(hub.deps, kind, `${roleNames[role]} trên máy chủ`);
    localTokens[kind] = token;
    writeFileSync(tokensFile, JSON.stringify(localTokens));
    chmodSync(tokensFile, 0o600);
    return token;
  });
  ipcMain.handle(shellChannels.unlock, async (event, pin: unknown) => {
    if (!fromHub(event, hubOrigin) || typeof pin !== 'string') return false;
    const ok = await verifyKioskPin(hub.deps, pin);
    if (ok) manager.closeUnlocked(event.sender.id);
    return ok;
  });

  ipcMain.handle(shellChannels.printPdf, async (event, pdfBase64: unknown) => {
    if (!fromHub(event, hubOrigin) || typeof pdfBase64 !== 'string' || pdfBase64.length > (MAX_PDF_BYTES * 4) / 3 + 4) return false;
    const a4 = hub.deps.printing.printers().find((p) => p.active && p.role === 'a4' && p.address.startsWith('os:'));
    return printPdf(Buffer.from(pdfBase64, 'base64'), a4 ? a4.address.slice(3) : null);
  });

  Menu.setApplicationMenu(Menu.buildFromTemplate(menu(manager)));
  manager.openAll();

  // Updates from the provincial folder, installed outside office hours (main/electron/updater.ts).
  startUpdater({ dataDir, log, hub: hub.deps });
}

function menu(manager: WindowManager): MenuItemConstructorOptions[] {
  const screens = (role: WindowRole): MenuItemConstructorOptions => ({
    label: roleNames[role],
    submenu: [
      ...manager.displays().map((d, i) => ({
        label: `Mở trên màn hình ${i + 1} (${d.size.width}×${d.size.height})`,
        click: () => manager.show({ role, displayId: d.id, bounds: null }),
      })),
      { type: 'separator' as const },
      { label: 'Đóng cửa sổ này', click: () => manager.close(role) },
    ],
  });
  return [
    { label: 'Một Cửa', submenu: [{ role: 'about', label: 'Giới thiệu' }, { type: 'separator' }, { role: 'quit', label: 'Thoát' }] },
    { label: 'Màn hình', submenu: (['counter', 'admin', 'kiosk', 'display', 'rating'] as const).map(screens) },
    { label: 'Sửa', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
  ];
}

function readTokens(file: string): Partial<Record<DeviceKind, string>> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<DeviceKind, string>>;
  } catch {
    return {};
  }
}

function isValid(check: () => unknown): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}

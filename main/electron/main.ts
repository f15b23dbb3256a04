import { app, dialog, ipcMain, Menu, type IpcMainInvokeEvent, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import { shellChannels, type WindowRole } from '../../contract/shell';
import { createLogger } from '../../common/node/logger';
import { screenNames } from '../core/shell-windows';
import { defaultDataDir } from '../node/data-dir';
import { portFromEnv } from '../node/hub-env';
import { installLastResort } from '../node/last-resort';
import { corruptStart, RESTORE_BUTTONS, restoreOffered } from '../node/shell/corrupt-start';
import { applyAutoStartAtLaunch, autoStartPlan, chooseAutoStart, type LoginItems } from '../node/shell/auto-start';
import { shellIpcHandlers, type IpcCaller } from '../node/shell/ipc-handlers';
import { LocalTokens } from '../node/shell/local-tokens';
import { WindowConfig } from '../node/shell/window-config';
import { startHub, type RunningHub } from '../node/start-hub';
import { printPdf } from './print-pdf';
import { denyPermissions } from './security';
import { startUpdater } from './updater';
import type { UpdateSchedule } from '../node/update/update-schedule';
import { WindowManager } from './windows';

/**
 * The Electron shell: one instance per PC, runs the hub core in this process, opens the windows
 * the site configured (counter, kiosk, display, rating) on their monitors, locks the citizen-facing
 * ones, and answers three IPC calls. What it decides is in main/core/shell-windows.ts and
 * main/node/shell/ (tested without Electron); this file only connects them to Electron.
 */
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void main();
}

async function main(): Promise<void> {
  let running: RunningHub | null = null;
  let windows: WindowManager | null = null;
  let updates: UpdateSchedule | null = null;
  app.on('second-instance', () => windows?.focusMain());
  app.on('window-all-closed', () => app.quit());
  // The database is closed before the process ends (a quit while a ticket is being written).
  // Outside office hours a waiting update is installed then, after its backup: the backup needs
  // the hub, the installer needs it closed. electron-updater's quit then ends the app.
  let closing = false;
  app.on('before-quit', (event) => {
    if (!running || closing) return;
    event.preventDefault();
    closing = true;
    const hub = running;
    void (async () => {
      const plan = (await updates?.atQuit()) ?? 'quit';
      await hub.close();
      if (plan === 'install' && updates?.install()) return;
      app.exit(0);
    })().catch((e: unknown) => {
      log.error({ err: e }, 'the quit did not close the hub or start the update cleanly');
      app.exit(0);
    });
  });

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
      // A restore from the admin screen is put in place by the next start: the app starts again.
      onRestartRequested: () => {
        closing = true;
        void running?.close().finally(() => {
          app.relaunch();
          app.exit(0);
        });
      },
      ...(process.env.MOTCUA_SQLITE_BINDING ? { nativeBinding: process.env.MOTCUA_SQLITE_BINDING } : {}),
    });
  } catch (e) {
    log.fatal({ err: e }, 'the Electron app could not start the hub');
    await sayWhyNotStarted(e, dataDir);
    return;
  }
  const hub = running.hub;
  if (running.firstAdmin) {
    void dialog.showMessageBox({
      type: 'info',
      title: 'Lần chạy đầu tiên',
      message: `Hãy mở trang Quản trị để thiết lập đơn vị (hoặc chọn “Dùng thử với dữ liệu mẫu”).\n\nTài khoản quản trị: ${running.firstAdmin.username}\nMật khẩu dùng một lần: ${running.firstAdmin.password}\n\nMật khẩu này chỉ hiện một lần và phải đổi ở lần đăng nhập đầu tiên.`,
    });
  }

  const hubUrl = `http://127.0.0.1:${running.lan.port}`;
  const manager = new WindowManager(hubUrl, join(appPath, 'dist', 'preload', 'index.cjs'), new WindowConfig(dataDir));
  windows = manager;

  const handlers = shellIpcHandlers({
    hub,
    hubOrigin: new URL(hubUrl).origin,
    tokens: new LocalTokens(dataDir),
    roleOf: (id) => manager.roleOf(id),
    closeWindow: (id) => manager.closeUnlocked(id),
    printPdf,
  });
  const caller = (event: IpcMainInvokeEvent): IpcCaller => ({ senderId: event.sender.id, frameUrl: event.senderFrame?.url });
  ipcMain.handle(shellChannels.deviceToken, (event) => handlers.deviceToken(caller(event), undefined));
  ipcMain.handle(shellChannels.unlock, (event, pin: unknown) => handlers.unlock(caller(event), pin));
  ipcMain.handle(shellChannels.printPdf, (event, pdf: unknown) => handlers.printPdf(caller(event), pdf));

  const loginItems: LoginItems = {
    get: (path) => app.getLoginItemSettings({ path }).openAtLogin,
    set: (path, openAtLogin) => app.setLoginItemSettings({ openAtLogin, path }),
  };
  const autoStart = autoStartPlan(process.platform, app.getPath('exe'), app.isPackaged);
  let startsAtLogin: boolean | null = null;
  try {
    if (autoStart) startsAtLogin = applyAutoStartAtLaunch(dataDir, autoStart, loginItems);
  } catch (e) {
    log.error({ err: e }, 'could not set the app to start at login');
  }
  const setStartsAtLogin = (enabled: boolean) => {
    try {
      if (autoStart) chooseAutoStart(dataDir, autoStart, loginItems, enabled);
    } catch (e) {
      log.error({ err: e }, 'could not change starting at login');
      dialog.showErrorBox('Không đổi được chế độ tự khởi động', e instanceof Error ? e.message : String(e));
    }
  };

  Menu.setApplicationMenu(Menu.buildFromTemplate(menu(manager, startsAtLogin, setStartsAtLogin)));
  manager.openAll();

  // Updates from the provincial folder, installed outside office hours (main/electron/updater.ts).
  updates = startUpdater({ dataDir, log, hub: hub.deps, backups: hub.backups });
}

function menu(manager: WindowManager, startsAtLogin: boolean | null, setStartsAtLogin: (enabled: boolean) => void): MenuItemConstructorOptions[] {
  const screens = (role: WindowRole): MenuItemConstructorOptions => ({
    label: screenNames[role],
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
    {
      label: 'Một Cửa',
      submenu: [
        { role: 'about', label: 'Giới thiệu' },
        { type: 'separator' },
        // null: not installed (npm start), where starting at login cannot be set.
        { label: 'Tự khởi động khi đăng nhập máy', type: 'checkbox', checked: startsAtLogin === true, enabled: startsAtLogin !== null, click: (item) => setStartsAtLogin(item.checked) },
        { type: 'separator' },
        { role: 'quit', label: 'Thoát' },
      ],
    },
    { label: 'Màn hình', submenu: (['counter', 'supervisor', 'admin', 'kiosk', 'display', 'rating'] as const).map(screens) },
    { label: 'Sửa', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
  ];
}

/** The hub did not start: a damaged database is offered its newest good backup (corrupt-start.ts); anything else is said as it is. */
async function sayWhyNotStarted(e: unknown, dataDir: string): Promise<void> {
  const corrupt = corruptStart(e);
  if (corrupt?.offer) {
    const { response } = await dialog.showMessageBox({ type: 'error', title: corrupt.title, message: corrupt.message, buttons: [...RESTORE_BUTTONS], defaultId: 0, cancelId: 1 });
    if (response === 0) {
      const restored = await restoreOffered(dataDir, corrupt.offer);
      if (restored.ok) {
        app.relaunch();
        app.exit(0);
        return;
      }
      dialog.showErrorBox('Không khôi phục được bản sao lưu', restored.lines.join('\n'));
    }
  } else {
    dialog.showErrorBox(corrupt?.title ?? 'Một Cửa không khởi động được', corrupt?.message ?? (e instanceof Error ? e.message : String(e)));
  }
  app.exit(1);
}

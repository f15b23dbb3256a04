import { BrowserWindow, screen, type Display } from 'electron';
import type { WindowRole } from '../../contract/shell';
import { shellChannels } from '../../contract/shell';
import { lockedKey, placeWindow, windowTitles, type WindowPlacement } from '../core/shell-windows';
import type { WindowConfig } from '../node/shell/window-config';
import { lockNavigation, secureWebPreferences } from './security';

/** Opens, places, remembers and locks the windows of the hub PC, as main/core/shell-windows.ts decides. */
export class WindowManager {
  private readonly open = new Map<WindowRole, BrowserWindow>();
  private readonly unlocked = new Set<number>();

  constructor(
    private readonly hubUrl: string,
    private readonly preloadPath: string,
    private readonly config: WindowConfig,
  ) {}

  roleOf(webContentsId: number): WindowRole | null {
    for (const [role, w] of this.open) if (!w.isDestroyed() && w.webContents.id === webContentsId) return role;
    return null;
  }

  openAll(): void {
    for (const p of this.config.placements) this.show(p);
  }

  focusMain(): void {
    const w = this.open.get('counter') ?? this.open.get('admin') ?? [...this.open.values()][0];
    if (w) {
      if (w.isMinimized()) w.restore();
      w.focus();
    }
  }

  /** Opens a role's window on a display (or moves it there) and remembers the choice. */
  show(p: WindowPlacement): BrowserWindow {
    const plan = placeWindow(p, screen.getAllDisplays(), screen.getPrimaryDisplay().id);
    this.config.upsert({ ...p, displayId: plan.displayId });
    const existing = this.open.get(p.role);
    if (existing && !existing.isDestroyed()) {
      existing.setBounds(plan.bounds);
      existing.focus();
      return existing;
    }
    const win = new BrowserWindow({
      ...plan.bounds,
      title: windowTitles[p.role],
      backgroundColor: '#ffffff',
      show: false,
      kiosk: plan.locked,
      fullscreen: plan.locked,
      autoHideMenuBar: plan.locked,
      closable: !plan.locked,
      webPreferences: secureWebPreferences(this.preloadPath, !plan.locked),
    });
    lockNavigation(win.webContents, new URL(this.hubUrl).origin);
    if (plan.locked) this.lock(win);
    else {
      const remember = () => this.config.upsert({ role: p.role, displayId: screen.getDisplayMatching(win.getBounds()).id, bounds: win.getBounds() });
      win.on('moved', remember);
      win.on('resized', remember);
    }
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => this.open.delete(p.role));
    this.open.set(p.role, win);
    void win.loadURL(`${this.hubUrl}/${p.role}`);
    return win;
  }

  close(role: WindowRole): void {
    const w = this.open.get(role);
    if (w && !w.isDestroyed()) {
      this.unlocked.add(w.id);
      w.close();
    }
    this.config.remove(role);
  }

  /** Lets a locked window close once (the right PIN was entered on it). */
  closeUnlocked(webContentsId: number): void {
    const role = this.roleOf(webContentsId);
    if (role) this.close(role);
  }

  displays(): Display[] {
    return screen.getAllDisplays();
  }

  private lock(win: BrowserWindow): void {
    win.setMenu(null);
    win.webContents.on('before-input-event', (event, input) => {
      const outcome = lockedKey(input);
      if (outcome === 'pass') return;
      event.preventDefault();
      if (outcome === 'unlock-request') win.webContents.send(shellChannels.unlockRequested);
    });
    win.on('close', (event) => {
      if (!this.unlocked.has(win.id)) event.preventDefault();
    });
    // A crashed or hung citizen screen reloads itself rather than staying blank.
    win.webContents.on('render-process-gone', () => void win.loadURL(win.webContents.getURL() || this.hubUrl));
    win.on('unresponsive', () => win.webContents.reload());
  }
}

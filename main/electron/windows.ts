import { BrowserWindow, screen, type Display, type Input } from 'electron';
import type { WindowRole } from '../../contract/shell';
import { shellChannels } from '../../contract/shell';
import { lockNavigation, secureWebPreferences } from './security';
import type { WindowConfig, WindowPlacement } from './window-config';

/** Citizen-facing windows are locked full-screen kiosks; staff windows are ordinary windows. */
export const lockedRoles: readonly WindowRole[] = ['kiosk', 'display', 'rating'];

const titles: Record<WindowRole, string> = {
  counter: 'Một Cửa — Quầy',
  kiosk: 'Một Cửa — Kiosk lấy số',
  display: 'Một Cửa — Màn hình chờ',
  rating: 'Một Cửa — Đánh giá',
  admin: 'Một Cửa — Quản trị',
};

/** Keys a locked window swallows: reload, close, dev tools, full-screen toggles, zoom. */
function isBlockedChord(input: Input): boolean {
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  return (
    key === 'f5' || key === 'f11' || key === 'f12' ||
    (mod && ['r', 'w', 'q', 'n', 't', 'p', '+', '-', '=', '0'].includes(key)) ||
    (mod && input.shift && key === 'i') ||
    (input.alt && key === 'f4')
  );
}

/** Opens, places, remembers and locks the windows of the hub PC. */
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
    const existing = this.open.get(p.role);
    const display = this.displayFor(p.displayId);
    const locked = lockedRoles.includes(p.role);
    if (existing && !existing.isDestroyed()) {
      existing.setBounds(display.bounds);
      existing.focus();
      this.config.upsert({ ...p, displayId: display.id });
      return existing;
    }
    const bounds = locked ? display.bounds : (p.bounds ?? { ...display.workArea, width: Math.min(1366, display.workArea.width), height: Math.min(800, display.workArea.height) });
    const win = new BrowserWindow({
      ...bounds,
      title: titles[p.role],
      backgroundColor: '#ffffff',
      show: false,
      kiosk: locked,
      fullscreen: locked,
      autoHideMenuBar: locked,
      closable: !locked,
      webPreferences: secureWebPreferences(this.preloadPath, !locked),
    });
    lockNavigation(win.webContents, new URL(this.hubUrl).origin);
    if (locked) this.lock(win);
    else {
      const remember = () => this.config.upsert({ role: p.role, displayId: screen.getDisplayMatching(win.getBounds()).id, bounds: win.getBounds() });
      win.on('moved', remember);
      win.on('resized', remember);
    }
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => this.open.delete(p.role));
    this.open.set(p.role, win);
    this.config.upsert({ ...p, displayId: display.id });
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

  private displayFor(id: number | null): Display {
    return screen.getAllDisplays().find((d) => d.id === id) ?? screen.getPrimaryDisplay();
  }

  private lock(win: BrowserWindow): void {
    win.setMenu(null);
    win.webContents.on('before-input-event', (event, input) => {
      if (input.type !== 'keyDown') return;
      if ((input.control || input.meta) && input.shift && input.key.toLowerCase() === 'q') {
        event.preventDefault();
        win.webContents.send(shellChannels.unlockRequested);
        return;
      }
      if (isBlockedChord(input)) event.preventDefault();
    });
    win.on('close', (event) => {
      if (!this.unlocked.has(win.id)) event.preventDefault();
    });
    // A crashed or hung citizen screen reloads itself rather than staying blank.
    win.webContents.on('render-process-gone', () => void win.loadURL(win.webContents.getURL() || this.hubUrl));
    win.on('unresponsive', () => win.webContents.reload());
  }
}

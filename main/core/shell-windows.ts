import type { WindowRole } from '../../contract/shell';

/**
 * What the Electron shell decides about its windows, as plain functions so that they are tested
 * without the Electron binary (main/electron/ only applies them).
 */

/** Citizen-facing windows are locked full-screen kiosks; staff windows are ordinary windows. */
export const lockedRoles: readonly WindowRole[] = ['kiosk', 'display', 'rating'];

export const isLocked = (role: WindowRole): boolean => lockedRoles.includes(role);

/** Window titles, and the names of the screens in the shell's menu and on local device records. */
export const windowTitles: Record<WindowRole, string> = {
  counter: 'Một Cửa — Quầy',
  kiosk: 'Một Cửa — Kiosk lấy số',
  display: 'Một Cửa — Màn hình chờ',
  rating: 'Một Cửa — Đánh giá',
  supervisor: 'Một Cửa — Giám sát',
  admin: 'Một Cửa — Quản trị',
};

export const screenNames: Record<WindowRole, string> = {
  counter: 'Quầy (cán bộ)',
  kiosk: 'Kiosk lấy số',
  display: 'Màn hình chờ (TV)',
  rating: 'Đánh giá hài lòng',
  supervisor: 'Giám sát, báo cáo',
  admin: 'Quản trị',
};

/** The fields of a key press that matter here (Electron's `Input` has them). */
export interface KeyPress {
  readonly type: string;
  readonly key: string;
  readonly control: boolean;
  readonly meta: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
}

export type LockedKeyOutcome = 'pass' | 'block' | 'unlock-request';

/**
 * A key pressed in a locked window: Ctrl+Shift+Q asks for the unlock screen; reload, close, new
 * window, print, dev tools, full screen, zoom and Alt+F4 are swallowed; everything else (typing a
 * CCCD number on the kiosk's keyboard) passes.
 */
export function lockedKey(input: KeyPress): LockedKeyOutcome {
  if (input.type !== 'keyDown') return 'pass';
  const key = input.key.toLowerCase();
  const mod = input.control || input.meta;
  if (mod && input.shift && key === 'q') return 'unlock-request';
  const blocked =
    key === 'f5' || key === 'f11' || key === 'f12' ||
    (mod && ['r', 'w', 'q', 'n', 't', 'p', 'o', 's', '+', '-', '=', '0'].includes(key)) ||
    (mod && input.shift && (key === 'i' || key === 'j' || key === 'c')) ||
    (input.alt && (key === 'f4' || key === 'arrowleft' || key === 'arrowright' || key === 'home'));
  return blocked ? 'block' : 'pass';
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DisplayInfo {
  readonly id: number;
  /** The whole screen (a locked window covers it). */
  readonly bounds: Rect;
  /** The screen less the taskbar (where a staff window may open). */
  readonly workArea: Rect;
}

export interface WindowPlacement {
  readonly role: WindowRole;
  /** The display the window belongs on; null = the primary one. */
  readonly displayId: number | null;
  /** A staff window's last size and position; null = the default. */
  readonly bounds: Rect | null;
}

export interface WindowPlan {
  readonly role: WindowRole;
  readonly displayId: number;
  readonly bounds: Rect;
  readonly locked: boolean;
}

/** A staff window opens at the counter screen's design size, or smaller on a smaller screen. */
const STAFF_SIZE = { width: 1366, height: 800 };

/**
 * Where a window opens: on its remembered display, or the primary one when that display is gone
 * (a TV unplugged over the weekend). A locked window covers its display; a staff window keeps its
 * remembered bounds only while they are still visible on that display, so it never opens off-screen.
 */
export function placeWindow(p: WindowPlacement, displays: readonly DisplayInfo[], primaryId: number): WindowPlan {
  const display = displays.find((d) => d.id === p.displayId) ?? displays.find((d) => d.id === primaryId) ?? displays[0];
  if (!display) throw new Error('no display');
  const locked = isLocked(p.role);
  if (locked) return { role: p.role, displayId: display.id, bounds: display.bounds, locked };
  const area = display.workArea;
  const remembered = p.bounds && p.displayId === display.id && visibleEnough(p.bounds, area) ? p.bounds : null;
  const bounds = remembered ?? { x: area.x, y: area.y, width: Math.min(STAFF_SIZE.width, area.width), height: Math.min(STAFF_SIZE.height, area.height) };
  return { role: p.role, displayId: display.id, bounds, locked };
}

/** At least a 200×100 piece of the window (its title bar, to drag it) lies inside the area. */
function visibleEnough(r: Rect, area: Rect): boolean {
  const w = Math.min(r.x + r.width, area.x + area.width) - Math.max(r.x, area.x);
  const h = Math.min(r.y + r.height, area.y + area.height) - Math.max(r.y, area.y);
  return w >= 200 && h >= 100 && r.y >= area.y && r.y < area.y + area.height - 40;
}

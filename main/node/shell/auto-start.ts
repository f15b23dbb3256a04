import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../../../common/node/atomic-file';

/**
 * Starting with the session of the hub PC's user, so that a power cut at night does not leave the
 * queue dark in the morning. Windows (and macOS) keep this as a login item that Electron sets;
 * Linux has no such call, so the shell writes an XDG autostart entry (~/.config/autostart).
 */
export type AutoStartPlan =
  | { readonly kind: 'login-item'; readonly path: string }
  | { readonly kind: 'xdg-autostart'; readonly file: string; readonly content: string };

/**
 * null when the app is not installed (run from the source folder by `npm start`): its executable
 * is the bare Electron runtime, which would start Electron's welcome page at login, not Một Cửa.
 */
export function autoStartPlan(platform: NodeJS.Platform, execPath: string, packaged: boolean, env: NodeJS.ProcessEnv = process.env, home = homedir()): AutoStartPlan | null {
  if (!packaged) return null;
  if (platform !== 'linux') return { kind: 'login-item', path: execPath };
  // An AppImage runs from a temporary mount: start the AppImage file itself, not what is inside.
  const program = env.APPIMAGE ?? execPath;
  const file = join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'autostart', 'motcua.desktop');
  const content = [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Một Cửa',
    'Comment=Bộ phận một cửa: xếp hàng lấy số, tiếp nhận hồ sơ',
    `Exec=${desktopExecArg(program)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
  return { kind: 'xdg-autostart', file, content };
}

/** One argument of a desktop entry's Exec key, quoted as the Desktop Entry Specification asks. */
export function desktopExecArg(arg: string): string {
  if (!/[\s"'\\`$<>~|&;*?#()%]/.test(arg)) return arg;
  // Quoting escapes " ` $ \ with a backslash; the key's value is then a string, whose backslashes double.
  const quoted = arg.replace(/["`$\\]/g, (c) => `\\${c}`);
  return `"${quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%')}"`;
}

/** What the platform's own login-item call does (Electron's app.setLoginItemSettings). */
export interface LoginItems {
  get(path: string): boolean;
  set(path: string, openAtLogin: boolean): void;
}

function autoStartEnabled(plan: AutoStartPlan, items: LoginItems): boolean {
  if (plan.kind === 'login-item') return items.get(plan.path);
  try {
    return readFileSync(plan.file, 'utf8') === plan.content;
  } catch {
    return false;
  }
}

function setAutoStart(plan: AutoStartPlan, items: LoginItems, enabled: boolean): void {
  if (plan.kind === 'login-item') return items.set(plan.path, enabled);
  if (!enabled) return rmSync(plan.file, { force: true });
  mkdirSync(dirname(plan.file), { recursive: true });
  writeFileAtomic(plan.file, plan.content);
}

/**
 * A new hub PC is set to start by itself; once anyone has chosen in the shell's menu, that choice
 * stands (the marker file in the data folder says a choice was made).
 */
export function applyAutoStartAtLaunch(dataDir: string, plan: AutoStartPlan, items: LoginItems): boolean {
  const marker = join(dataDir, 'auto-start-chosen');
  try {
    readFileSync(marker);
  } catch {
    chooseAutoStart(dataDir, plan, items, true);
    return true;
  }
  return autoStartEnabled(plan, items);
}

export function chooseAutoStart(dataDir: string, plan: AutoStartPlan, items: LoginItems, enabled: boolean): void {
  setAutoStart(plan, items, enabled);
  writeFileAtomic(join(dataDir, 'auto-start-chosen'), `${enabled}\n`);
}

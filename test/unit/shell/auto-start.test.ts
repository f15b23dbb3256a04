import { mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyAutoStartAtLaunch, autoStartPlan, chooseAutoStart, desktopExecArg, type LoginItems } from '../../../main/node/shell/auto-start';

function fakeLoginItems() {
  const items = new Map<string, boolean>();
  const api: LoginItems = { get: (path) => items.get(path) ?? false, set: (path, on) => void items.set(path, on) };
  return { items, api };
}

describe('starting at login', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'motcua-autostart-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is a login item on Windows, for the installed program', () => {
    expect(autoStartPlan('win32', 'C:\\Program Files\\Mot Cua\\Mot Cua.exe', true, {}, dir)).toEqual({ kind: 'login-item', path: 'C:\\Program Files\\Mot Cua\\Mot Cua.exe' });
  });

  it('is not offered when the app runs from the source folder (its executable is bare Electron)', () => {
    expect(autoStartPlan('win32', 'C:\\dev\\electron.exe', false, {}, dir)).toBeNull();
    expect(autoStartPlan('linux', '/src/node_modules/electron/dist/electron', false, {}, dir)).toBeNull();
  });

  it('is an XDG autostart entry on Linux that starts the AppImage file, not its temporary mount', () => {
    const plan = autoStartPlan('linux', '/tmp/.mount_MotCuaX/motcua', true, { APPIMAGE: '/home/ub/Mot Cua/MotCua-0.1.0.AppImage' }, '/home/ub');
    expect(plan).toMatchObject({ kind: 'xdg-autostart', file: '/home/ub/.config/autostart/motcua.desktop' });
    expect(plan?.kind === 'xdg-autostart' && plan.content).toContain('Exec="/home/ub/Mot Cua/MotCua-0.1.0.AppImage"\n');
    expect(autoStartPlan('linux', '/opt/Mot Cua/motcua', true, { XDG_CONFIG_HOME: '/cfg' }, '/home/ub')).toMatchObject({ file: '/cfg/autostart/motcua.desktop' });
  });

  it('quotes an Exec argument as the Desktop Entry Specification asks', () => {
    expect(desktopExecArg('/opt/motcua/motcua')).toBe('/opt/motcua/motcua');
    expect(desktopExecArg('/opt/a b/$x"`\\%')).toBe('"/opt/a b/\\\\$x\\\\"\\\\`\\\\\\\\%%"');
  });

  it('is switched on at the first launch, and the choice made afterwards stands', () => {
    const { items, api } = fakeLoginItems();
    const plan = autoStartPlan('win32', 'C:\\MotCua.exe', true, {}, dir)!;
    expect(applyAutoStartAtLaunch(dir, plan, api)).toBe(true);
    expect(items.get('C:\\MotCua.exe')).toBe(true);
    chooseAutoStart(dir, plan, api, false);
    expect(applyAutoStartAtLaunch(dir, plan, api)).toBe(false);
    expect(items.get('C:\\MotCua.exe')).toBe(false);
  });

  it('writes and removes the Linux entry', () => {
    const { api } = fakeLoginItems();
    const plan = autoStartPlan('linux', '/opt/motcua/motcua', true, { XDG_CONFIG_HOME: join(dir, 'cfg') }, dir)!;
    expect(applyAutoStartAtLaunch(dir, plan, api)).toBe(true);
    const file = join(dir, 'cfg', 'autostart', 'motcua.desktop');
    expect(readFileSync(file, 'utf8')).toContain('Exec=/opt/motcua/motcua\n');
    chooseAutoStart(dir, plan, api, false);
    expect(existsSync(file)).toBe(false);
    expect(applyAutoStartAtLaunch(dir, plan, api)).toBe(false);
    // Someone edited the entry by hand to point elsewhere: the menu does not claim it is ours.
    chooseAutoStart(dir, plan, api, true);
    writeFileSync(file, '[Desktop Entry]\nExec=/usr/bin/other\n');
    expect(applyAutoStartAtLaunch(dir, plan, api)).toBe(false);
  });
});

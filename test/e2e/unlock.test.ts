import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shellChannels } from '../../contract/shell';
import { lockedKey } from '../../main/core/shell-windows';
import { shellIpcHandlers } from '../../main/node/shell/ipc-handlers';
import { LocalTokens } from '../../main/node/shell/local-tokens';
import { ALL_DAY, startTestHub, type TestHub } from '../support/hub';
import { pressAtFirstSight } from './support/first-sight';
import { accessibilityProblems } from './support/a11y';
import { deviceContext, launchBrowser, screenshot, sizes } from './support/browser';
import { installShell } from './support/shell-preload';

/**
 * The kiosk window of the hub PC, locked by the shell: Ctrl+Shift+Q brings up the unlock screen,
 * and only the kiosk PIN an admin set closes the window. The page runs the real preload against
 * the shell's real IPC handlers (test/e2e/support/shell-preload.ts); the Electron binary that
 * would carry the key press and close the window cannot run here.
 */
describe('unlocking a locked kiosk window on the hub PC', () => {
  let hub: TestHub;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dir: string;
  const closed: number[] = [];
  const KIOSK_WINDOW = 7;

  /** What the shell does with a key pressed in a locked window (main/electron/windows.ts). */
  const pressInLockedWindow = async (key: string, mods: { control?: boolean; shift?: boolean } = {}) => {
    const outcome = lockedKey({ type: 'keyDown', key, control: mods.control ?? false, meta: false, shift: mods.shift ?? false, alt: false });
    if (outcome === 'unlock-request') await page.evaluate((channel) => (window as unknown as { __motcuaShellSend(c: string): void }).__motcuaShellSend(channel), shellChannels.unlockRequested);
    else if (outcome === 'pass') await page.keyboard.press(key);
  };

  beforeAll(async () => {
    hub = await startTestHub({ screens: true });
    const admin = await hub.admin();
    await admin['site.update']({ queueHours: ALL_DAY });
    await admin['admin.setKioskPin']({ pin: '482615' });
    dir = mkdtempSync(join(tmpdir(), 'motcua-unlock-'));
    const handlers = shellIpcHandlers({
      hub: hub.running.hub,
      hubOrigin: new URL(hub.url).origin,
      tokens: new LocalTokens(dir),
      roleOf: (id) => (id === KIOSK_WINDOW ? 'kiosk' : null),
      closeWindow: (id) => closed.push(id),
      printPdf: async () => false,
    });
    browser = await launchBrowser();
    context = await deviceContext(browser, sizes.kiosk);
    await installShell(context, handlers, KIOSK_WINDOW);
    page = await context.newPage();
    await page.goto(`${hub.url}/kiosk`);
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await hub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens the kiosk with the shell’s device token, no pairing', async () => {
    await expect.poll(() => page.locator('h1.kiosk-title').isVisible()).toBe(true);
    expect(await page.getByText('Ghép nối').count()).toBe(0);
  });

  it('shows the unlock screen on Ctrl+Shift+Q, refuses a wrong PIN, closes the window on the right one', async () => {
    await pressInLockedWindow('Q', { control: true, shift: true });
    const dialog = page.getByRole('dialog', { name: 'Mở khóa cửa sổ' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const field = dialog.getByLabel('Mã PIN mở khóa');
    expect(await field.getAttribute('type')).toBe('password');

    for (const d of '111111') await dialog.getByRole('button', { name: d, exact: true }).click();
    await dialog.getByRole('button', { name: 'Mở khóa' }).click();
    await expect.poll(() => dialog.getByText('Mã PIN không đúng.').isVisible()).toBe(true);
    expect(await field.inputValue()).toBe('');
    expect(closed).toEqual([]);
    await screenshot(page, 'kiosk-unlock-wrong-pin-1080x1920');
    expect(await accessibilityProblems(page, 48)).toEqual([]);

    // A keyboard at the hub PC works as well as the on-screen keypad.
    await field.fill('482615');
    await pressInLockedWindow('Enter');
    await expect.poll(() => dialog.getByText('Đã mở khóa. Cửa sổ đang đóng…').isVisible()).toBe(true);
    expect(closed).toEqual([KIOSK_WINDOW]);
  });

  it('leaves with Hủy or Esc, and the kiosk carries on', async () => {
    await page.reload();
    await expect.poll(() => page.locator('h1.kiosk-title').isVisible()).toBe(true);
    await pressInLockedWindow('q', { control: true, shift: true });
    const dialog = page.getByRole('dialog', { name: 'Mở khóa cửa sổ' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await screenshot(page, 'kiosk-unlock-1080x1920');
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await pressInLockedWindow('Q', { control: true, shift: true });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await pressInLockedWindow('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    // Esc pressed the moment the dialog appears, before it is even painted, closes it too.
    const pressed = await pressAtFirstSight(page, '[role="dialog"]', ['Escape']);
    await pressInLockedWindow('Q', { control: true, shift: true });
    await expect.poll(pressed).toBe(true);
    await expect.poll(() => dialog.count()).toBe(0);
  });
});

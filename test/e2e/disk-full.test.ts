import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ALL_DAY, STAFF_PASSWORD, startTestHub, type TestHub } from '../support/hub';
import { canMountSmallDisk, mountSmallDisk, noSmallDiskReason, type SmallDisk } from '../support/small-disk';
import { launchBrowser, openScreen, screenshot, sizes } from './support/browser';
import { openCounter } from './support/counter-login';

/**
 * The hub's data disk fills up during the day (a real tmpfs, filled with a ballast file). Paired
 * screens must stay paired, the kiosk must send citizens to the help desk instead of showing a
 * technical error, staff must see why, and everything must come back by itself when there is room.
 */
describe.skipIf(!canMountSmallDisk)('a full data disk, seen on the screens' + (canMountSmallDisk ? '' : ` (${noSmallDiskReason})`), () => {
  let disk: SmallDisk;
  let hub: TestHub;
  let browser: Browser;
  let tokens: { kiosk: string; display: string };
  let kiosk: Page;
  let display: Page;
  let counter: Page;
  let admin: Page;
  /** The hub's clock runs ahead once the disk is full, so every last-seen write falls due (and fails). */
  let ahead = 0;
  const contexts: BrowserContext[] = [];
  const open = (size: { width: number; height: number }, path: string, storage: Record<string, string> = {}) => openScreen(browser, contexts, `${hub.url}${path}`, size, storage);
  const takeNumber = async () => {
    await kiosk.getByRole('button', { name: /^Hộ tịch/ }).click();
    await kiosk.getByRole('button', { name: 'Không — lấy số thường' }).click();
  };
  const banner = () => counter.locator('.storage-banner');

  beforeAll(async () => {
    disk = mountSmallDisk(4096);
    hub = await startTestHub({ screens: true, dataDir: disk.dir, clock: () => Date.now() + ahead });
    browser = await launchBrowser();
    await (await hub.admin())['site.update']({ queueHours: ALL_DAY });
    await hub.staff('canbo1');
    tokens = { kiosk: (await hub.device('kiosk')).token, display: (await hub.device('display')).token };
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await hub?.close();
    disk?.unmount();
  });

  it('works as usual while there is room', async () => {
    kiosk = await open(sizes.kiosk, '/kiosk', { 'motcua.device.kiosk': tokens.kiosk });
    display = await open(sizes.display, '/display', { 'motcua.device.display': tokens.display });
    counter = await open(sizes.counter, '/counter');
    await openCounter(counter, hub.url, 'canbo1', STAFF_PASSWORD, '1');
    await expect.poll(() => counter.getByText('Chưa có số nào. Nhấn F1 để gọi số tiếp theo.').isVisible()).toBe(true);
    // Logged in before the disk fills: a login is a write, refused (with the reason) while it is full.
    admin = await open(sizes.admin, '/admin');
    await admin.getByLabel('Tên đăng nhập').fill('admin');
    await admin.getByLabel('Mật khẩu').fill(ADMIN_PASSWORD);
    await admin.keyboard.press('Enter');
    await expect.poll(() => admin.getByRole('navigation', { name: 'Mục quản trị' }).isVisible()).toBe(true);
    await expect.poll(() => kiosk.getByRole('button', { name: /^Hộ tịch/ }).isVisible()).toBe(true);
    await takeNumber();
    await expect.poll(() => kiosk.getByText('A001').isVisible()).toBe(true);
    await kiosk.getByRole('button', { name: 'Xong' }).click();
  });

  it('keeps the kiosk and the TV paired through a reload: they are not sent to pairing', async () => {
    disk.fill();
    ahead = 6 * 60_000;
    const screens = [
      { page: kiosk, kind: 'kiosk', ready: kiosk.getByRole('button', { name: /^Hộ tịch/ }) },
      { page: display, kind: 'display', ready: display.locator('.display-site', { hasText: 'Bộ phận Một cửa' }) },
    ] as const;
    for (const { page, kind, ready } of screens) {
      await page.reload();
      const pairing = page.getByRole('heading', { name: /^Ghép nối/ });
      // Whichever comes first once the screen has asked the hub: its own page, or pairing.
      await expect.poll(async () => (await ready.isVisible()) || (await pairing.isVisible())).toBe(true);
      expect(await pairing.count()).toBe(0);
      expect(await page.evaluate((k) => localStorage.getItem(`motcua.device.${k}`), kind)).toBe(tokens[kind]);
    }
  });

  it('tells the citizen to go to the help desk when a number cannot be saved', async () => {
    await takeNumber();
    await expect.poll(() => kiosk.getByText('Xin mời Ông/Bà đến bàn hướng dẫn, cán bộ sẽ giúp Ông/Bà lấy số.').isVisible()).toBe(true);
    await expect.poll(() => kiosk.getByRole('heading', { name: 'Xin lỗi, máy lấy số đang gặp sự cố' }).isVisible()).toBe(true);
    // No technical words for the citizen.
    expect(await kiosk.locator('main').textContent()).not.toMatch(/ổ đĩa|hệ thống|quản trị/i);
    await screenshot(kiosk, 'kiosk-disk-full-1080x1920');
    expect(await kiosk.evaluate(() => localStorage.getItem('motcua.device.kiosk'))).toBe(tokens.kiosk);
  });

  it('shows staff why, on the open counter screen and on the admin screen', async () => {
    await expect.poll(() => banner().textContent()).toMatch(/^Ổ đĩa của máy chủ Một Cửa đã đầy \(từ \d\d:\d\d\)\. Chưa lưu được số thứ tự/);
    await screenshot(counter, 'counter-disk-full-1366x768');
    await expect.poll(() => admin.locator('.storage-banner').isVisible()).toBe(true);
    await screenshot(admin, 'admin-disk-full-1366x768');
  });

  it('comes back by itself once there is room: the next number follows on, the banner goes away', async () => {
    disk.free();
    await kiosk.getByRole('button', { name: /Quay lại/ }).click();
    await takeNumber();
    await expect.poll(() => kiosk.getByText('A002').isVisible()).toBe(true);
    await expect.poll(() => banner().count()).toBe(0);
  });
});

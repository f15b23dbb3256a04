import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, startTestHub, type TestHub } from '../support/hub';
import { siteWorkload } from '../support/site-workload';
import { accessibilityProblems } from './support/a11y';
import { deviceContext, launchBrowser, screenshot, sizes } from './support/browser';

/**
 * The admin's "Sao lưu" section in Chromium against the real hub: a first backup, a second
 * location chosen with encryption, the warning when that stick is unplugged, and a restore
 * confirmed in its dialog (the hub restarts on the copy and the screen says so).
 */
describe('the Sao lưu section', () => {
  let hub: TestHub;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let usb: string;
  const pageProblems: string[] = [];

  beforeAll(async () => {
    hub = await startTestHub({ screens: true });
    browser = await launchBrowser();
    const work = await siteWorkload(hub);
    await work.serve(2);
    await work.receive();
    usb = mkdtempSync(join(tmpdir(), 'motcua-usb-e2e-'));
    context = await deviceContext(browser, sizes.admin);
    page = await context.newPage();
    page.on('pageerror', (e) => pageProblems.push(e.message));
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await hub?.close();
    rmSync(usb, { recursive: true, force: true });
    rmSync(`${usb}-rut-ra`, { recursive: true, force: true });
  });

  it('a fresh site has no backup yet; backs up now, then saves a second location with a passphrase', async () => {
    await page.goto(`${hub.url}/admin#sao-luu`);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill(ADMIN_PASSWORD);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Sao lưu' }).isVisible()).toBe(true);
    // A fresh site: the first automatic backup waits for the start to be over.
    await expect.poll(() => page.getByText('Chưa có bản sao lưu nào. Hãy nhấn "Sao lưu ngay".').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/^Chưa chọn nơi sao lưu thứ hai/).isVisible()).toBe(true);
    await screenshot(page, 'sao-luu-chua-co-1366x768');
    await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await expect.poll(() => page.getByText(/^Đã sao lưu \(/).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/^Bản sao lưu gần nhất: vừa xong, trong thư mục dữ liệu/).isVisible()).toBe(true);

    await page.getByLabel('Nơi sao lưu thứ hai').fill(usb);
    await page.getByLabel('Mã hóa bản sao lưu ở nơi thứ hai bằng mật khẩu').check();
    await page.getByLabel('Mật khẩu sao lưu (ít nhất 10 ký tự)').fill('mat-khau-o-usb-2026');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => page.getByText('Đã lưu.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await expect.poll(() => page.getByText(`Bản sao lưu gần nhất: vừa xong, trên ${usb} (và trong thư mục dữ liệu)`).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('region', { name: 'Ở nơi sao lưu thứ hai' }).getByRole('row').count()).toBe(2);
    await screenshot(page, 'sao-luu-admin-1366x768');
    expect(await accessibilityProblems(page, null)).toEqual([]);
    await page.getByRole('form', { name: 'Cài đặt sao lưu' }).getByLabel('Giữ bản theo tháng').scrollIntoViewIfNeeded();
    await screenshot(page, 'sao-luu-cai-dat-1366x768');
  });

  it('warns when the stick is unplugged', async () => {
    renameSync(usb, `${usb}-rut-ra`);
    await page.reload();
    await expect.poll(() => page.getByText(`Không thấy nơi sao lưu thứ hai ${usb}`).isVisible()).toBe(true);
    await screenshot(page, 'sao-luu-usb-rut-ra-1366x768');
    renameSync(`${usb}-rut-ra`, usb);
  });

  it('warns about a set on the stick whose manifest cannot be read, which is kept', async () => {
    const broken = join(usb, 'MotCua-sao-luu', 'sets', '20260101-080000');
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, 'manifest.json'), '{"format": 1, "id": "2026');
    await page.reload();
    await expect.poll(() => page.getByText(/^Không đọc được tệp mô tả \(manifest\.json\) của 1 bản sao lưu trong .*20260101-080000/).isVisible()).toBe(true);
    await screenshot(page, 'sao-luu-manifest-hong-1366x768');
    rmSync(broken, { recursive: true });
  });

  it('restores a set after a confirmation; the hub restarts on it', async () => {
    await page.reload();
    await expect.poll(() => page.getByRole('region', { name: 'Trong thư mục dữ liệu' }).getByRole('button', { name: 'Khôi phục…' }).count()).toBeGreaterThan(0);
    await page.getByRole('region', { name: 'Trong thư mục dữ liệu' }).getByRole('button', { name: 'Khôi phục…' }).last().click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByText('Bản hiện tại').isVisible()).toBe(true);
    await screenshot(page, 'sao-luu-khoi-phuc-xac-nhan-1366x768');
    // The safe choice has the focus: Enter does not restore.
    expect(await dialog.getByRole('button', { name: 'Hủy' }).evaluate((b) => b === document.activeElement)).toBe(true);
    const restarted = hub.restartedOnRequest();
    await dialog.getByRole('button', { name: 'Khôi phục và khởi động lại' }).click();
    await expect.poll(() => page.getByText(/máy chủ đang khởi động lại/).isVisible()).toBe(true);
    await screenshot(page, 'sao-luu-dang-khoi-phuc-1366x768');
    await restarted;
    expect(hub.running.hub.deps.site.get<{ recoveredAt: null }>('restoredFrom')).toMatchObject({ recoveredAt: null });
    expect(pageProblems).toEqual([]);
  });
});

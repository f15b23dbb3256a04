import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPDATE_STATUS_FILE, type UpdateStatus } from '../../contract/update-status';
import { ADMIN_PASSWORD, STAFF_PASSWORD, startTestHub, type TestHub } from '../support/hub';
import { accessibilityProblems } from './support/a11y';
import { deviceContext, launchBrowser, screenshot, sizes } from './support/browser';
import { openCounter } from './support/counter-login';

/**
 * The "about" page in Chromium against the real hub: the admin reads what this installation is
 * and downloads the diagnostics bundle (a real ZIP through the browser's download); the page
 * follows the updater's status file; an officer opens the same facts from the counter, without
 * the bundle.
 */
describe('the about page and the diagnostics bundle', () => {
  let hub: TestHub;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let page: Page;
  const pageProblems: string[] = [];
  const newPage = async () => {
    const c = await deviceContext(browser, sizes.admin);
    contexts.push(c);
    const p = await c.newPage();
    p.on('pageerror', (e) => pageProblems.push(e.message));
    return p;
  };
  const fact = (label: string) => page.getByRole('term').filter({ hasText: label }).locator('xpath=following-sibling::dd[1]');

  beforeAll(async () => {
    hub = await startTestHub({ screens: true });
    browser = await launchBrowser();
    await hub.admin(); // the one-time password is changed
    await hub.staff('gioi-thieu-1');
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await hub?.close();
  });

  it('the admin sees the version, the hub, the runtime and the update status', async () => {
    page = await newPage();
    await page.goto(`${hub.url}/admin#gioi-thieu`);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill(ADMIN_PASSWORD);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Giới thiệu' }).isVisible()).toBe(true);
    await expect.poll(() => fact('Phiên bản').textContent()).toBe('test');
    expect(await fact('Electron').textContent()).toBe('không chạy trong Electron');
    expect(await fact('Node.js').textContent()).toBe(process.versions.node);
    expect(await fact('Địa chỉ mạng LAN').textContent()).toBe(hub.url);
    expect(await fact('Thư mục dữ liệu').textContent()).toBe(hub.dataDir);
    expect(await fact('Cập nhật tự động').textContent()).toBe('Không có (máy chủ chạy không có giao diện Electron)');
    expect(await page.getByRole('table', { name: 'Thư viện sử dụng và giấy phép' }).getByRole('row', { name: /better-sqlite3 12\.\S+ MIT/ }).count()).toBe(1);
    const shot = await screenshot(page, 'about-admin-1366x768');
    expect(shot).toContain('about-admin-1366x768.png');
    expect(await accessibilityProblems(page, null)).toEqual([]);
  });

  it('downloads the diagnostics bundle: one ZIP a technician can read', async () => {
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Tải gói chẩn đoán' }).click();
    const file = await downloaded;
    expect(file.suggestedFilename()).toMatch(/^motcua-chan-doan-000-00-15-H21-\d{8}-\d{4}\.zip$/);
    const path = join(tmpdir(), `${Date.now()}-${file.suggestedFilename()}`);
    await file.saveAs(path);
    const files = unzipSync(readFileSync(path));
    rmSync(path);
    const summary = strFromU8(files['tom-tat.txt']!);
    expect(summary).toContain('TÓM TẮT CHẨN ĐOÁN — MỘT CỬA');
    expect(summary).toContain(`Địa chỉ mạng LAN: ${hub.url}`);
    expect(JSON.parse(strFromU8(files['chan-doan.json']!))).toMatchObject({ format: 'motcua-chan-doan/1', about: { version: 'test' } });
    await expect.poll(() => page.getByRole('status').filter({ hasText: `Đã tải về ${file.suggestedFilename()}` }).isVisible()).toBe(true);
    await screenshot(page, 'about-admin-downloaded-1366x768');
    expect(await accessibilityProblems(page, null)).toEqual([]);
  });

  it('shows what the updater last wrote', async () => {
    const ready: UpdateStatus = { state: 'ready', channelUrl: 'https://capnhat.gialai.gov.vn/motcua/', currentVersion: '0.1.0', availableVersion: '0.2.0', checkedAt: new Date().toISOString(), error: null };
    writeFileSync(join(hub.dataDir, UPDATE_STATUS_FILE), JSON.stringify(ready));
    await page.reload();
    await expect.poll(() => fact('Cập nhật tự động').textContent()).toMatch(/^Phiên bản 0\.2\.0 đã tải xong, sẽ được cài khi khởi động lại ứng dụngKiểm tra lúc \d\d:\d\d \d\d\/\d\d\/\d{4}$/);
    writeFileSync(join(hub.dataDir, UPDATE_STATUS_FILE), '{"state":"ready"');
    await page.reload();
    await expect.poll(() => fact('Cập nhật tự động').textContent()).toBe(`Không đọc được tệp trạng thái: tệp ${UPDATE_STATUS_FILE} không phải JSON hợp lệ`);
    expect(pageProblems).toEqual([]);
  });

  it('an officer opens the same facts from the counter, without the bundle', async () => {
    page = await newPage();
    await openCounter(page, hub.url, 'gioi-thieu-1', STAFF_PASSWORD, '1');
    await page.getByRole('banner').getByRole('button', { name: 'Giới thiệu' }).click();
    const dialog = page.getByRole('dialog', { name: 'Giới thiệu' });
    await expect.poll(() => dialog.getByRole('heading', { name: 'Môi trường chạy' }).isVisible()).toBe(true);
    expect(await fact('Địa chỉ mạng LAN').textContent()).toBe(hub.url);
    expect(await dialog.getByRole('button', { name: 'Tải gói chẩn đoán' }).count()).toBe(0);
    await screenshot(page, 'about-counter-1366x768');
    expect(await accessibilityProblems(page, null)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });
});

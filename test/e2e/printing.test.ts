import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../contract/client';
import { decodeEscPos, renderDecodedToPng, textItems } from '../support/escpos-decoder';
import { FakePrinter } from '../support/fake-printer';
import { ALL_DAY, STAFF_PASSWORD, startTestHub, type TestHub } from '../support/hub';
import { pressAtFirstSight } from './support/first-sight';
import { accessibilityProblems } from './support/a11y';
import { deviceContext, launchBrowser, screenshot, sizes } from './support/browser';


describe('printing from the screens: the kiosk prints through the queue, staff see and fix printer problems', () => {
  let hub: TestHub;
  let browser: Browser;
  let admin: HubClient;
  let printer: FakePrinter;
  let kioskToken: string;
  const contexts: BrowserContext[] = [];
  const page = async (size: { width: number; height: number }, path: string, storage: Record<string, string> = {}) => {
    const c = await deviceContext(browser, size, storage);
    contexts.push(c);
    const p = await c.newPage();
    await p.goto(`${hub.url}${path}`);
    return p;
  };

  beforeAll(async () => {
    hub = await startTestHub({ screens: true });
    browser = await launchBrowser();
    admin = await hub.admin();
    await admin['site.update']({ queueHours: ALL_DAY });
    printer = await FakePrinter.start();
    await admin['admin.savePrinter']({ name: 'Máy in kiosk sảnh', role: 'ticket', address: printer.address, paper: '80mm', model: 'generic', textMode: 'raster', cut: true, beep: true, deviceId: null, counterId: null, active: true });
    kioskToken = (await hub.device('kiosk')).token;
    await hub.staff('in-an');
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await hub?.close();
    await printer?.stop();
  });

  it('prints the ticket a citizen takes at the kiosk, and says so on screen', async () => {
    const kiosk = await page(sizes.kiosk, '/kiosk', { 'motcua.device.kiosk': kioskToken });
    await kiosk.getByRole('button', { name: /^Chứng thực/ }).click();
    await kiosk.getByRole('button', { name: 'Không — lấy số thường' }).click();
    await expect.poll(() => kiosk.getByTestId('ticket-number').textContent()).toBe('B001');
    await expect.poll(() => kiosk.getByText('Mời Ông/Bà nhận phiếu in bên dưới.').isVisible()).toBe(true);
    const [bytes] = await printer.waitForJobs(1);
    const job = decodeEscPos(bytes!);
    expect(textItems(job).find((t) => t.width > 1)?.text).toBe('B001');
    mkdirSync('test-results/print', { recursive: true });
    writeFileSync('test-results/print/kiosk-ticket-from-bytes.png', renderDecodedToPng(job, 576));
    printer.jobs.length = 0;
  });

  it('paper out: the kiosk keeps the number up and says where to get it; the counter is told at once; fixing the paper prints it once', async () => {
    const counter = await page(sizes.counter, '/counter');
    await counter.getByLabel('Tên đăng nhập').fill('in-an');
    await counter.getByLabel('Mật khẩu').fill(STAFF_PASSWORD);
    await counter.keyboard.press('Enter');
    await expect.poll(() => counter.getByRole('dialog', { name: 'Chọn quầy làm việc' }).isVisible()).toBe(true);
    await counter.keyboard.press('2');

    printer.setState({ paperOut: true });
    const kiosk = await page(sizes.kiosk, '/kiosk', { 'motcua.device.kiosk': kioskToken });
    await kiosk.getByRole('button', { name: /^Chứng thực/ }).click();
    await kiosk.getByRole('button', { name: 'Không — lấy số thường' }).click();
    await expect.poll(() => kiosk.getByTestId('ticket-number').textContent()).toBe('B002');
    await expect.poll(() => kiosk.getByText(/Máy in tạm thời không in được phiếu/).isVisible()).toBe(true);
    await screenshot(kiosk, 'kiosk-printer-problem-1080x1920');

    await expect.poll(() => counter.getByText(/1 phiếu chưa in được — Máy in kiosk sảnh: Máy in hết giấy/).isVisible()).toBe(true);
    await screenshot(counter, 'counter-printer-alert-1366x768');
    expect(await accessibilityProblems(counter, null)).toEqual([]);
    expect(printer.jobs).toHaveLength(0);

    printer.setState({ paperOut: false });
    const [bytes] = await printer.waitForJobs(1, 10_000);
    expect(textItems(decodeEscPos(bytes!)).find((t) => t.width > 1)?.text).toBe('B002');
    await expect.poll(() => counter.getByText(/phiếu chưa in được/).isVisible()).toBe(false);
    await new Promise((r) => setTimeout(r, 500));
    expect(printer.jobs).toHaveLength(1);
    printer.jobs.length = 0;

    // Reprint from the counter for the citizen now at the desk (Shift+F2).
    await counter.keyboard.press('F1');
    await expect.poll(() => counter.getByTestId('current-code').textContent()).toBe('B001');
    await counter.keyboard.press('Shift+F2');
    await expect.poll(() => counter.getByText('Đã gửi lệnh in lại phiếu số B001.').isVisible()).toBe(true);
    const [again] = await printer.waitForJobs(1);
    expect(textItems(decodeEscPos(again!)).find((t) => t.width > 1)?.text).toBe('B001');
  });

  it('reads a receipt QR from a keyboard-wedge scanner at the counter, however slowly the PC delivers the keys', async () => {
    const counter = await page(sizes.counter, '/counter');
    await counter.getByLabel('Tên đăng nhập').fill('in-an');
    await counter.getByLabel('Mật khẩu').fill(STAFF_PASSWORD);
    // A scan that lands the moment the counter appears, before the browser has even painted it,
    // is read all the same.
    await pressAtFirstSight(counter, '.counter-nav', [...'MC1|H21.123.45-261126-0041|H3N5W8', 'Enter']);
    await counter.keyboard.press('Enter');
    await expect.poll(() => counter.getByText('Giấy tiếp nhận hồ sơ H21.123.45-261126-0041 (mã tra cứu H3N5W8)').isVisible()).toBe(true);
    await counter.getByRole('region', { name: 'Kết quả quét mã' }).getByRole('button', { name: 'Đóng' }).click();
    // A scanner types the whole code in a burst and ends with Enter; a busy PC hands the keys
    // over in clumps (renderer/src/ui/wedge-burst.ts).
    await counter.keyboard.type('MC1|H21.123.45-261126-0042|K7Q2M9', { delay: 0 });
    await counter.keyboard.press('Enter');
    await expect.poll(() => counter.getByText('Giấy tiếp nhận hồ sơ H21.123.45-261126-0042 (mã tra cứu K7Q2M9)').isVisible()).toBe(true);
    await screenshot(counter, 'counter-scan-1366x768');
    await counter.getByRole('region', { name: 'Kết quả quét mã' }).getByRole('button', { name: 'Đóng' }).click();
    // An old PC: the same kind of code with 90 ms between keys, as slow as a person types.
    await counter.keyboard.type('MC1|H21.123.45-261126-0043|P4R8T2', { delay: 90 });
    await counter.keyboard.press('Enter');
    await expect.poll(() => counter.getByText('Giấy tiếp nhận hồ sơ H21.123.45-261126-0043 (mã tra cứu P4R8T2)').isVisible()).toBe(true);
  });

  it('shows printers with live status, a test print and the layout preview in the admin screen', async () => {
    const adminPage = await page(sizes.admin, '/admin#may-in');
    await adminPage.getByLabel('Tên đăng nhập').fill('admin');
    await adminPage.getByLabel('Mật khẩu').fill('mat-khau-quan-tri-1');
    await adminPage.keyboard.press('Enter');
    await expect.poll(() => adminPage.getByRole('button', { name: /Máy in kiosk sảnh/ }).isVisible()).toBe(true);
    await adminPage.getByRole('button', { name: /Máy in kiosk sảnh/ }).click();
    await expect.poll(() => adminPage.getByText(/Trạng thái: Sẵn sàng/).isVisible()).toBe(true);
    printer.jobs.length = 0;
    await adminPage.getByRole('button', { name: 'In thử' }).click();
    const [test] = await printer.waitForJobs(1);
    expect(textItems(decodeEscPos(test!)).find((t) => t.width > 1)?.text).toBe('A015');
    await adminPage.getByRole('button', { name: 'Xem trước' }).click();
    await expect.poll(() => adminPage.getByRole('img', { name: 'Bản xem trước phiếu số thứ tự' }).isVisible()).toBe(true);
    await screenshot(adminPage, 'admin-printers-1366x768');
    expect(await accessibilityProblems(adminPage, null)).toEqual([]);
  });
});

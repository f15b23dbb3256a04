import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../contract/client';
import { decodeEscPos, textItems } from '../support/escpos-decoder';
import { FakePrinter } from '../support/fake-printer';
import { ADMIN_PASSWORD, startTestHub, type TestHub } from '../support/hub';
import { codeOf } from '../support/outcome';
import { flat, readPdf, savePng } from '../integration/forms/pdf-tools';
import { intake } from '../integration/dossier/intake-input';
import { accessibilityProblems } from './support/a11y';
import { deviceContext, launchBrowser, screenshot, sizes } from './support/browser';

const OUT = 'test-results/screens';

/** A site's first start as its admin lives it: a fresh data folder, the wizard, then the first ticket and receipt. */
describe('first start in Chromium: the setup wizard, or the sample data', () => {
  let browser: Browser;
  const open: { hub: TestHub | null; context: BrowserContext; printer: FakePrinter | null }[] = [];

  /** A fresh hub whose admin has changed the one-time password, its admin screen open, a kiosk printer that reads back text. */
  const freshSite = async () => {
    const hub = await startTestHub({ screens: true, setup: 'none' });
    const admin = await hub.admin();
    const printer = await FakePrinter.start();
    const context = await deviceContext(browser, sizes.admin);
    open.push({ hub, context, printer });
    const page = await context.newPage();
    await page.goto(`${hub.url}/admin`);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu', { exact: true }).fill(ADMIN_PASSWORD);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: 'Thiết lập đơn vị lần đầu' }).isVisible()).toBe(true);
    return { hub, admin, page, printer };
  };
  /** Takes a ticket at a paired kiosk and reads the text lines of what the printer got. */
  const ticketLines = async (hub: TestHub, admin: HubClient, printer: FakePrinter) => {
    await admin['admin.savePrinter']({ name: 'Kiosk', role: 'ticket', address: printer.address, paper: '80mm', model: 'generic', textMode: 'epson-tcvn3', cut: true, beep: false, deviceId: null, counterId: null, active: true });
    await admin['site.update']({ queueHours: Array.from({ length: 7 }, () => [{ from: '00:00', to: '24:00' }]) });
    const kiosk = await hub.device('kiosk');
    await kiosk.client['tickets.issue']({ serviceId: (await hub.catalog()).services[0]!.id, priorityClassId: null });
    const [bytes] = await printer.waitForJobs(1);
    return textItems(decodeEscPos(bytes!)).map((t) => t.text);
  };
  /** A paired kiosk or TV screen of the hub at its real size. */
  const citizenScreen = async (hub: TestHub, kind: 'kiosk' | 'display') => {
    const { token } = await hub.device(kind);
    const context = await deviceContext(browser, sizes[kind], { [`motcua.device.${kind}`]: token });
    open.push({ hub: null, context, printer: null });
    const page = await context.newPage();
    await page.goto(`${hub.url}/${kind}`);
    return page;
  };
  const look = async (page: Page, name: string) => {
    await screenshot(page, `setup-${name}-1366x768`);
    expect(await accessibilityProblems(page, null)).toEqual([]);
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const o of open) {
      await o.context.close().catch(() => undefined);
      await o.hub?.close();
      await o.printer?.stop();
    }
    await browser?.close();
  });

  it('sets the site up step by step, checked by the hub; the first ticket and receipt carry the real unit', async () => {
    const { hub, admin, page, printer } = await freshSite();
    await look(page, '0-chao-mung');
    await page.getByRole('button', { name: 'Thiết lập đơn vị' }).click();

    // Step 1: a sample value is refused under its field, then the real one goes on.
    await page.getByLabel('Tên đơn vị in trên giấy tờ').fill('Bộ phận Một cửa xã Ia Dom');
    await page.getByLabel('Cơ quan chủ quản').fill('UBND xã Mẫu');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Đây vẫn là thông tin của dữ liệu mẫu').isVisible()).toBe(true);
    await look(page, '1-ten-don-vi-loi');
    await page.getByLabel('Cơ quan chủ quản').fill('UBND xã Ia Dom');
    await page.keyboard.press('Enter');

    await expect.poll(() => page.getByRole('heading', { name: 'Địa bàn' }).isVisible()).toBe(true);
    await page.getByLabel('Tỉnh / thành phố').fill('Gia Lai');
    await page.getByLabel('Xã / phường').fill('Ia Dom');
    await page.getByLabel('Địa chỉ').fill('Thôn Ia Dom, xã Ia Dom, tỉnh Gia Lai');
    await look(page, '2-dia-ban');
    await page.keyboard.press('Enter');

    await expect.poll(() => page.getByRole('heading', { name: 'Mã định danh cơ quan' }).isVisible()).toBe(true);
    await page.getByRole('textbox', { name: 'Mã định danh cơ quan' }).fill('000.00.15.H21{seq}');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('không phải mã định danh cơ quan').isVisible()).toBe(true);
    await look(page, '3-ma-dinh-danh-loi');
    await page.getByRole('textbox', { name: 'Mã định danh cơ quan' }).fill('000.00.15.H21');
    await page.keyboard.press('Enter');

    await expect.poll(() => page.getByRole('heading', { name: 'Giờ làm việc' }).isVisible()).toBe(true);
    await look(page, '4-gio-lam-viec');
    await page.getByRole('button', { name: 'Tiếp' }).click();

    await expect.poll(() => page.getByRole('heading', { name: 'Xác nhận' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByLabel('Tiêu đề giấy tờ sẽ in').textContent()).toBe('UBND XÃ IA DOMBỘ PHẬN MỘT CỬA XÃ IA DOMIa Dom, ngày … tháng … năm …');
    await look(page, '5-xac-nhan');
    await page.getByRole('button', { name: 'Hoàn tất thiết lập' }).click();
    await expect.poll(() => page.getByRole('navigation', { name: 'Mục quản trị' }).isVisible()).toBe(true);
    await expect.poll(() => page.locator('.admin-site').textContent()).toBe('Bộ phận Một cửa xã Ia Dom');
    await look(page, '6-xong');

    expect(await admin['site.get']({})).toMatchObject({ name: 'Bộ phận Một cửa xã Ia Dom', superiorBody: 'UBND xã Ia Dom', commune: 'Ia Dom', agencyCode: '000.00.15.H21', sampleData: false });
    const ticket = await ticketLines(hub, admin, printer);
    expect(ticket[0]).toBe('Bộ phận Một cửa xã Ia Dom');
    expect(ticket.join('\n')).not.toContain('MẪU');

    const officer = await hub.staff('tiep-nhan');
    const d = await officer['dossiers.receive'](intake());
    expect(d.code).toMatch(/^000\.00\.15\.H21-\d{6}-0001$/);
    const pdf = Buffer.from((await officer['dossiers.form']({ dossierId: d.id, form: 'receipt' })).pdfBase64, 'base64');
    await savePng(pdf, 'setup-receipt-mau-01', OUT, 110);
    const text = flat((await readPdf(pdf)).text());
    for (const s of ['UBND XÃ IA DOM', 'BỘ PHẬN MỘT CỬA XÃ IA DOM', 'Ia Dom, ngày', d.code!]) expect(text, s).toContain(s);
    expect(text).not.toContain('MẪU');
  });

  it('tries it with sample data: every paper says DỮ LIỆU MẪU and real intake is refused until the real unit replaces it', async () => {
    const { hub, admin, page, printer } = await freshSite();
    await page.getByRole('button', { name: 'Dùng thử với dữ liệu mẫu' }).click();
    await expect.poll(() => page.getByText('Đang dùng DỮ LIỆU MẪU').isVisible()).toBe(true);
    await look(page, 'mau-1-banner');

    expect((await ticketLines(hub, admin, printer)).slice(0, 2)).toEqual(['*** DỮ LIỆU MẪU ***', 'Bộ phận Một cửa xã Mẫu']);
    // The screens citizens see say it beside the unit's name, as the ticket does.
    const kiosk = await citizenScreen(hub, 'kiosk');
    const tv = await citizenScreen(hub, 'display');
    for (const [screen, name] of [[kiosk, 'kiosk-mau-1080x1920'], [tv, 'display-mau-1920x1080']] as const) {
      await expect.poll(() => screen.getByText('DỮ LIỆU MẪU', { exact: true }).isVisible()).toBe(true);
      await screenshot(screen, `setup-${name}`);
      expect(await accessibilityProblems(screen, null)).toEqual([]);
    }
    const officer = await hub.staff('thu');
    expect(await codeOf(officer['dossiers.receive'](intake()))).toBe('SAMPLE_DATA');
    const sup = await officer['dossiers.requestSupplement']({ ...intake(), items: [{ what: 'Giấy chứng sinh', reason: 'Chưa có bản chính' }] });
    const pdf = Buffer.from((await officer['dossiers.form']({ dossierId: sup.id, form: 'supplementRequest' })).pdfBase64, 'base64');
    await savePng(pdf, 'setup-sample-mau-02', OUT, 110);
    const text = flat((await readPdf(pdf)).text());
    // In the letterhead, before the title (the text is read across the motto beside it).
    expect(text.indexOf('DỮ LIỆU MẪU')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('DỮ LIỆU MẪU')).toBeLessThan(text.indexOf('PHIẾU YÊU CẦU BỔ SUNG'));

    // The banner's button opens the wizard without its welcome; finishing it ends sample mode.
    await page.getByRole('button', { name: 'Nhập thông tin thật của đơn vị' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Tên đơn vị' }).isVisible()).toBe(true);
    await page.getByLabel('Tên đơn vị in trên giấy tờ').fill('Bộ phận Một cửa xã Ia Pnôn');
    await page.getByLabel('Cơ quan chủ quản').fill('UBND xã Ia Pnôn');
    await page.keyboard.press('Enter');
    await page.getByLabel('Tỉnh / thành phố').fill('Gia Lai');
    await page.getByLabel('Xã / phường').fill('Ia Pnôn');
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: 'Mã định danh cơ quan' }).fill('H21.123.45');
    await page.keyboard.press('Enter');
    // Each step moves on once the hub checked it: a click before then lands on the step before
    // (a loaded machine in CI clicked "Tiếp" on the agency code's step and never reached the end).
    await expect.poll(() => page.getByRole('heading', { name: 'Giờ làm việc' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Tiếp' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Xác nhận' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Hoàn tất thiết lập' }).click();
    await expect.poll(() => page.getByText('Đang dùng DỮ LIỆU MẪU').count()).toBe(0);
    expect((await officer['dossiers.receive'](intake())).code).toMatch(/^H21\.123\.45-\d{6}-0001$/);
    for (const screen of [kiosk, tv]) await expect.poll(() => screen.getByText('DỮ LIỆU MẪU', { exact: true }).count()).toBe(0);
  });
});

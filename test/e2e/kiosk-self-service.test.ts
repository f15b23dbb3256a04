import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../contract/client';
import { formatReceiptQr } from '../../contract/receipt-qr';
import { decodeEscPos, textItems } from '../support/escpos-decoder';
import { FakePrinter } from '../support/fake-printer';
import { ALL_DAY, sameDayClock, startTestHub, type TestHub } from '../support/hub';
import { intake } from '../integration/dossier/intake-input';
import { accessibilityProblems } from './support/a11y';
import { launchBrowser, openScreen, screenshot, sizes } from './support/browser';

/** Kiosk self-service beside "Lấy số" at 1080×1920: a procedure's papers, a dossier's status. */
describe('kiosk self-service', () => {
  let hub: TestHub;
  let browser: Browser;
  let admin: HubClient;
  let kioskToken: string;
  let printer: FakePrinter;
  const contexts: BrowserContext[] = [];

  /** The kiosk page, on Playwright's clock: the idle return is jumped to, not waited for. */
  const openKiosk = async (): Promise<Page> => {
    const page = await openScreen(browser, contexts, `${hub.url}/kiosk`, sizes.kiosk, { 'motcua.device.kiosk': kioskToken }, { fakeTimers: true });
    await expect.poll(() => page.getByRole('button', { name: /^Chứng thực/ }).isVisible()).toBe(true);
    return page;
  };

  beforeAll(async () => {
    hub = await startTestHub({ screens: true, clock: sameDayClock() });
    browser = await launchBrowser();
    admin = await hub.admin();
    await admin['site.update']({ queueHours: ALL_DAY });
    // Printer text (not raster), so the test reads the checklist's words back from the bytes.
    printer = await FakePrinter.start();
    await admin['admin.savePrinter']({ name: 'Máy in kiosk', role: 'ticket', address: printer.address, paper: '80mm', model: 'generic', textMode: 'epson-tcvn3', cut: true, beep: false, deviceId: null, counterId: null, active: true });
    kioskToken = (await hub.device('kiosk')).token;
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await hub?.close();
    await printer?.stop();
  });

  it('finds "khai sinh" typed without diacritics and shows the papers to bring, the fees and the time', async () => {
    const kiosk = await openKiosk();
    await kiosk.getByRole('button', { name: 'Tra cứu thủ tục — giấy tờ cần mang' }).click();
    // Typed on the screen's own letters, as a citizen without a keyboard does.
    for (const key of 'khai') await kiosk.getByRole('button', { name: key.toUpperCase(), exact: true }).click();
    await kiosk.getByRole('button', { name: 'Dấu cách' }).click();
    await kiosk.getByLabel(/Gõ tên thủ tục/).press('End');
    await kiosk.getByLabel(/Gõ tên thủ tục/).pressSequentially('sinh');
    await expect.poll(() => kiosk.getByRole('button', { name: /Đăng ký khai sinh/ }).isVisible()).toBe(true);
    expect(await kiosk.getByRole('list', { name: 'Thủ tục tìm được' }).getByRole('listitem').count()).toBe(1);
    await screenshot(kiosk, 'kiosk-procedure-search-1080x1920');
    expect(await accessibilityProblems(kiosk, 88)).toEqual([]);

    await kiosk.getByRole('button', { name: /Đăng ký khai sinh/ }).click();
    await expect.poll(() => kiosk.getByRole('heading', { name: 'Đăng ký khai sinh' }).isVisible()).toBe(true);
    const papers = await kiosk.locator('.kiosk-papers li').allTextContents();
    expect(papers).toEqual(['Tờ khai đăng ký khai sinh1 bản chính', 'Giấy chứng sinh1 bản chính', 'Giấy tờ tùy thân của người đi đăng ký (xuất trình)1 bản chính hoặc bản sao']);
    const facts = await kiosk.locator('.kiosk-procedure-facts').textContent();
    expect(facts).toContain('Không mất phí, lệ phí');
    expect(facts).toContain('Trong ngày');
    expect(facts).toContain('Nơi nộp hồ sơBộ phận Một cửa xã Ia Dom');
    await screenshot(kiosk, 'kiosk-procedure-detail-1080x1920');
    expect(await accessibilityProblems(kiosk, 88)).toEqual([]);

    await kiosk.getByRole('button', { name: /In danh mục giấy tờ/ }).click();
    await expect.poll(() => kiosk.getByText('Mời Ông/Bà nhận tờ danh mục in bên dưới.').isVisible()).toBe(true);
    const [bytes] = await printer.waitForJobs(1);
    const lines = textItems(decodeEscPos(bytes!)).map((t) => t.text.trim());
    expect(lines).toContain('DANH MỤC GIẤY TỜ CẦN CHUẨN BỊ');
    expect(lines).toContain('[ ] Tờ khai đăng ký khai sinh - 1 bản chính');
    expect(lines).toContain('[ ] Giấy chứng sinh - 1 bản chính');
    expect(lines.join(' ')).toContain('[ ] Giấy tờ tùy thân của người đi đăng ký (xuất trình) - 1 bản chính hoặc bản sao');
    expect(lines).toContain('Bộ phận Một cửa xã Ia Dom');
    await screenshot(kiosk, 'kiosk-procedure-printed-1080x1920');
    expect(await accessibilityProblems(kiosk, 88)).toEqual([]);

    // Browsing by field: the field's procedures, without typing.
    await kiosk.getByRole('button', { name: '← Quay lại' }).click();
    await kiosk.getByRole('button', { name: 'Xóa hết' }).click();
    await kiosk.getByRole('button', { name: 'Chứng thực', exact: true }).click();
    await expect.poll(() => kiosk.getByRole('button', { name: /Chứng thực bản sao từ bản chính/ }).isVisible()).toBe(true);
  });

  it('reads a receipt’s QR typed by the scanner on the start page, shows the dossier’s status and initials, then goes back to the start by itself', async () => {
    const officer = await hub.staff('tiep-nhan');
    const d = await officer['dossiers.receive'](intake({ procedureCode: '1.004873.000.00.00.H21', documents: [{ index: 0, count: 1 }] }));
    await officer['dossiers.advance']({ dossierId: d.id, step: 'resultReady', note: '' });
    const kiosk = await openKiosk();
    // A keyboard-wedge scanner types the QR's text, then Enter.
    await kiosk.keyboard.type(formatReceiptQr({ dossierCode: d.code!, lookupCode: d.lookupCode! }));
    await kiosk.keyboard.press('Enter');
    await expect.poll(() => kiosk.getByRole('heading', { name: 'Đã có kết quả' }).isVisible()).toBe(true);
    const shown = await kiosk.locator('main').textContent();
    expect(shown).toContain(d.code!);
    expect(shown).toContain('N***** T** H****');
    expect(shown).not.toContain('Nguyễn Thị Hường');
    expect(shown).toContain('Hẹn trả kết quả');
    await screenshot(kiosk, 'kiosk-dossier-status-1080x1920');
    expect(await accessibilityProblems(kiosk, 88)).toEqual([]);

    // The citizen walks away: a minute later nothing of the dossier is on screen.
    await kiosk.clock.fastForward('01:05');
    await expect.poll(() => kiosk.getByRole('button', { name: /^Chứng thực/ }).isVisible()).toBe(true);
    expect(await kiosk.locator('main').textContent()).not.toContain(d.code!);
  });

  it('takes the two codes typed at the kiosk, and says a wrong lookup code in words for the citizen', async () => {
    const officer = await hub.staff('tiep-nhan-2');
    const d = await officer['dossiers.receive'](intake({ procedureCode: '1.004873.000.00.00.H21', documents: [{ index: 0, count: 1 }] }));
    const kiosk = await openKiosk();
    await kiosk.getByRole('button', { name: 'Tra cứu hồ sơ đã nộp' }).click();
    await kiosk.getByLabel('Mã hồ sơ').fill(d.code!);
    await kiosk.getByLabel('Mã tra cứu').fill('ZZZZZZ');
    await kiosk.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    await expect.poll(() => kiosk.getByRole('alert').textContent()).toContain('Mã hồ sơ hoặc mã tra cứu không đúng');
    await screenshot(kiosk, 'kiosk-dossier-codes-1080x1920');
    expect(await accessibilityProblems(kiosk, 88)).toEqual([]);
    await kiosk.getByLabel('Mã tra cứu').fill(d.lookupCode!);
    await kiosk.getByRole('button', { name: 'Tra cứu', exact: true }).click();
    await expect.poll(() => kiosk.getByRole('heading', { name: 'Hồ sơ đang được giải quyết' }).isVisible()).toBe(true);
  });
});

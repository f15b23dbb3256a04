import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../contract/client';
import { formatReceiptQr } from '../../contract/receipt-qr';
import { decodeEscPos } from '../support/escpos-decoder';
import { FakePrinter } from '../support/fake-printer';
import { ALL_DAY, sameDayClock, startTestHub, type TestHub } from '../support/hub';
import { intake } from '../integration/dossier/intake-input';
import { accessibilityProblems } from './support/a11y';
import { launchBrowser, openScreen, screenshot, sizes } from './support/browser';

/**
 * The pages behind the QR codes a citizen holds, on a phone on the site's Wi-Fi: the ticket's
 * (`/q/<ticket>`: the number, people ahead, the call when it comes) and the receipt's
 * (`/tra-cuu`: where the dossier stands, initials only).
 */
describe("the citizen's pages behind the QR codes", () => {
  let hub: TestHub;
  let browser: Browser;
  let admin: HubClient;
  let printer: FakePrinter;
  let kiosk: HubClient;
  let serviceId: string;
  let counterId: string;
  const contexts: BrowserContext[] = [];
  const open = (url: string): Promise<Page> => openScreen(browser, contexts, url, sizes.phone);

  beforeAll(async () => {
    hub = await startTestHub({ screens: true, clock: sameDayClock() });
    browser = await launchBrowser();
    admin = await hub.admin();
    // The address phones on the site's Wi-Fi use (here the test hub's own).
    await admin['site.update']({ queueHours: ALL_DAY, printing: { ticketFooter: 'Xin cảm ơn.', lookupBaseUrl: hub.url, provinceLookupUrl: null } });
    printer = await FakePrinter.start();
    await admin['admin.savePrinter']({ name: 'Máy in kiosk', role: 'ticket', address: printer.address, paper: '80mm', model: 'generic', textMode: 'raster', cut: true, beep: false, deviceId: null, counterId: null, active: true });
    const catalog = await admin['catalog.get']({});
    serviceId = catalog.services.find((s) => s.code === 'HT')!.id;
    counterId = catalog.counters.find((c) => c.number === 1)!.id;
    kiosk = (await hub.device('kiosk')).client;
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await hub?.close();
    await printer?.stop();
  });

  it('opens the ticket from its printed QR and follows it until the call', async () => {
    await kiosk['tickets.issue']({ serviceId, priorityClassId: null });
    const mine = (await kiosk['tickets.issue']({ serviceId, priorityClassId: null })).ticket;
    const [, bytes] = await printer.waitForJobs(2);
    const qr = decodeEscPos(bytes!).items.flatMap((i) => (i.kind === 'qr' ? [i.payload] : []));
    expect(qr).toEqual([`${hub.url}/q/${mine.id}`]);

    const page = await open(qr[0]!);
    await expect.poll(() => page.getByTestId('ticket-number').textContent()).toBe(mine.displayCode);
    await expect.poll(() => page.getByRole('heading', { name: 'Còn 1 người trước Ông/Bà' }).isVisible()).toBe(true);
    // No counter is open yet: the page says so, apart from the progress.
    await expect.poll(() => page.getByTestId('ticket-notice').textContent()).toMatch(/^Chưa có quầy nào đang mở cho dịch vụ này\./);
    await screenshot(page, 'citizen-ticket-waiting-390x844');
    expect(await accessibilityProblems(page, null)).toEqual([]);

    const officer = await hub.staff('goi-so');
    await officer['counter.open']({ counterId });
    const first = await officer['counter.callNext']({});
    await expect.poll(() => page.getByRole('heading', { name: 'Ông/Bà là người tiếp theo' }).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByTestId('ticket-notice').count()).toBe(0);
    await officer['counter.start']({ ticketId: first.ticket!.id });
    await officer['counter.finish']({ ticketId: first.ticket!.id });
    await officer['counter.callNext']({});
    // The page reads the hub again by itself: the call shows without a reload.
    await expect.poll(() => page.getByRole('heading', { name: 'Mời đến quầy số 1' }).isVisible(), { timeout: 15_000 }).toBe(true);
    await screenshot(page, 'citizen-ticket-called-390x844');
  });

  it('says a ticket that is not ours is not found, in words for the citizen', async () => {
    const page = await open(`${hub.url}/q/00000000-0000-7000-8000-000000000000`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Không tìm thấy số thứ tự này');
  });

  it("opens a receipt's status page: where the dossier stands, the applicant's initials only", async () => {
    const officer = await hub.staff('tiep-nhan');
    const d = await officer['dossiers.receive'](intake({ procedureCode: '1.004873.000.00.00.H21', documents: [{ index: 0, count: 1 }] }));
    const page = await open(formatReceiptQr({ dossierCode: d.code!, lookupCode: d.lookupCode! }, hub.url));
    await expect.poll(() => page.getByRole('heading', { name: 'Hồ sơ đang được giải quyết' }).isVisible()).toBe(true);
    const shown = await page.locator('main').textContent();
    expect(shown).toContain(d.code!);
    expect(shown).not.toContain('Nguyễn Thị Hường');
    expect(shown).toContain('N***** T** H****');
    await screenshot(page, 'citizen-dossier-status-390x844');
    expect(await accessibilityProblems(page, null)).toEqual([]);

    await officer['dossiers.advance']({ dossierId: d.id, step: 'resultReady', note: '' });
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Đã có kết quả' }).isVisible()).toBe(true);
  });

  it('takes the two codes typed from the receipt, and refuses a wrong lookup code', async () => {
    const officer = await hub.staff('tiep-nhan-2');
    const d = await officer['dossiers.receive'](intake({ procedureCode: '1.004873.000.00.00.H21', documents: [{ index: 0, count: 1 }] }));
    const page = await open(`${hub.url}/tra-cuu`);
    await page.getByLabel('Mã hồ sơ').fill(d.code!.toLowerCase());
    await page.getByLabel('Mã tra cứu').fill('ZZZZZZ');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => page.getByRole('alert').isVisible()).toBe(true);
    await screenshot(page, 'citizen-dossier-wrong-code-390x844');
    await page.getByLabel('Mã tra cứu').fill(d.lookupCode!);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Hồ sơ đang được giải quyết' }).isVisible()).toBe(true);
  });
});

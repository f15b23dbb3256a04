import type { Browser, BrowserContext, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../contract/client';
import { createSite } from '../central/helpers';
import { decodeEscPos } from '../support/escpos-decoder';
import { FakePrinter } from '../support/fake-printer';
import { ALL_DAY, sameDayClock, startTestHub, type TestHub } from '../support/hub';
import { startCentralUnderTest, waitFor, type CentralUnderTest } from '../sync/rig';
import { intake } from '../integration/dossier/intake-input';
import { accessibilityProblems } from './support/a11y';
import { launchBrowser, openScreen, screenshot, sizes } from './support/browser';

/**
 * A receipt's QR opens the province's public status page when the province gave its address
 * (Quản trị → Máy in → "Địa chỉ tra cứu hồ sơ của tỉnh"): from anywhere, and while the site is
 * offline, from the statuses the site synced. The real hub prints the slip on a fake printer, syncs
 * to a central, and a phone-sized Chromium opens the QR's link.
 */
describe("the province's public status page behind a receipt's QR", () => {
  let hub: TestHub;
  let central: CentralUnderTest;
  let browser: Browser;
  let officer: HubClient;
  let printer: FakePrinter;
  const contexts: BrowserContext[] = [];
  const open = (url: string): Promise<Page> => openScreen(browser, contexts, url, sizes.phone);
  const synced = () =>
    waitFor('the hub synced', async () => {
      const s = await officer['sync.now']({});
      return s.pendingEvents === 0 && s.lastError === null && s.online ? s : null;
    }, 60_000);

  beforeAll(async () => {
    hub = await startTestHub({ clock: sameDayClock() });
    central = await startCentralUnderTest('pglite');
    browser = await launchBrowser();
    const admin = await hub.admin();
    const siteId = `xa-${randomUUID().slice(0, 8)}`;
    await admin['admin.enrollSync']({ centralUrl: central.url, siteId, credential: await createSite(central.url, siteId, 'UBND xã Ia Dom') });
    await admin['site.update']({ queueHours: ALL_DAY, printing: { ticketFooter: 'Xin cảm ơn.', lookupBaseUrl: null, provinceLookupUrl: `${central.url}/` } });
    const counterId = (await admin['catalog.get']({})).counters.find((c) => c.number === 1)!.id;
    printer = await FakePrinter.start();
    await admin['admin.savePrinter']({ name: 'Máy in quầy 1', role: 'receipt', address: printer.address, paper: '80mm', model: 'generic', textMode: 'raster', cut: true, beep: false, deviceId: null, counterId, active: true });
    officer = await hub.staff('tiep-nhan');
    await officer['counter.open']({ counterId });
  }, 120_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await hub?.close().catch(() => undefined);
    await central?.dispose();
    await printer?.stop();
  });

  it('opens from the printed slip, says where the dossier stands with initials only, and follows the result while the hub is off', async () => {
    const d = await officer['dossiers.receive'](intake({ procedureCode: '1.004873.000.00.00.H21', documents: [{ index: 0, count: 1 }] }));
    const [bytes] = await printer.waitForJobs(1);
    const qr = decodeEscPos(bytes!).items.flatMap((i) => (i.kind === 'qr' ? [i.payload] : []));
    expect(qr).toEqual([`${central.url}/tra-cuu?hs=${encodeURIComponent(d.code!)}&ma=${d.lookupCode}`]);
    await synced();

    const page = await open(qr[0]!);
    await expect.poll(() => page.getByRole('heading', { name: 'Hồ sơ đang được giải quyết' }).isVisible()).toBe(true);
    const shown = await page.locator('main').textContent();
    expect(shown).toContain(d.code!);
    expect(shown).toContain('UBND xã Ia Dom');
    expect(shown).not.toContain('Nguyễn Thị Hường');
    expect(shown).toContain('N***** T** H****');
    await screenshot(page, 'central-tra-cuu-390x844');
    expect(await accessibilityProblems(page, null)).toEqual([]);

    await officer['dossiers.advance']({ dossierId: d.id, step: 'resultReady', note: '' });
    await synced();
    // The site goes offline: the province still answers from what it synced.
    await hub.close();
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: 'Đã có kết quả' }).isVisible()).toBe(true);
    await screenshot(page, 'central-tra-cuu-ready-390x844');
  });

  it('takes the two codes typed, and refuses a wrong lookup code in words for the citizen', async () => {
    const page = await open(`${central.url}/tra-cuu`);
    await page.getByLabel('Mã hồ sơ').fill('000.00.15.H21-261204-0001');
    await page.getByLabel('Mã tra cứu').fill('ZZZZZZ');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Không tìm thấy hồ sơ');
    await screenshot(page, 'central-tra-cuu-wrong-code-390x844');
  });
});

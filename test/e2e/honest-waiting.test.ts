import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../contract/client';
import type { OpOutput } from '../../contract/ops';
import { FakeClock } from '../support/clock';
import { startTestHub, type TestHub } from '../support/hub';
import { accessibilityProblems } from './support/a11y';
import { deviceContext, launchBrowser, screenshot, sizes } from './support/browser';

/**
 * The kiosk at 1080×1920 when no counter serves the chosen service: the tile and the ticket card
 * say so, with the time the next session starts, instead of "khoảng 1–5 phút". The hub runs on a
 * fake clock (a Wednesday at 07:10, before the 07:30 session) so the words never depend on the hour.
 */
describe('honest waiting at the kiosk, in Chromium against the real hub', () => {
  const clock = new FakeClock('2026-11-25T07:10:00+07:00');
  let hub: TestHub;
  let browser: Browser;
  let cat: OpOutput<'catalog.get'>;
  let kioskToken: string;
  const contexts: BrowserContext[] = [];
  /** The kiosk, its header clock showing the hub's (fake) time rather than the machine's. */
  const openKiosk = async () => {
    const context = await deviceContext(browser, sizes.kiosk, { 'motcua.device.kiosk': kioskToken });
    contexts.push(context);
    await context.clock.setFixedTime(clock.now());
    const page = await context.newPage();
    await page.goto(`${hub.url}/kiosk`);
    return page;
  };
  const noCounter = 'Chưa có quầy nào đang mở cho dịch vụ này. Quầy\u00a0dự\u00a0kiến\u00a0mở\u00a0lúc\u00a007:30.';

  beforeAll(async () => {
    hub = await startTestHub({ screens: true, clock: clock.now });
    browser = await launchBrowser();
    const admin: HubClient = await hub.admin();
    cat = await admin['catalog.get']({});
    kioskToken = (await hub.device('kiosk')).token;
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await hub?.close();
  });

  it('shows "no counter open" on the tile and on the ticket card, not minutes', async () => {
    const page = await openKiosk();
    const tile = page.getByRole('button', { name: /^Hộ tịch/ });
    await expect.poll(() => tile.isVisible()).toBe(true);
    await expect.poll(() => tile.textContent()).toContain(noCounter);
    await screenshot(page, 'kiosk-no-counter-services-1080x1920');

    await tile.click();
    await page.getByRole('button', { name: 'Không — lấy số thường' }).click();
    await expect.poll(() => page.getByTestId('ticket-number').textContent()).toBe('A001');
    await expect.poll(() => page.getByTestId('ticket-wait').textContent()).toBe(noCounter);
    expect(await page.getByText(/phút/).count()).toBe(0);
    await screenshot(page, 'kiosk-no-counter-ticket-1080x1920');
    expect(await accessibilityProblems(page, 64)).toEqual([]);
    await page.getByRole('button', { name: 'Xong' }).click();
  });

  it('shows a range once a counter serving the service is open', async () => {
    clock.set('2026-11-25T07:40:00+07:00');
    const officer = await hub.staff('canbo1');
    await officer['counter.open']({ counterId: cat.counters.find((c) => c.number === 1)!.id });
    const page = await openKiosk();
    const tile = page.getByRole('button', { name: /^Hộ tịch/ });
    await expect.poll(() => tile.isVisible()).toBe(true);
    expect(await tile.textContent()).not.toContain('Chưa có quầy');
    await tile.click();
    await page.getByRole('button', { name: 'Không — lấy số thường' }).click();
    await expect.poll(() => page.getByTestId('ticket-number').textContent()).toBe('A002');
    await expect.poll(() => page.getByTestId('ticket-wait').textContent()).toMatch(/^Thời gian chờ dự kiếnkhoảng \d+–\d+ phút$/);
    await screenshot(page, 'kiosk-range-ticket-1080x1920');
  });
});

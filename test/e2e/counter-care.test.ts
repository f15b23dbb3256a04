import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../contract/client';
import type { OpOutput } from '../../contract/ops';
import { FakeClock } from '../support/clock';
import { ALL_DAY, sameDayClock, STAFF_PASSWORD, startTestHub, type TestHub } from '../support/hub';
import { launchBrowser, openScreen, screenshot, sizes } from './support/browser';
import { openCounter } from './support/counter-login';

/**
 * Counter care (issue 13): undo after F6, the warning before closing the counter, the shortcut to
 * the absent list, and a rejected field that takes the focus. Driven by keyboard at 1366×768, on the
 * hub's fake clock (the undo window is the hub's, never the test's sleep).
 */
describe('care at the counter, end to end in Chromium against the real hub', () => {
  // Today on the hub's fake clock (the desk counts waiting minutes on the PC's clock), but not
  // the last minutes before midnight nor a day off: the clock moves on, and numbers are per day
  // and not given on holidays (sameDayClock).
  const clock = new FakeClock(new Date(sameDayClock()()).toISOString());
  let hub: TestHub;
  let browser: Browser;
  let cat: OpOutput<'catalog.get'>;
  let kiosk: HubClient;
  let page: Page;
  let tv: Page;
  const contexts: BrowserContext[] = [];
  const svc = (name: string) => cat.services.find((s) => s.name === name)!.id;
  const issue = async (service: string) => (await kiosk['tickets.issue']({ serviceId: svc(service), priorityClassId: null })).ticket;
  const currentCode = () => page.getByTestId('current-code').textContent();

  beforeAll(async () => {
    hub = await startTestHub({ screens: true, clock: clock.now });
    browser = await launchBrowser();
    await (await hub.admin())['site.update']({ queueHours: ALL_DAY });
    cat = await hub.catalog();
    kiosk = (await hub.device('kiosk')).client;
    await hub.staff('canbo1');
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await hub?.close();
  });

  it('opens counter 1, and the TV', async () => {
    const { token } = await hub.device('display');
    tv = await openScreen(browser, contexts, `${hub.url}/display`, sizes.display, { 'motcua.device.display': token });
    page = await openScreen(browser, contexts, `${hub.url}/counter`, sizes.counter);
    await openCounter(page, hub.url, 'canbo1', STAFF_PASSWORD, '1');
    await expect.poll(() => page.getByText('Chưa có số nào. Nhấn F1 để gọi số tiếp theo.').isVisible()).toBe(true);
  });

  it('undoes an absent mark with Ctrl+Z: the ticket is back at the desk', async () => {
    const t = await issue('Hộ tịch');
    await page.keyboard.press('F1');
    await expect.poll(currentCode).toBe(t.displayCode);
    await page.keyboard.press('F6');
    const bar = page.getByTestId('undo-bar');
    await expect.poll(() => bar.textContent()).toContain(`Đã đánh dấu vắng ${t.displayCode}`);
    await screenshot(page, 'quay-hoan-tac-vang-1366x768');
    clock.advanceSeconds(5);
    await page.keyboard.press('Control+z');
    await expect.poll(currentCode).toBe(t.displayCode);
    await expect.poll(() => bar.isVisible()).toBe(false);
    await expect.poll(() => page.getByText(`Đã hoàn tác: số ${t.displayCode} trở lại quầy.`).isVisible()).toBe(true);
    await page.keyboard.press('F4');
    await expect.poll(() => page.getByText('Chưa có số nào. Nhấn F1 để gọi số tiếp theo.').isVisible()).toBe(true);
  });

  it('takes a number marked absent off the TV’s large call instead of keeping it until the next call', async () => {
    const t = await issue('Hộ tịch');
    await page.keyboard.press('F1');
    await expect.poll(() => tv.getByTestId('display-code').textContent()).toBe(t.displayCode);
    await page.keyboard.press('F6');
    await expect.poll(() => tv.getByText('Xin mời Ông/Bà lấy số thứ tự tại kiosk').isVisible()).toBe(true);
    await expect.poll(() => tv.getByTestId('recent-calls').textContent()).toContain(`${t.displayCode}1Vắng mặt`);
    clock.advanceSeconds(10); // past the undo window: the desk's undo bar goes
  });

  it('warns before closing while people wait for a service no other counter serves, and closes anyway on request', async () => {
    await issue('Chứng thực');
    await issue('Chứng thực');
    await page.getByRole('button', { name: 'Đóng quầy' }).click();
    const dialog = page.getByRole('dialog', { name: 'Đóng quầy khi còn người chờ?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('alert').textContent()).toBe(
      'Còn 2 người chờ dịch vụ Chứng thực mà không quầy nào khác đang mở phục vụ. Nếu đóng quầy, những người này sẽ không được gọi.',
    );
    await screenshot(page, 'quay-canh-bao-dong-quay-1366x768');
    // Enter takes the safe first choice: the counter stays open.
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Đóng quầy' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Đóng quầy' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.keyboard.press('2');
    await expect.poll(() => page.getByRole('dialog', { name: 'Chọn quầy làm việc' }).isVisible()).toBe(true);
    await page.keyboard.press('1');
    await expect.poll(() => page.getByText(/Chưa có số nào/).isVisible()).toBe(true);
  });

  it('brings a no-show back with Shift+F6 and Enter: the latest absent number comes first', async () => {
    const t = await issue('Hộ tịch');
    await page.keyboard.press('F1');
    await expect.poll(currentCode).toBe(t.displayCode);
    await page.keyboard.press('F6');
    await expect.poll(() => page.getByTestId('undo-bar').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /Số vắng mặt quay lại/ }).getAttribute('aria-keyshortcuts')).toBe('Shift+F6');
    await page.keyboard.press('Shift+F6');
    const dialog = page.getByRole('dialog', { name: /Đưa số vắng mặt trở lại hàng chờ/ });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.locator('[role=option][aria-selected=true] .choice-label').textContent()).toBe(t.displayCode);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText(`Đã đưa số ${t.displayCode} lại hàng chờ.`).isVisible()).toBe(true);
    const waiting = await (await hub.staff('giamsat1', 'supervisor'))['tickets.list']({ statuses: ['waiting'] });
    expect(waiting.map((w) => w.displayCode)).toContain(t.displayCode);
  });
});

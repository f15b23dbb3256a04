import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../contract/client';
import type { OpOutput } from '../../contract/ops';
import { ALL_DAY, STAFF_PASSWORD, startTestHub, type TestHub } from '../support/hub';
import { deviceContext, launchBrowser, screenshot, sizes } from './support/browser';
import { announcements } from './support/announcements';



describe('keyboard-only work, a display that was offline, and recovering from bad situations', () => {
  let hub: TestHub;
  let browser: Browser;
  let admin: HubClient;
  let kiosk: HubClient;
  let cat: OpOutput<'catalog.get'>;
  let displayToken: string;
  const contexts: BrowserContext[] = [];
  const newPage = async (size: { width: number; height: number }, storage: Record<string, string> = {}) => {
    const c = await deviceContext(browser, size, storage);
    contexts.push(c);
    return c.newPage();
  };
  const issue = (name: string) => kiosk['tickets.issue']({ serviceId: cat.services.find((s) => s.name === name)!.id, priorityClassId: null });
  const counterPage = async (username: string) => {
    const page = await newPage(sizes.counter);
    await page.goto(`${hub.url}/counter`);
    // Keyboard only: the username field has the focus; type, Tab, Enter.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe('username');
    await page.keyboard.type(username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(STAFF_PASSWORD);
    await page.keyboard.press('Enter');
    return page;
  };

  beforeAll(async () => {
    hub = await startTestHub({ screens: true });
    browser = await launchBrowser();
    admin = await hub.admin();
    await admin['site.update']({ queueHours: ALL_DAY });
    cat = await admin['catalog.get']({});
    kiosk = (await hub.device('kiosk')).client;
    displayToken = (await hub.device('display')).token;
    await hub.staff('bp1');
    await hub.staff('bp2');
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await hub?.close();
  });

  it('runs a whole counter shift from the keyboard: call, recall, no-show, return, transfer, pause', async () => {
    for (let i = 0; i < 3; i++) await issue('Chứng thực');
    const page = await counterPage('bp1');
    await expect.poll(() => page.getByRole('dialog', { name: 'Chọn quầy làm việc' }).isVisible()).toBe(true);
    await page.keyboard.press('2'); // Quầy số 2 serves Chứng thực first
    await expect.poll(() => page.getByText('Chưa có số nào. Nhấn F1 để gọi số tiếp theo.').isVisible()).toBe(true);

    await page.keyboard.press('F1');
    await expect.poll(() => page.getByTestId('current-code').textContent()).toBe('B001');
    await page.keyboard.press('F2');
    await expect.poll(() => page.getByText('đã gọi lại 1 lần').isVisible()).toBe(true);
    await page.keyboard.press('F6'); // vắng mặt
    // Said by the undo bar, which offers Ctrl+Z for a few seconds (counter-care.test.ts).
    await expect.poll(() => page.getByTestId('undo-bar').textContent()).toContain('Đã đánh dấu vắng B001');
    await page.getByRole('tab', { name: /Vắng mặt/ }).press('Enter');
    await expect.poll(() => page.getByRole('tab', { name: 'Vắng mặt (1)' }).isVisible()).toBe(true);

    await page.keyboard.press('F1');
    await expect.poll(() => page.getByTestId('current-code').textContent()).toBe('B002');
    await page.keyboard.press('F3');
    await expect.poll(() => page.getByText('Đang phục vụ', { exact: true }).isVisible()).toBe(true);
    // F7: transfer to another service keeping the place; the dialog answers to digits.
    await page.keyboard.press('F7');
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    await screenshot(page, 'counter-transfer-dialog-1366x768');
    await page.keyboard.press('1'); // Dịch vụ Hộ tịch
    await expect.poll(() => page.getByTestId('undo-bar').textContent()).toContain('Đã chuyển B002');
    expect((await admin['tickets.list']({})).find((t) => t.displayCode === 'B002')).toMatchObject({ serviceName: 'Hộ tịch', status: 'waiting' });

    // The absent citizen came back: return B001 to the queue (button reachable with Tab/Enter).
    await page.getByRole('button', { name: 'Đưa số B001 lại hàng chờ' }).press('Enter');
    await expect.poll(() => page.getByText('Đã đưa số B001 lại hàng chờ.').isVisible()).toBe(true);
    await page.keyboard.press('F1');
    await expect.poll(() => page.getByTestId('current-code').textContent()).toBe('B001');
    await page.keyboard.press('F4');

    await page.keyboard.press('F10');
    await expect.poll(() => page.getByText('Đang tạm dừng', { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: /Gọi số tiếp theo/ }).isDisabled()).toBe(true);
    await page.waitForTimeout(300); // a second, deliberate press (a key bounce within 250 ms is ignored)
    await page.keyboard.press('F10');
    await expect.poll(() => page.getByText('Đang làm việc').isVisible()).toBe(true);
    await screenshot(page, 'counter-keyboard-1366x768');
  });

  it('a display offline during three calls shows and announces all three after reconnecting', async () => {
    const display = await newPage(sizes.display, { 'motcua.device.display': displayToken });
    await display.goto(`${hub.url}/display`);
    await expect.poll(() => display.getByTestId('display-code').isVisible()).toBe(true);
    const before = (await announcements(display)).length;
    const context = display.context();
    await display.close();

    const officer = await counterPage('bp2');
    await expect.poll(() => officer.getByRole('dialog', { name: 'Chọn quầy làm việc' }).isVisible()).toBe(true);
    await officer.keyboard.press('3'); // Quầy số 3: Đất đai, Kinh doanh
    await expect.poll(() => officer.getByText('Chưa có số nào. Nhấn F1 để gọi số tiếp theo.').isVisible()).toBe(true);
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      codes.push((await issue('Đất đai')).ticket.displayCode);
      await officer.keyboard.press('F1');
      await expect.poll(() => officer.getByTestId('current-code').textContent()).toBe(codes[i]);
      await officer.keyboard.press('F4');
      await expect.poll(() => officer.getByText(`Đã kết thúc số ${codes[i]}.`).isVisible()).toBe(true);
    }

    const again = await context.newPage(); // same browser profile: remembers the last call it saw
    await again.goto(`${hub.url}/display`);
    await expect.poll(async () => (await announcements(again)).map((a) => a.displayCode)).toEqual(codes);
    expect(before).toBeGreaterThanOrEqual(0);
    await expect.poll(() => again.getByTestId('display-code').textContent()).toBe(codes[2]);
    await expect.poll(() => again.getByTestId('recent-calls').textContent()).toContain(codes[0]);
    await expect.poll(async () => (await announcements(again)).every((a) => a.state === 'done'), { timeout: 90_000 }).toBe(true);
    // Each was spoken with counter 3.
    for (const a of await announcements(again)) expect(a.clips.at(-1)).toBe('vi/number-3.wav');
  });

  it('an expired session shows the login with the reason once, and logging in again recovers the counter', async () => {
    // bp1 still has counter 2 open from the first test: the desk shows at once after login.
    const page = await counterPage('bp1');
    await expect.poll(() => page.getByText('Quầy số 2', { exact: true }).isVisible()).toBe(true);
    const bp1 = (await admin['admin.listStaff']({})).find((s) => s.username === 'bp1')!;
    // The admin resets the password: every session of bp1 ends at once.
    await admin['admin.resetPassword']({ staffId: bp1.id, newPassword: 'mat-khau-moi-1' });
    await page.keyboard.press('F10');
    await expect.poll(() => page.getByText('Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.').isVisible()).toBe(true);
    await screenshot(page, 'counter-session-expired-1366x768');
    // No reload loop: the page stays on the login form.
    const url = page.url();
    await page.waitForTimeout(3000);
    expect(page.url()).toBe(url);
    // Logging in again (the reset password must be changed first) brings back the same counter.
    await page.getByLabel('Tên đăng nhập').fill('bp1');
    await page.getByLabel('Mật khẩu').fill('mat-khau-moi-1');
    await page.keyboard.press('Enter');
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-rieng-2');
    await page.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-rieng-2');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Đã đổi mật khẩu. Vui lòng đăng nhập bằng mật khẩu mới.').isVisible()).toBe(true);
    await page.getByLabel('Tên đăng nhập').fill('bp1');
    await page.getByLabel('Mật khẩu').fill('mat-khau-rieng-2');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Quầy số 2', { exact: true }).isVisible()).toBe(true);
  });

  it('a revoked kiosk says so and asks to be paired again, without a reload loop', async () => {
    const { token, client } = await hub.device('kiosk');
    const page = await newPage(sizes.kiosk, { 'motcua.device.kiosk': token });
    let navigations = 0;
    page.on('framenavigated', () => navigations++);
    await page.goto(`${hub.url}/kiosk`);
    await expect.poll(() => page.getByRole('button', { name: /^Hộ tịch/ }).isVisible()).toBe(true);
    await admin['devices.revoke']({ deviceId: (await client['devices.me']({})).id });
    await expect.poll(() => page.getByText('Thiết bị này đã bị thu hồi quyền truy cập. Liên hệ quản trị viên để ghép nối lại.').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'Ghép nối Kiosk lấy số' }).isVisible()).toBe(true);
    await screenshot(page, 'kiosk-revoked-1080x1920');
    await page.waitForTimeout(3000);
    expect(navigations).toBe(1);
  });

  it('a kiosk that loses the hub tells the citizen where to get a number, and carries on when it is back', async () => {
    const { token } = await hub.device('kiosk');
    const page = await newPage(sizes.kiosk, { 'motcua.device.kiosk': token });
    await page.goto(`${hub.url}/kiosk`);
    await expect.poll(() => page.getByRole('button', { name: /^Hộ tịch/ }).isVisible()).toBe(true);
    const restarted = hub.restart(5000);
    const banner = page.getByText('Máy lấy số đang mất kết nối và tự kết nối lại. Nếu chưa lấy được số, xin mời Ông/Bà đến bàn hướng dẫn.');
    await expect.poll(() => banner.isVisible()).toBe(true);
    await screenshot(page, 'kiosk-hub-down-1080x1920');
    await restarted;
    await expect.poll(() => banner.isVisible(), { timeout: 30_000 }).toBe(false);
  });

  it('survives a hub restart mid-flow: says the hub is unreachable, then shows the same current ticket and goes on', async () => {
    await issue('Kinh doanh');
    const page = await counterPage('bp2'); // counter 3 is still open for bp2
    await expect.poll(() => page.getByText('Quầy số 3', { exact: true }).isVisible()).toBe(true);
    await page.keyboard.press('F1');
    await expect.poll(() => page.getByTestId('current-code').textContent()).toMatch(/^D\d{3}$/);
    const code = (await page.getByTestId('current-code').textContent())!;

    const restarted = hub.restart(5000);
    await expect.poll(() => page.getByText(/Mất kết nối với máy chủ Một Cửa/).isVisible()).toBe(true);
    await screenshot(page, 'counter-hub-down-1366x768');
    await restarted;
    await expect.poll(() => page.getByText(/Mất kết nối với máy chủ Một Cửa/).isVisible(), { timeout: 30_000 }).toBe(false);
    expect(await page.getByTestId('current-code').textContent()).toBe(code);
    await page.keyboard.press('F4');
    await expect.poll(() => page.getByText(`Đã kết thúc số ${code}.`).isVisible()).toBe(true);
  });
});

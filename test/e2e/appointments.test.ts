import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment } from '../../contract/appointments';
import type { HubClient } from '../../contract/client';
import { FakeClock } from '../support/clock';
import { decodeEscPos, textItems } from '../support/escpos-decoder';
import { FakePrinter } from '../support/fake-printer';
import { ADMIN_PASSWORD, ALL_DAY, STAFF_PASSWORD, startTestHub, type TestHub } from '../support/hub';
import { accessibilityProblems } from './support/a11y';
import { launchBrowser, openScreen, screenshot, sizes } from './support/browser';
import { openAdmin, openCounter } from './support/counter-login';

/** What a CCCD's QR holds (main/core/cccd-qr.ts): id | old id | name | birth | sex | address | issue date. */
const CCCD = '079201000111|212345678|Trần Văn Bình|02031975|Nam|Số 5 đường Lê Lợi, Phường Bến Thành, TP. Hồ Chí Minh|10052021';

/**
 * A keyboard-wedge scanner at the kiosk: each character a real key press with its text, then
 * Enter, a few milliseconds apart (Chrome DevTools' key events: Playwright's own keyboard sends
 * characters off the US layout as text only, with no key press the kiosk could hear). A kiosk has
 * no Vietnamese input method, so a scanner that types Unicode delivers the card's diacritics whole.
 */
async function wedgeScan(page: Page, text: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (const ch of text) {
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, unmodifiedText: ch });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch });
  }
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13 });
  await cdp.detach();
}

/** The big text on a printed ticket (the number) and all its lines. */
async function printedTicket(printer: FakePrinter): Promise<{ number: string | undefined; lines: string[] }> {
  const [bytes] = await printer.waitForJobs(1, 10_000);
  printer.jobs.length = 0;
  const items = textItems(decodeEscPos(bytes!));
  return { number: items.find((t) => t.width > 1)?.text.trim(), lines: items.map((t) => t.text.trim()) };
}

/**
 * Issue 14 at the hub's screens: a citizen with a booking checks in at the kiosk (1080×1920) by
 * the booking's QR, by the CCCD, or is told to come back later; a clerk takes a booking over the
 * phone at the counter (1366×768). The hub's clock is a Wednesday morning, moved by hand.
 */
describe('appointments at the kiosk and the counter', () => {
  const clock = new FakeClock('2026-12-09T08:00:00+07:00');
  let hub: TestHub;
  let browser: Browser;
  let officer: HubClient;
  let printer: FakePrinter;
  let kioskToken: string;
  let hoTich: string;
  const booked: Record<'qr' | 'cccd' | 'later' | 'missed', Appointment | null> = { qr: null, cccd: null, later: null, missed: null };
  const contexts: BrowserContext[] = [];

  const openKiosk = async (): Promise<Page> => {
    const page = await openScreen(browser, contexts, `${hub.url}/kiosk`, sizes.kiosk, { 'motcua.device.kiosk': kioskToken });
    await expect.poll(() => page.getByRole('button', { name: /^Có lịch hẹn/ }).isVisible()).toBe(true);
    return page;
  };

  beforeAll(async () => {
    hub = await startTestHub({ screens: true, clock: clock.now });
    browser = await launchBrowser();
    const admin = await hub.admin();
    await admin['site.update']({ queueHours: ALL_DAY });
    // Printer text (not raster): the test reads the ticket's number back from the bytes.
    printer = await FakePrinter.start();
    await admin['admin.savePrinter']({ name: 'Máy in kiosk', role: 'ticket', address: printer.address, paper: '80mm', model: 'generic', textMode: 'epson-tcvn3', cut: true, beep: false, deviceId: null, counterId: null, active: true });
    kioskToken = (await hub.device('kiosk')).token;
    hoTich = (await admin['catalog.get']({})).services.find((s) => s.name === 'Hộ tịch')!.id;
    await admin['appointments.saveSettings']({
      earlyMinutes: 30, lateMinutes: 15, maxInARow: 2, maxActivePerId: 3,
      rules: [{ serviceId: hoTich, enabled: true, windows: [{ from: '08:00', to: '11:30' }], slotMinutes: 30, capacity: 4, siteSeats: 3, daysAhead: 14 }],
    });
    officer = await hub.staff('hen-lich', 'officer');
    const book = (time: string, idNumber: string, fullName: string) =>
      officer['appointments.book']({ serviceId: hoTich, slotStart: `2026-12-09T${time}:00+07:00`, idNumber, fullName, phone: '0912345678' });
    booked.qr = await book('09:00', '001099012345', 'Nguyễn Thị Hường');
    booked.cccd = await book('09:00', '079201000111', 'Trần Văn Bình');
    booked.later = await book('11:00', '001180004444', 'Lê Văn Cường');
    booked.missed = await book('08:30', '001180005555', 'Đỗ Thị Mai');
    // 08:50: the 09:00 bookings may check in (from 08:30), the 11:00 one not before 10:30, the 08:30 one closed at 08:45.
    clock.set('2026-12-09T08:50:00+07:00');
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await hub?.close();
    await printer?.stop();
  });

  it('checks in by the booking’s QR at the scanner from the start page: the number big, "Hẹn 09:00", printed', async () => {
    const kiosk = await openKiosk();
    await screenshot(kiosk, 'appointment-kiosk-start-1080x1920');
    await kiosk.keyboard.type(`MCA1|site-test|${booked.qr!.code}`);
    await kiosk.keyboard.press('Enter');
    await expect.poll(() => kiosk.getByTestId('ticket-appointment').textContent()).toBe('Hẹn 09:00');
    const shown = await kiosk.getByTestId('ticket-number').textContent();
    expect(shown).toMatch(/\S/);
    expect(await kiosk.locator('.ticket-facts').textContent()).toContain('Hộ tịch');
    const paper = await printedTicket(printer);
    expect(paper.number).toBe(shown);
    expect(paper.lines).toContain('Hẹn 09:00');
    await expect.poll(() => kiosk.getByText('Mời Ông/Bà nhận phiếu in bên dưới.').isVisible()).toBe(true);
    await screenshot(kiosk, 'appointment-kiosk-ticket-qr-1080x1920');
    expect(await accessibilityProblems(kiosk, 88)).toEqual([]);
    const after = await officer['appointments.find']({ code: booked.qr!.code, idNumber: '001099012345' });
    expect(after.status).toBe('checked_in');
  });

  it('checks in by the CCCD at the scanner: today’s booking of that ID number becomes a number', async () => {
    const kiosk = await openKiosk();
    await wedgeScan(kiosk, CCCD);
    await expect.poll(() => kiosk.getByTestId('ticket-appointment').textContent()).toBe('Hẹn 09:00');
    const shown = await kiosk.getByTestId('ticket-number').textContent();
    expect((await printedTicket(printer)).number).toBe(shown);
    await expect.poll(() => kiosk.getByText('Mời Ông/Bà nhận phiếu in bên dưới.').isVisible()).toBe(true);
    await screenshot(kiosk, 'appointment-kiosk-ticket-cccd-1080x1920');
    const after = await officer['appointments.find']({ code: booked.cccd!.code, idNumber: '079201000111' });
    expect(after.status).toBe('checked_in');
    expect(after.ticketId).not.toBeNull();
  });

  it('typed too early: the hub’s words with the time to come back, and a normal number one touch away', async () => {
    const kiosk = await openKiosk();
    await kiosk.getByRole('button', { name: /^Có lịch hẹn/ }).click();
    await expect.poll(() => kiosk.getByRole('heading', { name: 'Quét mã QR lịch hẹn hoặc căn cước' }).isVisible()).toBe(true);
    // Only the booking alphabet's keys: no vowel, no 0/O, no 1/I.
    for (const absent of ['A', 'E', 'O', '0', '1', 'I']) expect(await kiosk.getByRole('button', { name: absent, exact: true }).count()).toBe(0);
    for (const ch of booked.later!.code) await kiosk.getByRole('button', { name: ch, exact: true }).click();
    await screenshot(kiosk, 'appointment-kiosk-code-typed-1080x1920');
    expect(await accessibilityProblems(kiosk, 88)).toEqual([]);
    await kiosk.getByRole('button', { name: 'Xác nhận lịch hẹn' }).click();
    await expect.poll(() => kiosk.getByRole('alert').textContent()).toContain('Chưa đến giờ nhận lịch hẹn: mời quay lại từ 10:30');
    await screenshot(kiosk, 'appointment-kiosk-too-early-1080x1920');
    expect(await accessibilityProblems(kiosk, 88)).toEqual([]);
    expect(printer.jobs).toHaveLength(0);
    await kiosk.getByRole('button', { name: 'Lấy số thường' }).click();
    await expect.poll(() => kiosk.getByRole('button', { name: /^Hộ tịch/ }).isVisible()).toBe(true);
  });

  it('scanned after its late window: the hub says it was missed and to take a normal number', async () => {
    const kiosk = await openKiosk();
    await kiosk.keyboard.type(`https://dichvucong.gialai.gov.vn/hen/site-test/${booked.missed!.code}`);
    await kiosk.keyboard.press('Enter');
    await expect.poll(() => kiosk.getByRole('alert').textContent()).toBe('Lịch hẹn lúc 08:30 ngày 09/12/2026 chỉ nhận đến 08:45. Ông/Bà vui lòng lấy số thứ tự thông thường.');
    expect(await kiosk.getByRole('button', { name: 'Lấy số thường' }).isVisible()).toBe(true);
    await screenshot(kiosk, 'appointment-kiosk-missed-1080x1920');
    expect(printer.jobs).toHaveLength(0);
  });

  it('takes a booking over the phone at the counter by keyboard, shows the code to read out, and marks the checked-in numbers', async () => {
    const counter = await openScreen(browser, contexts, `${hub.url}/counter`, sizes.counter);
    await openCounter(counter, hub.url, 'hen-lich', STAFF_PASSWORD, '1');
    await expect.poll(() => counter.getByRole('table', { name: 'Theo dịch vụ và giờ' }).isVisible()).toBe(true);
    // The two numbers checked in at the kiosk wait with their time.
    await expect.poll(() => counter.locator('.ticket-list .badge-appointment').allTextContents()).toEqual(['Hẹn 09:00', 'Hẹn 09:00']);
    await screenshot(counter, 'appointment-counter-panel-1366x768');

    await counter.keyboard.press('Shift+F4');
    const dialog = counter.getByRole('dialog', { name: 'Đặt lịch hẹn qua điện thoại' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // Service (focused first) → the day (today) → a free slot → the caller.
    await expect.poll(() => counter.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.selectedOptions?.[0]?.textContent)).toBe('Hộ tịch');
    await expect.poll(() => dialog.getByRole('radio', { name: /10:00/ }).isVisible()).toBe(true);
    await dialog.getByRole('radio', { name: /10:00/ }).focus();
    await counter.keyboard.press('Space');
    await counter.keyboard.press('Tab');
    await counter.keyboard.type('001088009999');
    await counter.keyboard.press('Tab');
    await counter.keyboard.type('Phạm Thị Dung');
    await counter.keyboard.press('Tab');
    await counter.keyboard.type('0987654321');
    await screenshot(counter, 'appointment-counter-phone-booking-1366x768');
    expect(await accessibilityProblems(counter, null)).toEqual([]);
    await counter.keyboard.press('Enter');
    await expect.poll(() => dialog.getByTestId('booked-code').textContent()).toMatch(/^Q[23456789BCDFGHKLMNPQRTVX]{5}$/);
    const code = (await dialog.getByTestId('booked-code').textContent())!;
    await screenshot(counter, 'appointment-counter-booked-1366x768');
    const made = await officer['appointments.find']({ code, idNumber: '001088009999' });
    expect(made).toMatchObject({ slotTime: '10:00', fullName: 'Phạm Thị Dung', owner: 'site', status: 'booked' });
    await counter.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    // The caller rings back: find by code + ID number, move to 10:30, then cancel.
    await counter.keyboard.press('Shift+F5');
    const lookup = counter.getByRole('dialog', { name: 'Tra cứu, hủy hoặc đổi lịch hẹn' });
    await expect.poll(() => lookup.isVisible()).toBe(true);
    await counter.keyboard.type(code.toLowerCase());
    await counter.keyboard.press('Tab');
    await counter.keyboard.type('001088009999');
    await counter.keyboard.press('Enter');
    await expect.poll(() => lookup.locator('.booking-facts').textContent()).toContain('10:00 ngày 09/12/2026');
    await lookup.getByRole('button', { name: 'Đổi giờ' }).click();
    await lookup.getByRole('radio', { name: /10:30/ }).check();
    await lookup.getByRole('button', { name: 'Đổi sang giờ này' }).click();
    await expect.poll(() => lookup.getByRole('status').textContent()).toBe('Đã đổi sang 10:30 ngày 09/12/2026.');
    await screenshot(counter, 'appointment-counter-moved-1366x768');
    await lookup.getByRole('button', { name: 'Hủy lịch…' }).click();
    await lookup.getByRole('button', { name: 'Hủy lịch hẹn', exact: true }).click();
    await expect.poll(() => lookup.locator('.booking-facts').textContent()).toContain('Đã hủy');
    expect((await officer['appointments.find']({ code, idNumber: '001088009999' })).status).toBe('cancelled');
    await counter.keyboard.press('Escape');
    await expect.poll(() => lookup.count()).toBe(0);
  });

  it('says "Lịch hẹn 09:00" on the TV under a booked number’s call, so the walk-ins see why it went first', async () => {
    const tv = await openScreen(browser, contexts, `${hub.url}/display`, sizes.display, { 'motcua.device.display': (await hub.device('display')).token });
    await expect.poll(() => tv.getByText('Xin mời Ông/Bà lấy số thứ tự tại kiosk').isVisible()).toBe(true);
    // The counter the clerk opened above calls the next number: a booking checked in at the kiosk.
    const called = await officer['counter.callNext']({});
    expect(called.ticket?.source).toBe('appointment');
    await expect.poll(() => tv.getByTestId('display-code').textContent()).toBe(called.ticket!.displayCode);
    expect(await tv.getByTestId('display-appointment').textContent()).toBe('Lịch hẹn 09:00');
    await screenshot(tv, 'appointment-display-1920x1080');
  });

  it('shows the supervisor today’s bookings per service and hour', async () => {
    await hub.staff('giam-sat-hen', 'supervisor');
    const page = await openScreen(browser, contexts, `${hub.url}/supervisor`, sizes.admin);
    await page.getByLabel('Tên đăng nhập').fill('giam-sat-hen');
    await page.getByLabel('Mật khẩu').fill(STAFF_PASSWORD);
    await page.keyboard.press('Enter');
    const table = page.getByRole('table', { name: 'Theo dịch vụ và giờ' });
    await expect.poll(() => table.isVisible()).toBe(true);
    // 08:00: the 08:30 booking missed; 09:00: two arrived; 10:00: the phone booking, moved to 10:30 and cancelled; 11:00: one still to come.
    const cells = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent).join(' ')));
    expect(cells).toEqual(['08:00 0 0 1 0', '09:00 0 2 0 0', '10:00 0 0 0 1', '11:00 1 0 0 0']);
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, 'appointment-supervisor-today-1366x768');
    // Báo cáo, this week: 5 booked, 1 cancelled, 2 arrived early (08:50 for 09:00), 1 missed, 1 still to come.
    await page.getByRole('link', { name: 'Báo cáo' }).click();
    const report = page.getByRole('region', { name: 'Lịch hẹn' });
    await expect.poll(() => report.locator('tbody tr').first().textContent()).toBe('Hộ tịch51220011');
    await report.scrollIntoViewIfNeeded();
    await screenshot(page, 'appointment-supervisor-report-1366x768');
  });

  it('admin: Quản trị → Lịch hẹn puts the hub’s complaint under its field and takes the focus there', async () => {
    const page = await openScreen(browser, contexts, `${hub.url}/admin#lich-hen`, sizes.admin);
    await openAdmin(page, hub.url, ADMIN_PASSWORD, 'lich-hen');
    const seats = page.getByLabel('Trong đó bộ phận một cửa đặt (điện thoại)');
    await expect.poll(() => seats.inputValue()).toBe('3');
    await seats.fill('9');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.locator('.field-error').first().textContent()).toBe('Số chỗ dành cho bộ phận một cửa không được lớn hơn số chỗ mỗi khung giờ');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('9');
    await screenshot(page, 'appointment-admin-settings-error-1366x768');
    expect(await accessibilityProblems(page, null)).toEqual([]);
  });
});

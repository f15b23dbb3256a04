import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../contract/client';
import type { OpOutput } from '../../contract/ops';
import { ALL_DAY, sameDayClock, STAFF_PASSWORD, startTestHub, type TestHub } from '../support/hub';
import { accessibilityProblems } from './support/a11y';
import { deviceContext, launchBrowser, screenshot, sizes } from './support/browser';
import { announcements } from './support/announcements';
import { vnDate } from '../../main/core/vn-time';
import { intake } from '../integration/dossier/intake-input';

async function loginAtCounter(page: Page, username: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(STAFF_PASSWORD);
  await page.keyboard.press('Enter');
}

describe('the screens, end to end in Chromium against the real hub', () => {
  let hub: TestHub;
  let browser: Browser;
  let admin: HubClient;
  let cat: OpOutput<'catalog.get'>;
  let tokens: { kiosk: string; display: string; rating: string };
  const contexts: BrowserContext[] = [];
  const context = async (size: { width: number; height: number }, storage: Record<string, string> = {}) => {
    const c = await deviceContext(browser, size, storage);
    contexts.push(c);
    return c;
  };
  const open = async (size: { width: number; height: number }, path: string, storage: Record<string, string> = {}) => {
    const page = await (await context(size, storage)).newPage();
    await page.goto(`${hub.url}${path}`);
    return page;
  };

  beforeAll(async () => {
    // Numbers issued in one test are called in a later one, minutes apart: on the same day.
    hub = await startTestHub({ screens: true, clock: sameDayClock() });
    browser = await launchBrowser();
    admin = await hub.admin();
    await admin['site.update']({ queueHours: ALL_DAY });
    cat = await admin['catalog.get']({});
    await hub.staff('canbo1');
    const counter1 = cat.counters.find((c) => c.number === 1)!.id;
    tokens = {
      kiosk: (await hub.device('kiosk')).token,
      display: (await hub.device('display')).token,
      rating: (await hub.device('rating', counter1)).token,
    };
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await hub?.close();
  });

  it('pairs a kiosk with the on-screen keypad (no keyboard needed)', async () => {
    const page = await open(sizes.kiosk, '/kiosk');
    await expect.poll(() => page.getByRole('heading', { name: 'Ghép nối Kiosk lấy số' }).isVisible()).toBe(true);
    const { code } = await admin['devices.createPairingCode']({ kind: 'kiosk', name: 'Kiosk sảnh chính', counterId: null });
    await screenshot(page, 'kiosk-pairing-1080x1920');
    for (const digit of code) await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByRole('button', { name: 'Ghép nối' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Mời Ông/Bà chọn dịch vụ' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => localStorage.getItem('motcua.device.kiosk'))).toMatch(/^d\./);
  });

  it('lets a citizen take a priority ticket and a normal one by touch, readable and large enough', async () => {
    const page = await open(sizes.kiosk, '/kiosk', { 'motcua.device.kiosk': tokens.kiosk });
    await expect.poll(() => page.getByRole('button', { name: /^Hộ tịch/ }).isVisible()).toBe(true);
    await screenshot(page, 'kiosk-services-1080x1920');
    expect(await accessibilityProblems(page, 64)).toEqual([]);

    await page.getByRole('button', { name: /^Hộ tịch/ }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Ông/Bà có thuộc diện ưu tiên không?' }).isVisible()).toBe(true);
    await screenshot(page, 'kiosk-priority-question-1080x1920');
    await page.getByRole('button', { name: 'Tôi thuộc diện ưu tiên' }).click();
    await screenshot(page, 'kiosk-priority-classes-1080x1920');
    expect(await accessibilityProblems(page, 64)).toEqual([]);
    await page.getByRole('button', { name: 'Người cao tuổi (từ 60 tuổi)' }).click();
    await expect.poll(() => page.getByTestId('ticket-number').textContent()).toBe('A001');
    await expect.poll(() => page.getByText('Không có ai chờ trước Ông/Bà').isVisible()).toBe(true);
    // No counter is open yet: the card says so instead of promising minutes (test/e2e/honest-waiting.test.ts has both cards).
    await expect.poll(() => page.getByText(/^Chưa có quầy nào đang mở cho dịch vụ này\./).isVisible()).toBe(true);
    await screenshot(page, 'kiosk-ticket-1080x1920');
    expect(await accessibilityProblems(page, 64)).toEqual([]);
    await page.getByRole('button', { name: 'Xong' }).click();

    await page.getByRole('button', { name: /^Hộ tịch/ }).click();
    await page.getByRole('button', { name: 'Không — lấy số thường' }).click();
    await expect.poll(() => page.getByTestId('ticket-number').textContent()).toBe('A002');
    await expect.poll(() => page.getByText('Số người chờ trước: 1').isVisible()).toBe(true);

    // Only the category is stored: no detail about the person.
    const stored = hub.running.hub.deps.db.prepare("SELECT priority_label FROM tickets WHERE display_code = 'A001'").get();
    expect(stored).toEqual({ priority_label: 'Người cao tuổi (từ 60 tuổi)' });

    // Also usable on a small 768×1024 kiosk; and in English.
    const small = await open(sizes.kioskSmall, '/kiosk', { 'motcua.device.kiosk': tokens.kiosk });
    await expect.poll(() => small.getByRole('button', { name: /^Hộ tịch/ }).isVisible()).toBe(true);
    await small.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => small.getByRole('heading', { name: 'Please choose a service' }).isVisible()).toBe(true);
    await screenshot(small, 'kiosk-english-768x1024');
    expect(await accessibilityProblems(small, 64)).toEqual([]);
  });

  it('officer calls the priority ticket first and sees why; rating is recorded; the display shows and speaks both calls in order', async () => {
    const display = await open(sizes.display, '/display', { 'motcua.device.display': tokens.display });
    await expect.poll(() => display.getByText('Xin mời Ông/Bà lấy số thứ tự tại kiosk').isVisible()).toBe(true);
    const rating = await open(sizes.rating, '/rating', { 'motcua.device.rating': tokens.rating });
    await expect.poll(() => rating.getByRole('heading', { name: 'Quầy số 1' }).isVisible()).toBe(true);
    await screenshot(rating, 'rating-idle-1280x800');

    const counter = await (await context(sizes.counter)).newPage();
    await counter.goto(`${hub.url}/counter`);
    await loginAtCounter(counter, 'canbo1');
    await expect.poll(() => counter.getByRole('dialog', { name: 'Chọn quầy làm việc' }).isVisible()).toBe(true);
    await screenshot(counter, 'counter-choose-1366x768');
    await counter.keyboard.press('1');
    await expect.poll(() => counter.getByText('Chưa có số nào. Nhấn F1 để gọi số tiếp theo.').isVisible()).toBe(true);

    await counter.keyboard.press('F1');
    await expect.poll(() => counter.getByTestId('current-code').textContent()).toBe('A001');
    await expect.poll(() => counter.getByTestId('call-reason').textContent()).toBe('Lý do gọi: Ưu tiên: Người cao tuổi (từ 60 tuổi) (Hộ tịch)');
    await screenshot(counter, 'counter-calling-1366x768');
    expect(await accessibilityProblems(counter, null)).toEqual([]);
    await counter.keyboard.press('F4');
    await expect.poll(() => counter.getByText('Đã kết thúc số A001.').isVisible()).toBe(true);

    await expect.poll(() => rating.getByRole('heading', { name: 'Ông/Bà có hài lòng với việc tiếp nhận và giải quyết hồ sơ?' }).isVisible()).toBe(true);
    await expect.poll(() => rating.getByText('Số A001 · Hộ tịch').isVisible()).toBe(true);
    await screenshot(rating, 'rating-question-1280x800');
    expect(await accessibilityProblems(rating, 64)).toEqual([]);
    await rating.getByRole('button', { name: 'Rất hài lòng' }).click();
    await expect.poll(() => rating.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).isVisible()).toBe(true);
    const stored = hub.running.hub.deps.db
      .prepare('SELECT r.score, c.number AS counter, s.username FROM ratings r JOIN counters c ON c.id = r.counter_id JOIN staff s ON s.id = r.staff_id')
      .all();
    expect(stored).toEqual([{ score: 'very_satisfied', counter: 1, username: 'canbo1' }]);
    await expect.poll(() => rating.getByRole('heading', { name: 'Quầy số 1' }).isVisible(), { timeout: 15_000 }).toBe(true);

    await counter.keyboard.press('F1');
    await expect.poll(() => counter.getByTestId('current-code').textContent()).toBe('A002');
    await expect.poll(() => counter.getByTestId('call-reason').textContent()).toBe('Lý do gọi: Theo thứ tự lấy số: số chờ lâu nhất (Hộ tịch)');

    await expect.poll(() => display.getByTestId('display-code').textContent()).toBe('A002');
    await expect.poll(() => display.getByTestId('recent-calls').textContent()).toContain('A001');
    // Clips are named under /voice/ with their set's folder: these are Vietnamese tickets.
    const expected = (code: string) => ['chime.wav', 'intro.wav', 'letter-A.wav', ...[...code.slice(1)].map((d) => `digit-${d}.wav`), 'to-counter.wav', 'number-1.wav'].map((f) => `vi/${f}`);
    await expect.poll(async () => (await announcements(display)).map((a) => a.displayCode)).toEqual(['A001', 'A002']);
    const log = await announcements(display);
    expect(log.map((a) => a.clips)).toEqual([expected('A001'), expected('A002')]);
    await expect.poll(async () => (await announcements(display)).map((a) => a.state), { timeout: 60_000 }).toEqual(['done', 'done']);
    await screenshot(display, 'display-1920x1080');
    expect(await accessibilityProblems(display, null)).toEqual([]);
    // No personal data on the TV: the page holds codes, counters and services only.
    expect(await display.content()).not.toContain('canbo1');
    await counter.keyboard.press('F4');

    // Not satisfied: a second, optional step asks why; "satisfied" above was thanked at once.
    await expect.poll(() => rating.getByText('Số A002 · Hộ tịch').isVisible()).toBe(true);
    await rating.getByRole('button', { name: 'Không hài lòng' }).click();
    await expect.poll(() => rating.getByRole('heading', { name: 'Ông/Bà chưa hài lòng về điều gì?' }).isVisible()).toBe(true);
    await rating.getByText('Thời gian chờ lâu').click();
    await screenshot(rating, 'rating-why-1280x800');
    expect(await accessibilityProblems(rating, 64)).toEqual([]);
    await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect.poll(() => rating.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).isVisible()).toBe(true);
    expect(hub.running.hub.deps.db.prepare("SELECT score, reasons FROM ratings WHERE score = 'unsatisfied'").all()).toEqual([{ score: 'unsatisfied', reasons: '["long_wait"]' }]);
  });

  it('a citizen collecting a result rates the dossier at the tablet: scans the receipt QR, chooses a level, and the officer who handed it over is credited', async () => {
    const officer = await hub.staff('canbo2');
    const d = await officer['dossiers.receive'](intake({ procedureCode: '1.004873.000.00.00.H21', documents: [{ index: 0, count: 1 }] }));
    await officer['dossiers.advance']({ dossierId: d.id, step: 'resultReady', note: '' });
    const rating = await open(sizes.rating, '/rating', { 'motcua.device.rating': tokens.rating });
    await rating.getByRole('button', { name: 'Đánh giá hồ sơ khi nhận kết quả' }).click();
    await expect.poll(() => rating.getByRole('heading', { name: 'Đánh giá việc giải quyết hồ sơ' }).isVisible()).toBe(true);
    // Not handed over yet: the hub says so, in words for the citizen.
    await rating.getByLabel('Mã hồ sơ').fill(d.code!);
    await rating.getByLabel('Mã tra cứu').fill(d.lookupCode!);
    await rating.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => rating.getByRole('alert').textContent()).toBe('Hồ sơ này chưa thể đánh giá: Ông/Bà đánh giá sau khi nhận kết quả.');
    await screenshot(rating, 'rating-dossier-codes-1280x800');
    expect(await accessibilityProblems(rating, 64)).toEqual([]);

    await officer['dossiers.returnResult']({ dossierId: d.id, results: [{ name: 'Giấy xác nhận tình trạng hôn nhân', count: 1 }], receiver: { name: 'Nguyễn Thị Hường', idNumber: '', relation: '' } });
    // A scanner at the tablet types the receipt's QR into the first field, then Enter.
    await rating.getByLabel('Mã hồ sơ').fill('');
    await rating.getByLabel('Mã tra cứu').fill('');
    await rating.getByLabel('Mã hồ sơ').focus();
    await rating.keyboard.type(`MC1|${d.code!}|${d.lookupCode!.toLowerCase()}`);
    await rating.keyboard.press('Enter');
    await expect.poll(() => rating.getByText(`Hồ sơ ${d.code!} · Cấp Giấy xác nhận tình trạng hôn nhân`).isVisible()).toBe(true);
    await screenshot(rating, 'rating-dossier-question-1280x800');
    expect(await accessibilityProblems(rating, 64)).toEqual([]);
    await rating.getByRole('button', { name: 'Hài lòng', exact: true }).click();
    await expect.poll(() => rating.getByRole('heading', { name: 'Cảm ơn Ông/Bà đã đánh giá!' }).isVisible()).toBe(true);

    const day = vnDate(Date.parse(d.receivedAt!));
    const credited = await (await hub.staff('truong', 'supervisor'))['reports.satisfaction']({ from: day, to: day });
    expect(credited.bySubject.dossiers).toMatchObject({ total: 1, satisfied: 1 });
    expect(credited.byOfficer.find((o) => o.name === 'Cán bộ canbo2')).toMatchObject({ total: 1, satisfied: 1 });
  });
});

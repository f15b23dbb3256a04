import { performance } from 'node:perf_hooks';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../central/db/db';
import type { HubClient } from '../../contract/client';
import { createSite, openTestDb, startTestCentral } from '../central/helpers';
import { intake } from '../integration/dossier/intake-input';
import { ADMIN_PASSWORD, ALL_DAY, STAFF_PASSWORD, startTestHub, type TestHub } from '../support/hub';
import { accessibilityProblems } from './support/a11y';
import { deviceContext, launchBrowser, screenshot, sizes } from './support/browser';
import { openAdmin, openCounter } from './support/counter-login';

const HOUR = 3_600_000;

/**
 * The site's clock as staff see it, in Chromium against the real hub and a real central (PGlite):
 * the hub's clock set 2 hours ahead brings a banner up on the counter and admin screens at once;
 * receiving a dossier asks first, and the confirmed intake is audited; set right, the banner goes.
 * Then the central stops: the counter's sync panel says when the next try is (at most 30 s away).
 */
describe("the site's clock and the next sync try, on staff screens", () => {
  let ahead = 0;
  let hub: TestHub;
  let browser: Browser;
  let db: { db: Db; dispose(): Promise<void> };
  let central: { url: string; close(): Promise<void> };
  let counter: Page;
  let staff: HubClient;
  const contexts: BrowserContext[] = [];
  const banner = (page: Page) => page.locator('.clock-banner');
  const audited = () => hub.running.hub.deps.db.prepare("SELECT target_id, details FROM audit_log WHERE action = 'dossier.clockConfirmed'").all() as { target_id: string; details: string }[];
  const newPage = async () => {
    const c = await deviceContext(browser, sizes.counter);
    contexts.push(c);
    return c.newPage();
  };
  /** Types into the focused field, then Tab to the next. */
  const typeThenTab = async (text: string) => {
    await counter.keyboard.type(text);
    await counter.keyboard.press('Tab');
  };

  beforeAll(async () => {
    // The production backoff (30 s at most), a fixed jitter; the hub's wall clock set by the test, its monotonic clock real.
    hub = await startTestHub({ screens: true, clock: () => Date.now() + ahead, monotonic: () => performance.now(), sync: { idleIntervalMs: 300, debounceMs: 100, timeoutMs: 3000, random: () => 0.5 } });
    browser = await launchBrowser();
    db = await openTestDb('pglite');
    central = await startTestCentral(db.db);
    const admin = await hub.admin();
    await admin['site.update']({ queueHours: ALL_DAY });
    await admin['admin.enrollSync']({ centralUrl: central.url, siteId: 'xa-ia-dom', credential: await createSite(central.url, 'xa-ia-dom', 'UBND xã Ia Dom') });
    staff = await hub.staff('tiepnhan');
    expect((await admin['sync.now']({})).online).toBe(true);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await hub?.close();
    await central?.close();
    await db?.dispose();
  });

  it('a clock 2 hours ahead: a banner on the counter and admin screens, intake asks, the confirmation is audited', async () => {
    counter = await newPage();
    await openCounter(counter, hub.url, 'tiepnhan', STAFF_PASSWORD, '1');
    await expect.poll(() => counter.getByText('Chưa có số nào. Nhấn F1 để gọi số tiếp theo.').isVisible()).toBe(true);
    expect(await banner(counter).count()).toBe(0);

    ahead = 2 * HOUR;
    await expect.poll(() => banner(counter).textContent(), { timeout: 10_000 }).toMatch(/^Đồng hồ của máy chủ Một Cửa nhanh hơn giờ của máy chủ tỉnh 2 giờ\. Giờ tiếp nhận và hạn trả kết quả/);
    await screenshot(counter, 'clock-banner-counter-1366x768');
    expect(await accessibilityProblems(counter, null)).toEqual([]);

    const adminPage = await newPage();
    await openAdmin(adminPage, hub.url, ADMIN_PASSWORD, 'dong-bo');
    await expect.poll(() => banner(adminPage).isVisible()).toBe(true);
    await expect.poll(() => adminPage.getByTestId('sync-clock').textContent()).toBe('Lệch: nhanh hơn giờ của máy chủ tỉnh 2 giờ');
    await screenshot(adminPage, 'clock-banner-admin-sync-1366x768');
    // The same section: how long acknowledged events stay at the hub.
    const retention = adminPage.getByRole('form', { name: 'Thời gian giữ dữ liệu đã gửi' });
    expect(await retention.getByLabel('Số ngày giữ lại').inputValue()).toBe('90');
    await retention.getByLabel('Số ngày giữ lại').fill('60');
    await retention.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => retention.getByText('Đã lưu thời gian giữ dữ liệu đã gửi.').isVisible()).toBe(true);
    await retention.scrollIntoViewIfNeeded();
    await screenshot(adminPage, 'sync-admin-retention-1366x768');
    expect(await accessibilityProblems(adminPage, null)).toEqual([]);
    expect((await (await hub.admin())['sync.status']({})).outboxRetentionDays).toBe(60);

    // Intake, all by keyboard from the name field: F9 asks before receiving.
    await counter.bringToFront();
    await counter.keyboard.press('Alt+2');
    await expect.poll(() => counter.getByRole('heading', { name: 'Tiếp nhận hồ sơ' }).isVisible()).toBe(true);
    for (const v of ['Trần Văn Bình', '079088001234', '15/08/1988', 'Thôn 2, xã Ia Dom, tỉnh Gia Lai', '0912345678']) await typeThenTab(v);
    await counter.keyboard.press('Tab'); // no email
    await counter.keyboard.type('khai sinh');
    await expect.poll(() => counter.getByRole('option', { name: /Đăng ký khai sinh/ }).isVisible()).toBe(true);
    await counter.keyboard.press('Enter');
    for (let n = 1; n <= 3; n++) {
      await counter.keyboard.press('Tab');
      await counter.keyboard.press('Space');
      await counter.keyboard.press('Tab');
    }
    await expect.poll(() => counter.getByRole('button', { name: /^Tiếp nhận F9/ }).isEnabled()).toBe(true);
    await counter.keyboard.press('F9');
    const ask = counter.getByRole('dialog', { name: 'Đồng hồ của máy chủ đang lệch' });
    await expect.poll(() => ask.isVisible()).toBe(true);
    expect(await ask.getByText(/^Đồng hồ của máy chủ nhanh hơn giờ của máy chủ tỉnh 2 giờ: giờ tiếp nhận và hạn trả kết quả in trên giấy tiếp nhận có thể sai\./).isVisible()).toBe(true);
    await screenshot(counter, 'clock-intake-confirm-1366x768');
    expect(await accessibilityProblems(counter, null)).toEqual([]);
    expect(audited()).toEqual([]);
    await ask.getByRole('button', { name: 'Vẫn tiếp nhận' }).click();
    await expect.poll(() => counter.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' }).isVisible()).toBe(true);
    const [row] = audited();
    expect(JSON.parse(row!.details)).toMatchObject({ basis: 'central', skewSeconds: expect.closeTo(-7200, -1) });

    // A dossier waiting for papers: completing it restarts the due time, so its dialog asks too.
    await staff['dossiers.requestSupplement']({ ...intake({ applicant: { ...intake().applicant, fullName: 'Lê Thị Mai' } }), items: [{ what: 'Giấy chứng sinh', reason: 'Chưa nộp' }] });
    await counter.keyboard.press('Alt+3');
    await expect.poll(() => counter.getByRole('heading', { name: 'Tra cứu hồ sơ' }).isVisible()).toBe(true);
    await counter.keyboard.type('le thi mai');
    await expect.poll(() => counter.getByRole('row', { name: /Lê Thị Mai/ }).isVisible()).toBe(true);
    await counter.keyboard.press('Enter');
    await expect.poll(() => counter.getByTestId('dossier-code').textContent()).toBe('Chưa cấp mã hồ sơ');
    await counter.keyboard.press('F9'); // Nhận đủ bổ sung
    const complete = counter.getByRole('dialog', { name: 'Nhận đủ giấy tờ bổ sung' });
    await expect.poll(() => complete.isVisible()).toBe(true);
    await complete.getByRole('button', { name: 'Tiếp nhận hồ sơ, cấp mã' }).click();
    await expect.poll(() => complete.getByText(/^Đồng hồ của máy chủ nhanh hơn giờ của máy chủ tỉnh 2 giờ:/).isVisible()).toBe(true);
    await screenshot(counter, 'clock-supplement-confirm-1366x768');
    await complete.getByRole('button', { name: 'Vẫn tiếp nhận' }).click();
    await expect.poll(() => counter.getByTestId('dossier-status').textContent()).toBe('Đã tiếp nhận');
    expect(audited()).toHaveLength(2);
  });

  it('set right: the banner goes without a reload, and the next exchange agrees', async () => {
    ahead = 0;
    await expect.poll(() => banner(counter).count(), { timeout: 10_000 }).toBe(0);
    expect(await (await hub.admin())['sync.now']({})).toMatchObject({ online: true, clockSkewWarning: false });
  });

  it('the central stops: the sync panel says when the next try is, at most 30 s away', async () => {
    await central.close();
    await counter.getByTestId('sync-badge').click();
    const panel = counter.getByRole('dialog', { name: 'Đồng bộ với tỉnh' });
    // A few failures: the wait has grown to its 30 s window (half of it, with this jitter).
    for (let i = 0; i < 5; i++) {
      await panel.getByRole('button', { name: 'Đồng bộ ngay' }).click();
      await expect.poll(() => panel.getByRole('button', { name: 'Đồng bộ ngay' }).isEnabled()).toBe(true);
    }
    const next = panel.getByTestId('sync-next-attempt');
    await expect.poll(() => next.textContent()).toMatch(/^Lần thử tiếp theo lúc \d\d:\d\d:\d\d \(sau \d+ giây\)$/);
    const seconds = Number(/sau (\d+) giây/.exec((await next.textContent())!)![1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(30);
    await screenshot(counter, 'sync-panel-next-try-1366x768');
    expect(await accessibilityProblems(counter, null)).toEqual([]);
  });
});

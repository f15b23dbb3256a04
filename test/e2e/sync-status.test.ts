import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAdminToken } from '../../central/admin/admin-token';
import type { Db } from '../../central/db/db';
import { createCentral } from '../../central/server';
import type { HubClient } from '../../contract/client';
import { PROVINCE, publish } from '../../central/sync/feeds';
import { ADMIN_TOKEN, createSite, openTestDb, startTestCentral } from '../central/helpers';
import { ADMIN_PASSWORD, ALL_DAY, STAFF_PASSWORD, startTestHub, type TestHub } from '../support/hub';
import { accessibilityProblems } from './support/a11y';
import { deviceContext, launchBrowser, screenshot, sizes } from './support/browser';
import { openAdmin, openCounter } from './support/counter-login';

const SITE_ID = 'xa-ia-grai';

/** The central again on the port it had (the hub keeps the address it was enrolled with). */
async function restartCentral(db: Db, url: string): Promise<{ close(): Promise<void> }> {
  const central = createCentral({ db, admin: await resolveAdminToken(db, ADMIN_TOKEN) });
  const { hostname, port } = new URL(url);
  await central.listen(Number(port), hostname);
  return central;
}

/**
 * The sync as staff see it, in Chromium against the real hub and a real central (in-process, on
 * PGlite): the admin connects the site (a wrong credential is refused in words and nothing is
 * saved), the counter's badge says when it last synced, goes offline with the events waiting
 * when the central stops (amber after an hour), and "Đồng bộ ngay" succeeds once it is back.
 */
describe('sync status for staff: enrolment, the counter badge, offline and back', () => {
  /** The hub's clock runs this far ahead of the real one (to play an hour offline). */
  let ahead = 0;
  let hub: TestHub;
  let browser: Browser;
  let db: { db: Db; dispose(): Promise<void> };
  let central: { url: string; close(): Promise<void> };
  let credential: string;
  let staff: HubClient;
  let adminPage: Page;
  let counter: Page;
  const contexts: BrowserContext[] = [];
  const newPage = async () => {
    const c = await deviceContext(browser, sizes.counter);
    contexts.push(c);
    return c.newPage();
  };
  const badge = () => counter.getByTestId('sync-badge');
  const issueTicket = async () => staff['tickets.issue']({ serviceId: (await hub.catalog()).services[0]!.id, priorityClassId: null });

  beforeAll(async () => {
    hub = await startTestHub({ screens: true, clock: () => Date.now() + ahead });
    browser = await launchBrowser();
    db = await openTestDb('pglite');
    central = await startTestCentral(db.db);
    credential = await createSite(central.url, SITE_ID, 'Xã Ia Grai');
    // The first admin's one-time password is changed; numbers at any hour (the clock moves ahead).
    await (await hub.admin())['site.update']({ queueHours: ALL_DAY });
    staff = await hub.staff('quay1');
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await hub?.close();
    await central?.close();
    await db?.dispose();
  });

  it('a hub not enrolled: the badge says so; a wrong credential is refused in Vietnamese and nothing is saved', async () => {
    counter = await newPage();
    await openCounter(counter, hub.url, 'quay1', STAFF_PASSWORD, '1');
    await expect.poll(() => badge().textContent()).toBe('Chưa kết nối tỉnh');

    adminPage = await newPage();
    await openAdmin(adminPage, hub.url, ADMIN_PASSWORD, 'dong-bo');
    await expect.poll(() => adminPage.getByRole('heading', { level: 2, name: 'Đồng bộ với tỉnh' }).isVisible()).toBe(true);
    await expect.poll(() => adminPage.getByText('Đơn vị chưa kết nối với hệ thống của tỉnh.', { exact: false }).isVisible()).toBe(true);
    const form = adminPage.getByRole('form', { name: 'Kết nối với hệ thống của tỉnh' });
    await form.getByLabel('Địa chỉ máy chủ tỉnh').fill(central.url);
    await form.getByLabel('Mã đơn vị đồng bộ').fill(SITE_ID);
    await form.getByLabel('Mã xác thực').fill('ma-xac-thuc-sai-12345');
    await form.getByRole('button', { name: 'Kết nối' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toBe('Chưa lưu: không kết nối được máy chủ tỉnh với thông tin này. Mã xác thực không đúng hoặc đã bị thu hồi.');
    await screenshot(adminPage, 'sync-admin-wrong-credential-1366x768');
    expect(await accessibilityProblems(adminPage, null)).toEqual([]);
    // Nothing was saved: still not enrolled, no address kept.
    expect(await staff['sync.status']({})).toMatchObject({ enrolled: false, centralUrl: null, siteId: null, level: 'not_enrolled' });
  });

  it('the right credential: connected and synced, on the admin section and the counter badge', async () => {
    const form = adminPage.getByRole('form', { name: 'Kết nối với hệ thống của tỉnh' });
    await form.getByLabel('Mã xác thực').fill(credential);
    await form.getByRole('button', { name: 'Kết nối' }).click();
    await expect.poll(() => form.getByText('Đã kết nối với máy chủ tỉnh.').isVisible()).toBe(true);
    await expect.poll(() => adminPage.getByTestId('sync-connection').textContent()).toBe('Đang kết nối');
    expect(await form.getByLabel('Mã xác thực').inputValue()).toBe(''); // the credential is not shown again
    await adminPage.getByRole('heading', { level: 2, name: 'Đồng bộ với tỉnh' }).scrollIntoViewIfNeeded();
    await screenshot(adminPage, 'sync-admin-online-1366x768');
    expect(await accessibilityProblems(adminPage, null)).toEqual([]);

    await expect.poll(() => badge().textContent()).toBe('Đã đồng bộ vừa xong');
    await screenshot(counter, 'sync-counter-online-1366x768');
    expect(await accessibilityProblems(counter, null)).toEqual([]);
  });

  it('the central stops: the badge goes offline with the events waiting, amber after an hour', async () => {
    await central.close();
    await issueTicket();
    await expect.poll(() => badge().textContent()).toMatch(/^Mất kết nối tỉnh · \d+ sự kiện chờ gửi$/);
    const waiting = Number(/· (\d+) sự kiện/.exec((await badge().textContent())!)![1]);
    expect(waiting).toBeGreaterThan(0);
    expect(await badge().getAttribute('class')).toContain('sync-calm');
    await screenshot(counter, 'sync-counter-offline-1366x768');
    expect(await accessibilityProblems(counter, null)).toEqual([]);

    // An hour later (the hub's clock), still offline, another ticket: amber, one more event waiting.
    ahead = 61 * 60_000;
    await issueTicket();
    await expect.poll(() => badge().getAttribute('class')).toContain('sync-amber');
    expect(Number(/· (\d+) sự kiện/.exec((await badge().textContent())!)![1])).toBeGreaterThan(waiting);
    await badge().click();
    const panel = counter.getByRole('dialog', { name: 'Đồng bộ với tỉnh' });
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.getByTestId('sync-connection').textContent()).toBe('Mất kết nối đã 1 giờ');
    expect(await panel.getByText('Không kết nối được máy chủ tỉnh.').isVisible()).toBe(true);
    await screenshot(counter, 'sync-counter-offline-panel-1366x768');
    expect(await accessibilityProblems(counter, null)).toEqual([]);
  });

  it('"Đồng bộ ngay" once the central is back: success, nothing waiting, and the hub’s clock an hour off is a problem', async () => {
    central = { url: central.url, ...(await restartCentral(db.db, central.url)) };
    const panel = counter.getByRole('dialog', { name: 'Đồng bộ với tỉnh' });
    await panel.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await expect.poll(() => panel.getByRole('status').filter({ hasText: /^Đã đồng bộ xong lúc \d\d:\d\d/ }).isVisible()).toBe(true);
    await expect.poll(() => panel.getByTestId('sync-pending').textContent()).toBe('Không có');
    // The clock an hour off: a problem in the panel and a banner over the whole counter screen.
    expect(await panel.getByTestId('sync-clock').textContent()).toBe('Lệch: nhanh hơn giờ của máy chủ tỉnh 1 giờ');
    await expect.poll(() => counter.locator('.clock-banner').textContent()).toMatch(/^Đồng hồ của máy chủ Một Cửa nhanh hơn giờ của máy chủ tỉnh 1 giờ\./);
    expect(await badge().textContent()).toMatch(/^Đã đồng bộ/);
    expect(await badge().getAttribute('class')).toContain('sync-calm');
    await screenshot(counter, 'sync-counter-back-online-1366x768');
    expect(await accessibilityProblems(counter, null)).toEqual([]);
    await counter.keyboard.press('Escape');
    await expect.poll(() => panel.isVisible()).toBe(false);
  });

  it('an item from the province the hub cannot read: skipped, and listed for the admin with its reason', async () => {
    await db.db.transaction((tx) => publish(tx, 'catalog', PROVINCE, 'X@1', JSON.stringify({ code: '9.000009.H99', tenThuTuc: 'một dạng mục chưa biết' })));
    await adminPage.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    const table = adminPage.getByRole('table', { name: 'Dữ liệu từ tỉnh không đọc được' });
    await expect.poll(() => table.isVisible()).toBe(true);
    expect(await table.getByRole('row').nth(1).textContent()).toMatch(/^Danh mục thủ tục\d+Mục không đúng định dạng \(.+\)\./);
    await table.scrollIntoViewIfNeeded();
    await screenshot(adminPage, 'sync-admin-skipped-feed-item-1366x768');
    expect(await accessibilityProblems(adminPage, null)).toEqual([]);
    expect((await staff['sync.status']({})).skippedFeedItems).toEqual([expect.objectContaining({ feed: 'catalog', reason: expect.stringMatching(/không đúng định dạng/) })]);
  });
});

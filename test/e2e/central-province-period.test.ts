import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../central/db/db';
import { createSite, openTestDb, pushBatch, readyAccount, sessionCall, SiteOutbox, startTestCentral } from '../central/helpers';
import { lockSiteDays, waitingForSiteDays } from '../central/lock-site-days';
import { accessibilityProblems } from './support/a11y';
import { deviceContext, launchBrowser, screenshot, sizes, watchProblems } from './support/browser';

const BUSY = 'Máy chủ đang tính báo cáo cho người khác; vui lòng thử lại sau ít giây.';
const vnToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const dmy = (iso: string) => iso.split('-').reverse().join('/');

/**
 * The province page's period in a Chromium left in English (en-US), where an <input type="date">
 * reads mm/dd/yyyy: the clerk still types and reads dd/mm/yyyy, the API still gets yyyy-mm-dd, and
 * a date that is not one is refused next to its field without asking the server. On PostgreSQL, so
 * that the server can be made busy for real (test/central/lock-site-days.ts).
 */
describe("the province's period in an English Chromium: dd/mm/yyyy typed, ISO asked", () => {
  let browser: Browser;
  let db: { db: Db; dispose(): Promise<void> };
  let central: { url: string; close(): Promise<void> };
  let context: BrowserContext;
  let page: Page;
  let cookie: string;
  const pageProblems: string[] = [];
  /** The province API's paths and queries the page asked for, in order. */
  const asked: string[] = [];

  const panel = () => page.getByRole('region', { name: 'Toàn tỉnh: kết quả của các điểm một cửa' });
  const field = (label: 'Từ ngày' | 'Đến ngày') => panel().getByLabel(label);
  const press = (name: 'Xem' | 'Xuất Excel') => (name === 'Xem' ? panel().getByRole('button', { name }) : panel().getByRole('link', { name })).click();
  /** The message under a field: its accessible description. */
  const errorOf = async (input: Locator) => page.locator(`#${await input.getAttribute('aria-describedby')}`).textContent();
  const check = async (name: string) => {
    await screenshot(page, `central-province-en-US-${name}-1366x768`);
    expect(await accessibilityProblems(page, null)).toEqual([]);
  };

  beforeAll(async () => {
    db = await openTestDb('postgres');
    central = await startTestCentral(db.db);
    const o = new SiteOutbox('xa-ia-grai');
    o.dossier('received', randomUUID(), 'received', { code: '000.00.01.H21-260302-0001', receivedAt: '2026-03-02T01:00:00.000Z' });
    const pushed = await pushBatch(central.url, await createSite(central.url, o.siteId, 'UBND xã Ia Grai'), o.request(o.events));
    if (pushed.status !== 200) throw new Error(`push: ${pushed.status}`);
    cookie = (await readyAccount(central.url, 'canbo.hoa', 'clerk', 'Lê Thị Hoa')).cookie;
    browser = await launchBrowser();
    context = await deviceContext(browser, sizes.admin, {}, 'en-US');
    const [name, value] = cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: central.url }]);
    page = await context.newPage();
    watchProblems(page, pageProblems);
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname.startsWith('/admin/api/province')) asked.push(url.pathname + url.search);
    });
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await central?.close();
    await db?.dispose();
  });

  it('shows this month so far as dd/mm/yyyy, and asks the server for it in ISO dates', async () => {
    const before = vnToday();
    await page.goto(central.url + '/');
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await page.getByRole('navigation', { name: 'Mục của máy chủ tỉnh' }).getByRole('button', { name: 'Toàn tỉnh' }).click();
    await expect.poll(() => panel().getByRole('status').first().textContent()).toMatch(/^1 điểm, /);
    const after = vnToday();
    const to = await field('Đến ngày').inputValue();
    // Today in Vietnam, read before or after the page was opened (midnight may fall between).
    expect([dmy(before), dmy(after)]).toContain(to);
    expect(await field('Từ ngày').inputValue()).toBe(`01/${to.slice(3)}`);
    const iso = to.split('/').reverse().join('-');
    expect(asked).toEqual([`/admin/api/province?from=${iso.slice(0, 8)}01&to=${iso}`]);
    expect(await field('Từ ngày').getAttribute('placeholder')).toBe('dd/mm/yyyy');
    expect(await field('Từ ngày').getAttribute('inputmode')).toBe('numeric');
    await check('default');
  });

  it('refuses a date that is not one next to its field, and asks the server nothing', async () => {
    const mark = asked.length;
    await field('Từ ngày').fill('31/02/2026');
    await field('Đến ngày').fill('2026-03-31'); // the ISO form the API takes is not the clerk's
    await press('Xem');
    await expect.poll(() => errorOf(field('Từ ngày'))).toBe('Không có ngày 31/02/2026 trong lịch.');
    expect(await errorOf(field('Đến ngày'))).toBe('Nhập ngày dạng dd/mm/yyyy, ví dụ 01/03/2026.');
    expect(await field('Từ ngày').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('from');
    expect(await panel().getByRole('status').first().textContent()).toBe('Hãy sửa ngày được đánh dấu (dạng dd/mm/yyyy).');
    expect(await panel().getByRole('table').count()).toBe(0); // the last period's figures are not left under other dates
    await check('invalid');
    await field('Từ ngày').fill('');
    await field('Đến ngày').fill('31/12/1999');
    await press('Xuất Excel');
    await expect.poll(() => errorOf(field('Từ ngày'))).toBe('Cần nhập ngày.');
    expect(await errorOf(field('Đến ngày'))).toBe('Chỉ xem được từ năm 2000 đến năm 2099.');
    await expect.poll(() => page.locator('#province-xlsx-msg').textContent()).toBe('Hãy sửa ngày được đánh dấu (dạng dd/mm/yyyy).');
    // Right again: the errors go, and the one request since the mark is this one (the page's
    // requests reach the test in order, so one sent by a refused attempt would stand before it).
    await field('Từ ngày').fill('01/03/2026');
    await field('Đến ngày').fill('31/03/2026');
    await press('Xem');
    await expect.poll(() => panel().getByRole('status').first().textContent()).toMatch(/^1 điểm, /);
    expect(asked.slice(mark)).toEqual(['/admin/api/province?from=2026-03-01&to=2026-03-31']);
    expect(await errorOf(field('Từ ngày'))).toBe('');
    expect(await field('Từ ngày').getAttribute('aria-invalid')).toBeNull();
  });

  it('reads d/m/yyyy, d.m.yyyy and ddmmyyyy into the same ISO dates for the table and the Excel file', async () => {
    const mark = asked.length;
    await field('Từ ngày').fill('1/3/2026');
    await field('Đến ngày').fill('31.03.2026');
    await press('Xem');
    await expect.poll(() => field('Từ ngày').inputValue()).toBe('01/03/2026'); // written back as the clerk reads it
    expect(await field('Đến ngày').inputValue()).toBe('31/03/2026');
    await expect.poll(() => panel().getByRole('row').filter({ hasText: 'UBND xã Ia Grai' }).getByRole('cell').nth(1).textContent()).toBe('1');
    const link = panel().getByRole('link', { name: 'Xuất Excel' });
    expect(await link.getAttribute('href')).toBe('/admin/api/province.xlsx?from=2026-03-01&to=2026-03-31');
    await check('march');
    await field('Từ ngày').fill('01032026');
    const [download] = await Promise.all([page.waitForEvent('download'), press('Xuất Excel')]);
    expect(download.suggestedFilename()).toBe('toan-tinh-2026-03-01-2026-03-31.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    expect(String(book.getWorksheet('Toàn tỉnh')!.getCell('A1').value)).toMatch(/từ ngày 01\/03\/2026 đến ngày 31\/03\/2026$/);
    await expect.poll(() => page.locator('#province-xlsx-msg').textContent()).toBe('Đã tải tệp toan-tinh-2026-03-01-2026-03-31.xlsx.');
    expect(asked.slice(mark)).toEqual(['/admin/api/province?from=2026-03-01&to=2026-03-31', '/admin/api/province.xlsx?from=2026-03-01&to=2026-03-31']);
  });

  it('says so when the server is computing two reports for others, for the table and the Excel file', async () => {
    const unlock = await lockSiteDays(db.db);
    const others = [sessionCall(central.url, '/admin/api/province?from=2026-01-01&to=2026-12-31', cookie), sessionCall(central.url, '/admin/api/province?from=2026-02-01&to=2026-02-28', cookie)];
    await expect.poll(() => waitingForSiteDays(db.db)).toBe(2);
    await press('Xem');
    await expect.poll(() => panel().getByRole('status').first().textContent()).toBe(BUSY);
    await press('Xuất Excel');
    await expect.poll(() => page.locator('#province-xlsx-msg').textContent()).toBe(`Chưa xuất được tệp Excel: ${BUSY}`);
    await check('busy');
    await unlock();
    expect((await Promise.all(others)).map((r) => r.status)).toEqual([200, 200]);
    await press('Xem');
    await expect.poll(() => panel().getByRole('status').first().textContent()).toMatch(/^1 điểm, /);
    expect(pageProblems).toEqual([]);
  });
});

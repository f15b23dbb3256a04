import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../central/db/db';
import { newSiteId, publishCalendars, pushRules, vnDay } from '../central/appointment-helpers';
import { createSite, openTestDb, startTestCentral } from '../central/helpers';
import { readQrFromPng } from '../unit/print/png-qr';
import { accessibilityProblems } from './support/a11y';
import { launchBrowser, screenshot, sizes, watchedPage } from './support/browser';

/**
 * A citizen books online on the central's public page from a phone (issue 14): the site pushed its
 * rules, the site itself is not needed. Site → service → day and slot → details → the confirmation
 * with the code, the QR and a print button; then a change of time and a cancellation by code and
 * ID number. Screenshots at 390×844 under test-results/screens.
 */
describe('online booking on the central\'s public page, on a phone', () => {
  let db: Db;
  let url: string;
  let siteId: string;
  let stop: () => Promise<void>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  const open = async (path: string): Promise<Page> => {
    const { context, page } = await watchedPage(browser, sizes.phone, problems);
    contexts.push(context);
    await page.goto(url + path);
    return page;
  };

  beforeAll(async () => {
    const t = await openTestDb('pglite');
    const c = await startTestCentral(t.db, { publicUrl: 'https://dichvucong.gialai.gov.vn' });
    db = t.db;
    url = c.url;
    stop = async () => {
      await c.close();
      await t.dispose();
    };
    await publishCalendars(url, [vnDay(2)]);
    siteId = newSiteId();
    await pushRules(url, siteId, await createSite(url, siteId, 'UBND xã Ia Dom'));
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await stop?.();
  });

  it('books a slot step by step and shows a printable confirmation with the code and a QR', async () => {
    const page = await open('/dat-lich');
    await screenshot(page, 'central-dat-lich-sites-390x844');
    await page.getByRole('link', { name: 'UBND xã Ia Dom' }).click();
    await page.getByRole('link', { name: 'Chứng thực bản sao' }).click();
    await page.getByRole('link', { name: new RegExp(`^T. ${vnDay(1).slice(8, 10)}/${vnDay(1).slice(5, 7)}`) }).click();
    await page.getByText('08:30').click();
    await page.getByLabel('Số CCCD (hoặc CMND)').fill('064090001234');
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Hường');
    await page.getByLabel('Họ và tên').blur();
    await screenshot(page, 'central-dat-lich-form-390x844');
    expect(await accessibilityProblems(page, null)).toEqual([]);
    await page.getByRole('button', { name: 'Đặt lịch hẹn' }).click();

    await expect.poll(() => page.getByText('Đặt lịch thành công').isVisible()).toBe(true);
    const code = (await page.locator('.code').textContent())!;
    expect(code).toMatch(/^T[23456789BCDFGHKLMNPQRTVX]{5}$/);
    const shown = await page.locator('main').textContent();
    expect(shown).toContain('08:30');
    expect(shown).toContain('N***** T** H****');
    expect(shown).not.toContain('064090001234');
    // A phone's camera opens the confirmation on the province's public address.
    const qr = await page.getByRole('img', { name: `Mã QR của lịch hẹn ${code}` }).screenshot();
    expect(await readQrFromPng(qr)).toBe(`https://dichvucong.gialai.gov.vn/hen/${siteId}/${code}`);
    expect(await page.getByRole('button', { name: 'In giấy hẹn' }).isVisible()).toBe(true);
    await screenshot(page, 'central-hen-confirmation-390x844');
    expect(await accessibilityProblems(page, null)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'central-hen-print-390x844');
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('link', { name: 'Đổi giờ hoặc hủy lịch' }).click();
    await page.getByText('09:30').click();
    await page.getByLabel('Số CCCD (hoặc CMND) đã dùng khi đặt').first().fill('064090001235');
    await page.getByRole('button', { name: 'Đổi giờ hẹn' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Không có lịch hẹn với mã và số định danh này');
    await screenshot(page, 'central-dat-lich-doi-wrong-id-390x844');
    await page.getByText('09:30').click();
    await page.getByLabel('Số CCCD (hoặc CMND) đã dùng khi đặt').first().fill('064090001234');
    await page.getByRole('button', { name: 'Đổi giờ hẹn' }).click();
    await expect.poll(() => page.getByText('Đã đổi giờ hẹn.').isVisible()).toBe(true);
    expect(await page.locator('.when').textContent()).toContain('09:30');

    await page.getByRole('link', { name: 'Đổi giờ hoặc hủy lịch' }).click();
    await page.getByLabel('Số CCCD (hoặc CMND) đã dùng khi đặt').last().fill('064090001234');
    await page.getByRole('button', { name: 'Hủy lịch hẹn' }).click();
    await expect.poll(() => page.getByText('Đã hủy lịch hẹn.').isVisible()).toBe(true);
    await screenshot(page, 'central-hen-cancelled-390x844');
    const find = await open('/dat-lich/doi');
    await find.getByLabel('Mã lịch hẹn').fill('tzzzzz');
    await find.getByRole('button', { name: 'Tiếp tục' }).click();
    await expect.poll(() => find.getByRole('alert').textContent()).toContain('Không có lịch hẹn với mã này');
    await screenshot(find, 'central-dat-lich-doi-find-390x844');
    expect(await accessibilityProblems(find, null)).toEqual([]);
    expect(await db.query('SELECT status FROM appointments WHERE code = $1', [code])).toEqual([{ status: 'cancelled' }]);
    expect(problems).toEqual([]);
  });
});

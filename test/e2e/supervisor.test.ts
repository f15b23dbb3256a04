import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_PASSWORD } from '../support/hub';
import { startReportWeek, WEEK, type ReportWeek } from '../support/report-week';
import { accessibilityProblems } from './support/a11y';
import { launchBrowser, screenshot, sizes, watchedPage } from './support/browser';

const LAST_WEEK = { from: '2026-08-24', to: '2026-08-30' }; // "Tuần trước" on Thursday 3 September
const THIS_WEEK = { from: '2026-08-31', to: '2026-09-03' };

/**
 * The supervisor's screens against a hub holding the hand-built week of the report tests
 * (test/support/report-week.ts), read on Thursday 3 September 2026 at 10:00 by the hub's clock.
 * What the screen shows is compared with what the hub's operations answer for the same period.
 */
describe('the supervisor screens, end to end in Chromium', () => {
  let w: ReportWeek;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageProblems: string[] = [];

  /** The large number shown above a key figure's label, in the list of figures named `list`. */
  const figure = (list: string, label: string) =>
    page.getByRole('list', { name: list }).getByRole('listitem').filter({ has: page.getByText(label, { exact: true }) }).locator('.figure-value').textContent();
  const check = async (name: string) => {
    await screenshot(page, `supervisor-${name}-1366x768`);
    expect(await accessibilityProblems(page, null)).toEqual([]);
  };
  const scope = () => page.locator('.report-scope').textContent();
  /** Scrolls a report section (by its heading's id) to the top of the view, for its screenshot. */
  const showSection = (id: string) => page.locator(`#${id}`).evaluate((h) => h.closest('section')!.scrollIntoView({ block: 'start' }));

  beforeAll(async () => {
    w = await startReportWeek({ screens: true });
    browser = await launchBrowser();
    ({ context, page } = await watchedPage(browser, sizes.admin, pageProblems));
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await w?.hub.close();
  });

  it('opens on the live view for a supervisor, and follows the queue as it changes', async () => {
    // Two citizens are waiting this morning, one since 09:53; counter 1 is open.
    w.clock.set('2026-09-03T09:53:00+07:00');
    await w.kiosk['tickets.issue']({ serviceId: w.service.ht, priorityClassId: null });
    w.clock.set('2026-09-03T10:00:00+07:00');
    await (await w.as('anh'))['counter.open']({ counterId: w.counter[0] });

    await page.goto(`${w.hub.url}/supervisor`);
    await expect.poll(() => page.getByRole('heading', { name: 'Đăng nhập giám sát' }).isVisible()).toBe(true);
    await page.getByLabel('Tên đăng nhập').fill('truong');
    await page.getByLabel('Mật khẩu').fill(STAFF_PASSWORD);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Bây giờ' }).isVisible()).toBe(true);

    const now = await (await w.as('truong'))['reports.now']({});
    await expect.poll(() => figure('Tóm tắt', 'Đang chờ')).toBe('1');
    expect(await figure('Tóm tắt', 'Quầy đang mở')).toBe('1');
    expect(await figure('Tóm tắt', 'Quầy đóng')).toBe(String(now.counters.filter((c) => c.state === 'closed').length));
    expect(await figure('Tóm tắt', 'Máy in cần xem')).toBe(String(now.printers.length));
    const queues = page.getByRole('table').first();
    await expect.poll(() => queues.getByRole('row').filter({ hasText: 'Hộ tịch' }).textContent()).toContain('7 phút');
    expect(await page.getByRole('table').nth(1).getByRole('row').filter({ hasText: 'Quầy số 1' }).textContent()).toContain('Đang mở');

    // A second number taken at the kiosk: the hub's change event refreshes the view.
    await w.kiosk['tickets.issue']({ serviceId: w.service.ct, priorityClassId: null });
    await expect.poll(() => figure('Tóm tắt', 'Đang chờ')).toBe('2');
    await check('bay-gio');
  });

  it("shows this week's report first, with the figures the hub computed", async () => {
    await page.getByRole('navigation', { name: 'Màn hình giám sát' }).getByRole('link', { name: 'Báo cáo' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Báo cáo' }).isVisible()).toBe(true);
    await expect.poll(scope).toContain('31/08/2026 – 03/09/2026');
    expect(await page.getByRole('button', { name: 'Tuần này' }).getAttribute('aria-pressed')).toBe('true');
    const q = await (await w.as('truong'))['reports.queue'](THIS_WEEK);
    expect(q.counts.issued).toBe(2);
    await expect.poll(() => figure('Số liệu hàng chờ', 'Lượt lấy số')).toBe('2');
  });

  it('changes the period: last week, then the hand-built week typed as two dates', async () => {
    await page.getByRole('button', { name: 'Tuần trước' }).click();
    await expect.poll(scope).toContain('24/08/2026 – 30/08/2026');
    const boss = await w.as('truong');
    const [q, d, s] = await Promise.all([boss['reports.queue'](LAST_WEEK), boss['reports.dossiers'](LAST_WEEK), boss['reports.satisfaction'](LAST_WEEK)]);
    await expect.poll(() => figure('Số liệu hàng chờ', 'Lượt lấy số')).toBe(String(q.counts.issued));
    expect(await figure('Số liệu hàng chờ', 'Đã phục vụ')).toBe(String(q.counts.served));
    expect(await figure('Số liệu hồ sơ', 'Tiếp nhận')).toBe(String(d.received.total));
    expect(await figure('Số liệu đánh giá', 'Lượt đánh giá')).toBe(String(s.all.total));

    await page.getByLabel('Từ ngày').fill('22/08/2026');
    await page.getByLabel('Đến ngày').fill('28/08/2026');
    await expect.poll(scope).toContain('22/08/2026 – 28/08/2026');
    // The figures worked out by hand in test/integration/reports/week.test.ts.
    await expect.poll(() => figure('Số liệu hàng chờ', 'Lượt lấy số')).toBe('8');
    expect(await figure('Số liệu hàng chờ', 'Đã phục vụ')).toBe('6');
    expect(await figure('Số liệu hàng chờ', 'Vắng mặt')).toBe('1');
    expect(await figure('Số liệu hàng chờ', 'Đã hủy')).toBe('1');
    expect(await figure('Số liệu hàng chờ', 'Chờ trung bình')).toBe('11,6 phút');
    expect(await figure('Số liệu hàng chờ', 'Phục vụ trong 10 phút chờ')).toBe('66,7%');
    expect(await figure('Số liệu hồ sơ', 'Tiếp nhận')).toBe('7');
    expect(await figure('Số liệu hồ sơ', 'Đã giải quyết')).toBe('4');
    expect(await figure('Số liệu hồ sơ', 'Trước hạn và đúng hạn')).toBe('75%');
    expect(await figure('Số liệu hồ sơ', 'Đang quá hạn')).toBe('2');
    expect(await figure('Số liệu hồ sơ', 'Sắp đến hạn')).toBe('1');
    expect(await figure('Số liệu đánh giá', 'Lượt đánh giá')).toBe('4');
    expect(await figure('Số liệu đánh giá', 'Hài lòng')).toBe('75%');
    expect(await page.getByRole('button', { name: 'Tuần trước' }).getAttribute('aria-pressed')).toBe('false');
    await check('bao-cao-tuan');
  });

  it('draws the four charts as SVG, each named and with its figures as a table', async () => {
    const charts = page.locator('figure.chart');
    await expect.poll(() => charts.count()).toBe(4);
    await expect.poll(() => page.locator('figure.chart svg[role=img]').count()).toBe(4);
    const names = await page.locator('figure.chart svg[role=img]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(names[0]).toContain('tổng 8 lượt');
    expect(names[2]).toContain('1 trước hạn, 2 đúng hạn, 1 quá hạn');
    expect(names[3]).toContain('4 lượt đánh giá');
    // The heat map's cells carry their counts: three numbers taken on Monday at 8 o'clock.
    const heat = page.locator('figure.chart').first();
    expect(await heat.locator('svg text').allTextContents()).toEqual(expect.arrayContaining(['Thứ Hai', '8h', '3']));
    // The text alternative: the same figures in a table.
    await heat.getByText('Xem số liệu').click();
    expect(await heat.getByRole('row').filter({ hasText: 'Thứ Hai' }).textContent()).toContain('3');
    await heat.getByText('Xem số liệu').click();

    await showSection('report-dossiers');
    await check('bao-cao-ho-so');
    expect(await page.getByRole('table').filter({ hasText: 'Hạn trả' }).first().getByRole('row').count()).toBe(3); // head + D0, D6
    await showSection('report-satisfaction');
    await check('bao-cao-hai-long');
  });

  it('exports the monthly report by field as XLSX and PDF, the files the hub made', async () => {
    await page.getByRole('heading', { level: 2, name: 'Báo cáo' }).scrollIntoViewIfNeeded();
    const bar = page.getByRole('region', { name: 'Xuất báo cáo' });
    await bar.getByRole('combobox').selectOption({ label: 'Báo cáo kết quả giải quyết theo lĩnh vực' });
    const [xlsx] = await Promise.all([page.waitForEvent('download'), bar.getByRole('button', { name: 'Xuất Excel' }).click()]);
    expect(xlsx.suggestedFilename()).toBe('bao-cao-thang-theo-linh-vuc_2026-08-22_2026-08-28.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await xlsx.path())!);
    const sheet = book.getWorksheet('Báo cáo tháng')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    // The figures worked out by hand in test/integration/reports/export.test.ts.
    expect(rows.find((r) => r[0] === 'Hộ tịch')).toEqual(['Hộ tịch', 6, 1, 5, 3, 1, 1, 1, 0, 3, 2, 1]);
    await expect.poll(() => bar.getByRole('status').textContent()).toContain('Đã tải về bao-cao-thang-theo-linh-vuc_2026-08-22_2026-08-28.xlsx');
    const [pdf] = await Promise.all([page.waitForEvent('download'), bar.getByRole('button', { name: 'Xuất PDF' }).click()]);
    expect(pdf.suggestedFilename()).toBe('bao-cao-thang-theo-linh-vuc_2026-08-22_2026-08-28.pdf');
    await check('xuat-bao-cao');
  });

  it('narrows to a counter and to a channel as the hub does', async () => {
    await page.getByRole('heading', { level: 2, name: 'Báo cáo' }).scrollIntoViewIfNeeded();
    await page.getByRole('combobox', { name: /^Quầy/ }).selectOption({ label: 'Quầy số 2' });
    const boss = await w.as('truong');
    const q = await boss['reports.queue']({ ...WEEK, counterId: w.counter[1] });
    expect(q.counts.issued).toBe(2);
    await expect.poll(() => figure('Số liệu hàng chờ', 'Lượt lấy số')).toBe('2');
    await page.getByLabel('Kênh nộp').selectOption({ label: 'Qua bưu chính' });
    await expect.poll(() => figure('Số liệu hồ sơ', 'Tiếp nhận')).toBe('1');
    await check('bao-cao-loc');
    expect(pageProblems).toEqual([]);
  });

  it('an officer sees only the report, narrowed by the hub to his own figures', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByLabel('Tên đăng nhập').fill('anh');
    await page.getByLabel('Mật khẩu').fill(STAFF_PASSWORD);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Báo cáo' }).isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Màn hình giám sát' }).getByRole('link').allTextContents()).toEqual(['Báo cáo']);
    // No filters for him: the hub would put him in them anyway (the export's choice of report stays).
    expect(await page.getByRole('form', { name: 'Kỳ báo cáo và bộ lọc' }).getByRole('combobox').count()).toBe(0);
    await page.getByLabel('Từ ngày').fill('22/08/2026');
    await page.getByLabel('Đến ngày').fill('28/08/2026');
    await expect.poll(scope).toContain('Số liệu của riêng bạn');
    // His own: 6 numbers, 4 served (test/integration/reports/week.test.ts).
    await expect.poll(() => figure('Số liệu hàng chờ', 'Lượt lấy số')).toBe('6');
    expect(await figure('Số liệu hàng chờ', 'Đã phục vụ')).toBe('4');
    await check('can-bo');
    expect(pageProblems).toEqual([]);
  });
});

import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../central/db/db';
import { createAccount, createSite, openTestDb, pushBatch, readyAccount, SiteOutbox, startTestCentral } from '../central/helpers';
import { accessibilityProblems } from './support/a11y';
import { deviceContext, launchBrowser, screenshot, sizes, watchProblems } from './support/browser';

const CODE = '000.00.01.H21-261203-0007';
const RETURNED_CODE = '000.00.01.H21-261203-0008';
const OVERDUE_CODE = '000.00.02.H21-260302-0003';

/**
 * The central's back-office page as a provincial clerk uses it, in Chromium against a real central
 * (in-process, on PGlite): log in, find a dossier by the code on its receipt, move it, see the
 * move in its history; a dossier the desk already returned offers no move.
 */
describe("the central's back office in Chromium: a clerk finds a dossier by its code and moves it", () => {
  let browser: Browser;
  let db: { db: Db; dispose(): Promise<void> };
  let central: { url: string; close(): Promise<void> };
  let context: BrowserContext;
  let page: Page;
  let clerkPassword: string;
  let adminPassword: string;
  const pageProblems: string[] = [];

  const check = async (name: string) => {
    await screenshot(page, `central-${name}-1366x768`);
    expect(await accessibilityProblems(page, null)).toEqual([]);
  };
  const find = async (q: string) => {
    await page.getByLabel('Mã hồ sơ hoặc họ tên người nộp').fill(q);
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  };
  const detail = () => page.getByRole('region', { name: /^Hồ sơ / });

  beforeAll(async () => {
    db = await openTestDb('pglite');
    central = await startTestCentral(db.db);
    const siteId = 'xa-ia-grai';
    const credential = await createSite(central.url, siteId, 'UBND xã Ia Grai');
    const o = new SiteOutbox(siteId);
    o.dossier('received', randomUUID(), 'received', { code: CODE, applicantName: 'Nguyễn Thị Mai' });
    const returned = randomUUID();
    o.dossier('received', returned, 'received', { code: RETURNED_CODE, applicantName: 'Trần Văn Hùng' });
    o.dossier('resultReady', returned, 'result_ready', { code: RETURNED_CODE, applicantName: 'Trần Văn Hùng', at: '2026-03-04T01:00:00.000Z' });
    o.dossier('returned', returned, 'returned', { code: RETURNED_CODE, applicantName: 'Trần Văn Hùng', returnedAt: '2026-03-04T02:00:00.000Z' });
    for (let i = 0; i < 3; i++) o.dossier('received', randomUUID(), 'received', { code: `000.00.01.H21-261203-001${i}`, applicantName: `Nguyễn Văn ${['An', 'Bình', 'Cường'][i]}` });
    const pushed = await pushBatch(central.url, credential, o.request(o.events));
    if (pushed.status !== 200) throw new Error(`push: ${pushed.status}`);
    // Two more sites for the province's page: Ia Dom had one result ready late and one on time and
    // has one overdue; Ia Pếch was created two hours ago and never synced.
    const dom = new SiteOutbox('xa-ia-dom');
    const applicantName = 'Siu Thị Hnga';
    const late = randomUUID();
    dom.dossier('received', late, 'received', { code: '000.00.02.H21-260302-0001', applicantName });
    dom.dossier('resultReady', late, 'result_ready', { code: '000.00.02.H21-260302-0001', applicantName, at: '2026-03-06T01:00:00.000Z' });
    dom.dossier('returned', late, 'returned', { code: '000.00.02.H21-260302-0001', applicantName, returnedAt: '2026-03-06T02:00:00.000Z' });
    const onTime = randomUUID();
    dom.dossier('received', onTime, 'received', { code: '000.00.02.H21-260302-0002', applicantName });
    dom.dossier('resultReady', onTime, 'result_ready', { code: '000.00.02.H21-260302-0002', applicantName, at: '2026-03-05T02:00:00.000Z' });
    dom.dossier('returned', onTime, 'returned', { code: '000.00.02.H21-260302-0002', applicantName, returnedAt: '2026-03-05T03:00:00.000Z' });
    dom.dossier('received', randomUUID(), 'received', { code: OVERDUE_CODE, applicantName, dueAt: '2026-03-04T09:00:00.000Z' });
    const domPushed = await pushBatch(central.url, await createSite(central.url, 'xa-ia-dom', 'UBND xã Ia Dom'), dom.request(dom.events));
    if (domPushed.status !== 200) throw new Error(`push: ${domPushed.status}`);
    await createSite(central.url, 'xa-ia-pech', 'UBND xã Ia Pếch');
    await db.db.query(`UPDATE sites SET created_at = now() - interval '2 hours' WHERE site_id = 'xa-ia-pech'`);
    clerkPassword = await createAccount(central.url, 'canbo.hoa', 'clerk', 'Lê Thị Hoa');
    adminPassword = (await readyAccount(central.url, 'quantri.tinh', 'province-admin', 'Phan Văn Đức')).password;
    browser = await launchBrowser();
    context = await deviceContext(browser, sizes.admin);
    page = await context.newPage();
    watchProblems(page, pageProblems);
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await central?.close();
    await db?.dispose();
  });

  it('asks for a login, and says in Vietnamese when the password is wrong', async () => {
    await page.goto(central.url + '/');
    const form = page.getByRole('form', { name: 'Đăng nhập' });
    await expect.poll(() => form.isVisible()).toBe(true);
    await form.getByLabel('Tên đăng nhập').fill('canbo.hoa');
    await form.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await form.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    await check('login');
  });

  it('makes the clerk replace the one-time password first, then shows only the dossiers and the own password', async () => {
    const form = page.getByRole('form', { name: 'Đăng nhập' });
    await form.getByLabel('Mật khẩu').fill(clerkPassword);
    await form.getByRole('button', { name: 'Đăng nhập' }).click();
    const tabs = page.getByRole('navigation', { name: 'Mục của máy chủ tỉnh' });
    await expect.poll(() => tabs.getByRole('button').allTextContents()).toEqual(['Đổi mật khẩu']);
    const change = page.getByRole('form', { name: 'Đổi mật khẩu' });
    await expect.poll(() => page.getByText(/^Mật khẩu bạn vừa dùng là mật khẩu một lần/).isVisible()).toBe(true);
    await check('clerk-first-login');
    await change.getByLabel('Mật khẩu hiện tại').fill(clerkPassword);
    await change.getByLabel('Mật khẩu mới (ít nhất 10 ký tự)').fill('hoa-mat-khau-rieng');
    await change.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('Đã đổi mật khẩu: hãy đăng nhập lại bằng mật khẩu mới.');
    await form.getByLabel('Tên đăng nhập').fill('canbo.hoa');
    await form.getByLabel('Mật khẩu').fill('hoa-mat-khau-rieng');
    await form.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => tabs.getByRole('button').allTextContents()).toEqual(['Hồ sơ', 'Toàn tỉnh', 'Đổi mật khẩu']);
    await expect.poll(() => page.getByText('Lê Thị Hoa — Cán bộ xử lý hồ sơ').isVisible()).toBe(true);
  });

  it('finds a dossier by its code and moves it to processing with a note', async () => {
    await find(CODE);
    await expect.poll(() => detail().getByRole('heading', { name: `Hồ sơ ${CODE}` }).isVisible()).toBe(true);
    await expect.poll(() => detail().getByText('Nguyễn Thị Mai').isVisible()).toBe(true);
    await expect.poll(() => detail().getByRole('button', { name: /^Chuyển sang/ }).allTextContents()).toEqual([
      'Chuyển sang “Đã chuyển xử lý”', 'Chuyển sang “Đang xử lý”', 'Chuyển sang “Đã có kết quả”',
    ]);
    await detail().getByLabel('Ghi chú (không bắt buộc)').fill('Phòng Tư pháp thẩm định');
    await detail().getByRole('button', { name: 'Chuyển sang “Đang xử lý”' }).click();
    await expect.poll(() => detail().getByRole('alert').textContent()).toBe('Đã chuyển sang “Đang xử lý”. Điểm một cửa sẽ nhận ở lần đồng bộ tới.');
    await expect.poll(() => detail().getByRole('button', { name: /^Chuyển sang/ }).allTextContents()).toEqual(['Chuyển sang “Đã chuyển xử lý”', 'Chuyển sang “Đã có kết quả”']);
    // The list the clerk searched shows the new status too.
    await expect.poll(() => page.getByRole('region', { name: 'Tra cứu hồ sơ' }).getByRole('row').nth(1).textContent()).toMatch(/Đang xử lý/);
    const lastStep = detail().getByRole('row').last();
    await expect.poll(() => lastStep.textContent()).toMatch(/Đang xử lý.*Máy chủ tỉnh: canbo\.hoa.*Phòng Tư pháp thẩm định/);
    await check('clerk-moved');
    const [row] = await db.db.query<{ processing_status: string }>('SELECT processing_status FROM dossiers WHERE code = $1', [CODE]);
    expect(row).toEqual({ processing_status: 'processing' });
  });

  it('finds several dossiers by a name, and shows a returned one as returned with no move', async () => {
    await find('nguyễn văn');
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('Tìm thấy 3 hồ sơ.');
    await find(RETURNED_CODE);
    await expect.poll(() => detail().getByRole('heading', { name: `Hồ sơ ${RETURNED_CODE}` }).isVisible()).toBe(true);
    await expect.poll(() => detail().getByText(/Hồ sơ đã ở bước cuối tại điểm một cửa \(đã trả kết quả\)/).isVisible()).toBe(true);
    expect(await detail().getByRole('button', { name: /^Chuyển sang/ }).count()).toBe(0);
    await check('clerk-returned');
  });

  it("shows the clerk the province's sites worst first, the one that never synced flagged, and a site's overdue dossiers", async () => {
    const tabs = page.getByRole('navigation', { name: 'Mục của máy chủ tỉnh' });
    await tabs.getByRole('button', { name: 'Toàn tỉnh' }).click();
    const panel = page.getByRole('region', { name: 'Toàn tỉnh: kết quả của các điểm một cửa' });
    const period = panel.getByRole('form', { name: 'Toàn tỉnh: kết quả của các điểm một cửa' });
    await expect.poll(() => period.getByLabel('Từ ngày').inputValue()).toMatch(/^01\/\d{2}\/\d{4}$/); // this month by default, as dd/mm/yyyy
    await period.getByLabel('Từ ngày').fill('01/03/2026');
    await period.getByLabel('Đến ngày').fill('31/03/2026');
    await period.getByRole('button', { name: 'Xem' }).click();
    await expect.poll(() => panel.getByRole('status').first().textContent()).toMatch(/^3 điểm, xếp điểm có tỉ lệ đúng hạn thấp nhất lên đầu.*1 điểm mất kết nối/);
    const rows = panel.getByRole('table').first().getByRole('row');
    // Ia Dom: 1 of 2 on time (50 %) and 1 overdue; Ia Grai: its one return early (100 %) and the other four
    // overdue since 5 March; Ia Pếch: nothing handled yet.
    const cells = (n: number) => rows.nth(n + 1).getByRole('cell').allTextContents(); // after the two header rows
    const lastPush = expect.stringMatching(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);
    await expect.poll(() => cells(1)).toEqual(['UBND xã Ia Domxa-ia-dom', '3', '2', '0', '1', '1', '50%', '1', '0', '0', '0', '—', '0', '—', lastPush]);
    await expect.poll(() => cells(2)).toEqual(['UBND xã Ia Graixa-ia-grai', '5', '1', '1', '0', '0', '100%', '4', '0', '0', '0', '—', '0', '—', lastPush]);
    await expect.poll(() => cells(3)).toEqual([
      expect.stringMatching(/^UBND xã Ia Pếchxa-ia-pechmất kết nối từ \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/), '0', '0', '0', '0', '0', '—', '0', '0', '0', '0', '—', '0', '—', 'chưa gửi',
    ]);
    expect(await panel.getByRole('link', { name: 'Xuất Excel' }).getAttribute('href')).toBe('/admin/api/province.xlsx?from=2026-03-01&to=2026-03-31');
    await check('province');
    await panel.getByRole('button', { name: 'Hồ sơ quá hạn của UBND xã Ia Dom' }).click();
    const overdue = panel.getByRole('table', { name: /^Hồ sơ đang quá hạn — UBND xã Ia Dom/ });
    await expect.poll(() => overdue.getByRole('row').nth(1).textContent()).toMatch(new RegExp(`^${OVERDUE_CODE.replaceAll('.', '\\.')}1\\.000948\\.H38Đăng ký khai sinh02/03/202616:00 04/03/2026\\d+$`));
    await expect.poll(() => panel.getByText('1 hồ sơ đang quá hạn, quá hạn lâu nhất trước.').isVisible()).toBe(true);
    await check('province-overdue');
  });

  it('gives the province-admin the sites and the accounts, with a new password shown once', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    const form = page.getByRole('form', { name: 'Đăng nhập' });
    await expect.poll(() => form.isVisible()).toBe(true);
    await form.getByLabel('Tên đăng nhập').fill('quantri.tinh');
    await form.getByLabel('Mật khẩu').fill(adminPassword);
    await form.getByRole('button', { name: 'Đăng nhập' }).click();
    const tabs = page.getByRole('navigation', { name: 'Mục của máy chủ tỉnh' });
    await expect.poll(() => tabs.getByRole('button').allTextContents()).toEqual(['Hồ sơ', 'Toàn tỉnh', 'Điểm một cửa', 'Tài khoản', 'Ban hành', 'Nhật ký thay đổi', 'Đổi mật khẩu']);
    await tabs.getByRole('button', { name: 'Điểm một cửa' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'UBND xã Ia Grai' }).isVisible()).toBe(true);
    await check('admin-sites');
    await tabs.getByRole('button', { name: 'Tài khoản' }).click();
    const add = page.getByRole('form', { name: 'Thêm tài khoản' });
    await add.getByLabel('Tên đăng nhập').fill('canbo.lan');
    await add.getByLabel('Họ tên').fill('Võ Thị Lan');
    await add.getByRole('button', { name: 'Tạo' }).click();
    await expect.poll(() => page.getByText(/^Đã tạo tài khoản canbo\.lan\. Mật khẩu \(chỉ hiện lần này/).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('cell', { name: 'Võ Thị Lan' }).isVisible()).toBe(true);
    await check('admin-accounts');
    await tabs.getByRole('button', { name: 'Nhật ký thay đổi' }).click();
    const move = page.getByRole('row').filter({ hasText: 'Chuyển trạng thái hồ sơ' });
    await expect.poll(() => move.textContent()).toMatch(new RegExp(`canbo\\.hoa.*${CODE.replaceAll('.', '\\.')}.*Trạng thái: Đang xử lý; Ghi chú: Phòng Tư pháp thẩm định`));
    await check('admin-audit');
    expect(pageProblems).toEqual([]);
  });
});

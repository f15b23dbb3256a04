import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../central/db/db';
import { createAccount, createSite, openTestDb, pushBatch, readyAccount, SiteOutbox, startTestCentral } from '../central/helpers';
import { accessibilityProblems } from './support/a11y';
import { deviceContext, launchBrowser, screenshot, sizes, watchProblems } from './support/browser';

const CODE = '000.00.01.H21-261203-0007';
const RETURNED_CODE = '000.00.01.H21-261203-0008';

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
    o.dossier('returned', returned, 'returned', { code: RETURNED_CODE, applicantName: 'Trần Văn Hùng', returnedAt: '2026-03-04T02:00:00.000Z' });
    for (let i = 0; i < 3; i++) o.dossier('received', randomUUID(), 'received', { code: `000.00.01.H21-261203-001${i}`, applicantName: `Nguyễn Văn ${['An', 'Bình', 'Cường'][i]}` });
    const pushed = await pushBatch(central.url, credential, o.request(o.events));
    if (pushed.status !== 200) throw new Error(`push: ${pushed.status}`);
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
    await expect.poll(() => tabs.getByRole('button').allTextContents()).toEqual(['Hồ sơ', 'Đổi mật khẩu']);
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

  it('gives the province-admin the sites and the accounts, with a new password shown once', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    const form = page.getByRole('form', { name: 'Đăng nhập' });
    await expect.poll(() => form.isVisible()).toBe(true);
    await form.getByLabel('Tên đăng nhập').fill('quantri.tinh');
    await form.getByLabel('Mật khẩu').fill(adminPassword);
    await form.getByRole('button', { name: 'Đăng nhập' }).click();
    const tabs = page.getByRole('navigation', { name: 'Mục của máy chủ tỉnh' });
    await expect.poll(() => tabs.getByRole('button').allTextContents()).toEqual(['Hồ sơ', 'Điểm một cửa', 'Tài khoản', 'Ban hành', 'Nhật ký thay đổi', 'Đổi mật khẩu']);
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

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../contract/client';
import { HubError } from '../../contract/errors';
import { ADMIN_PASSWORD, startTestHub, type TestHub } from '../support/hub';
import { accessibilityProblems } from './support/a11y';
import { launchBrowser, screenshot, sizes, watchedPage } from './support/browser';

const SITE_NAME = 'UBND phường Hòa Bình — Bộ phận Một cửa';

/** The error code a call fails with (the test expects it to fail). */
async function failure(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (e) {
    if (e instanceof HubError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('the admin screen, end to end in Chromium against the real hub', () => {
  let hub: TestHub;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: HubClient;
  /** Script errors in the page (a refused request's 4xx line in the console is expected, not one). */
  const pageProblems: string[] = [];

  const openSection = async (title: string) => {
    await page.getByRole('navigation', { name: 'Mục quản trị' }).getByRole('link', { name: title, exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2, name: title, exact: true }).isVisible()).toBe(true);
  };
  /** Looks right and is readable: a screenshot to look at, and no contrast or naming problems. */
  const check = async (name: string) => {
    await screenshot(page, `admin-${name}-1366x768`);
    expect(await accessibilityProblems(page, null)).toEqual([]);
  };
  const save = (form: string) => page.getByRole('form', { name: form }).getByRole('button', { name: 'Lưu', exact: true }).click();
  const saved = (form: string, text = 'Đã lưu.') => expect.poll(() => page.getByRole('form', { name: form }).getByText(text).isVisible()).toBe(true);
  const formError = (form: string) => page.getByRole('form', { name: form }).getByRole('alert');

  beforeAll(async () => {
    hub = await startTestHub({ screens: true, setup: 'none' });
    browser = await launchBrowser();
    ({ context, page } = await watchedPage(browser, sizes.admin, pageProblems));
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await hub?.close();
  });

  it('makes the first admin change the one-time password, then warns about sample data', async () => {
    const first = hub.running.firstAdmin!;
    // The one-time password opens nothing but the password change.
    const oneTime = await hub.client()['auth.login']({ username: first.username, password: first.password });
    expect(await failure(hub.client(oneTime.token)['site.get']({}))).toBe('PASSWORD_CHANGE_REQUIRED');

    await page.goto(`${hub.url}/admin`);
    await page.getByLabel('Tên đăng nhập').fill(first.username);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(first.password);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { name: 'Đổi mật khẩu' }).isVisible()).toBe(true);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(ADMIN_PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(ADMIN_PASSWORD);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Đã đổi mật khẩu. Vui lòng đăng nhập bằng mật khẩu mới.').isVisible()).toBe(true);
    await page.getByLabel('Tên đăng nhập').fill(first.username);
    await page.getByLabel('Mật khẩu', { exact: true }).fill(ADMIN_PASSWORD);
    await page.keyboard.press('Enter');

    // First start is setup (test/e2e/setup-wizard.test.ts goes through it); here: the sample data.
    await page.getByRole('button', { name: 'Dùng thử với dữ liệu mẫu' }).click();
    await expect.poll(() => page.getByText('Đang dùng DỮ LIỆU MẪU').isVisible()).toBe(true);
    await expect.poll(() => page.getByLabel('Tên đơn vị in trên giấy tờ').inputValue()).toBe('Bộ phận Một cửa xã Mẫu');
    await check('du-lieu-mau');
    admin = await hub.admin();
  });

  it('renames the site: the banner goes and a paired kiosk shows the new name without a restart', async () => {
    const kiosk = await hub.device('kiosk');
    expect((await kiosk.client['kiosk.menu']({})).siteName).toBe('Bộ phận Một cửa xã Mẫu');

    await openSection('Đơn vị');
    await page.getByLabel('Tên đơn vị in trên giấy tờ').fill(SITE_NAME);
    // Sample mode ends only when nothing of the sample's identity is left.
    await page.getByLabel('Cơ quan chủ quản').fill('UBND phường Hòa Bình');
    await page.getByLabel('Xã / phường').fill('Hòa Bình');
    await page.getByLabel('Mã định danh cơ quan').fill('000.00.07.H21');
    await page.getByLabel('Địa chỉ').fill('Số 1 đường Lê Lợi, phường Hòa Bình');
    await page.getByLabel('Dòng chữ chạy').fill('Giờ làm việc: 7:30–11:30 và 13:30–17:00 từ Thứ Hai đến Thứ Sáu.');
    await save('Thông tin đơn vị');
    await saved('Thông tin đơn vị');
    await expect.poll(() => page.getByText('Đang dùng DỮ LIỆU MẪU').count()).toBe(0);
    await check('don-vi');

    expect((await kiosk.client['kiosk.menu']({})).siteName).toBe(SITE_NAME);
    const site = await admin['site.get']({});
    expect(site).toMatchObject({ name: SITE_NAME, address: 'Số 1 đường Lê Lợi, phường Hòa Bình', sampleData: false });
    // The ticker typed over the sample's stays; the sample's signer went with sample mode.
    expect(site.ticker).toBe('Giờ làm việc: 7:30–11:30 và 13:30–17:00 từ Thứ Hai đến Thứ Sáu.');
    expect((await admin['dossierSettings.get']({})).signerName).toBe('');
  });

  it("refuses a sample value typed back into the real site, saying so under the field", async () => {
    const commune = page.getByLabel('Xã / phường');
    await commune.fill('Xã Mẫu');
    await save('Thông tin đơn vị');
    await expect.poll(() => commune.getAttribute('aria-invalid')).toBe('true');
    const under = await commune.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent);
    expect(under).toBe('Đây vẫn là thông tin của dữ liệu mẫu: hãy nhập thông tin thật của đơn vị.');
    await expect.poll(() => formError('Thông tin đơn vị').textContent()).toContain('Xã / phường: Đây vẫn là thông tin của dữ liệu mẫu');
    await check('don-vi-gia-tri-mau');
    expect((await admin['site.get']({})).commune).toBe('Hòa Bình');
    // Typing the real value again clears the word under the field.
    await commune.fill('Hòa Bình');
    expect(await commune.getAttribute('aria-invalid')).toBeNull();
    await save('Thông tin đơn vị');
    await saved('Thông tin đơn vị');
  });

  it('refuses an invalid hour with a Vietnamese message and saves nothing, then saves good hours', async () => {
    const before = (await admin['site.get']({})).queueHours;
    await openSection('Giờ lấy số');
    await page.getByLabel('Thứ Hai, khung 1, Từ').fill('25:00');
    await save('Giờ lấy số');
    await expect.poll(() => formError('Giờ lấy số').textContent()).toContain('Thứ Hai, khung 1, giờ bắt đầu: Giờ phải có dạng HH:MM');
    await screenshot(page, 'admin-gio-lay-so-error-1366x768');
    expect((await admin['site.get']({})).queueHours).toEqual(before);

    await page.getByLabel('Thứ Hai, khung 1, Từ').fill('07:30');
    await page.getByRole('button', { name: 'Chép giờ Thứ Hai cho Thứ Ba – Thứ Sáu' }).click();
    await page.getByRole('button', { name: 'Thêm khung giờ Thứ Bảy' }).click();
    await page.getByLabel('Thứ Bảy, khung 1, Đến').fill('11:00');
    await save('Giờ lấy số');
    await saved('Giờ lấy số');
    await check('gio-lay-so');

    const hours = (await admin['site.get']({})).queueHours;
    expect(hours[1]).toEqual([{ from: '07:30', to: '11:30' }, { from: '13:00', to: '17:00' }]);
    for (const day of [2, 3, 4, 5]) expect(hours[day]).toEqual(hours[1]);
    expect(hours[6]).toEqual([{ from: '07:30', to: '11:00' }]);
    expect(hours[0]).toEqual([]);
  });

  it('changes the calling rules, each explained in a sentence', async () => {
    await openSection('Quy tắc gọi số');
    await page.getByRole('spinbutton', { name: 'Xen kẽ số thường' }).fill('2');
    await expect.poll(() => page.getByText('Sau 2 số ưu tiên liên tiếp tại một quầy').isVisible()).toBe(true);
    await page.getByRole('checkbox', { name: 'Thời gian chờ tối đa: Bật' }).uncheck();
    await expect.poll(() => page.getByText('Đang tắt: không có số nào được gọi trước chỉ vì đã chờ lâu.').isVisible()).toBe(true);
    await save('Quy tắc gọi số');
    await saved('Quy tắc gọi số');
    await check('quy-tac-goi-so');
    expect((await admin['site.get']({})).callingRules).toEqual({ interleaveAfterPriority: 2, maxWaitMinutes: null, useSkillWeights: true });
  });

  it('creates a service with its own number sequence; a prefix taken by another sequence is refused', async () => {
    await openSection('Dịch vụ');
    await page.getByRole('button', { name: '+ Thêm dịch vụ' }).click();
    const form = page.getByRole('form', { name: 'Dịch vụ mới' });
    await form.getByLabel('Tên dịch vụ').fill('Lý lịch tư pháp');
    await form.getByLabel('Tên tiếng Anh').fill('Criminal record');
    await form.getByLabel('Mô tả ngắn').fill('Cấp phiếu lý lịch tư pháp');
    await form.getByLabel('Mã dịch vụ').fill('LLTP');
    await form.getByLabel('Tiền tố số').fill('e');
    await form.getByRole('button', { name: 'Tạo dãy số mới…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo dãy số mới' });
    await dialog.getByLabel('Mã dãy số').fill('LLTP');
    await dialog.getByLabel('Số kết thúc').fill('500');
    await expect.poll(() => dialog.getByText('E500').isVisible()).toBe(true);
    await screenshot(page, 'admin-dich-vu-day-so-1366x768');
    expect(await accessibilityProblems(page, null)).toEqual([]);
    await dialog.getByRole('button', { name: 'Tạo dãy số' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(async () => (await form.getByLabel('Dãy số').locator('option:checked').textContent()) ?? '').toBe('LLTP (001–500)');
    await form.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => page.getByText('Đã lưu.').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('list', { name: 'Danh sách dịch vụ' }).getByText('Lý lịch tư pháp').isVisible()).toBe(true);
    await check('dich-vu');

    let cat = await admin['catalog.get']({});
    const service = cat.services.find((s) => s.code === 'LLTP')!;
    expect(service).toMatchObject({ name: 'Lý lịch tư pháp', prefix: 'E', hours: null, active: true });
    expect(cat.sequences.find((s) => s.id === service.sequenceId)).toMatchObject({ code: 'LLTP', rangeStart: 1, rangeEnd: 500, step: 1, padWidth: 3 });

    // "A" belongs to Hộ tịch on another sequence: the hub refuses, the form says why, nothing is saved.
    const count = cat.services.length;
    await page.getByRole('button', { name: '+ Thêm dịch vụ' }).click();
    await form.getByLabel('Tên dịch vụ').fill('Trùng tiền tố');
    await form.getByLabel('Mã dịch vụ').fill('TRUNG');
    await form.getByLabel('Tiền tố số').fill('A');
    await form.getByLabel('Dãy số').selectOption({ label: 'LLTP (001–500)' });
    await form.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => formError('Dịch vụ mới').textContent()).toContain('Tiền tố A đã được dịch vụ Hộ tịch dùng với một dãy số khác');
    await check('dich-vu-loi');
    cat = await admin['catalog.get']({});
    expect(cat.services.length).toBe(count);
    expect(cat.services.some((s) => s.code === 'TRUNG')).toBe(false);
  });

  it('edits a priority class and says that no health details are stored', async () => {
    await openSection('Đối tượng ưu tiên');
    await expect.poll(() => page.getByText('không bao giờ lưu thông tin sức khỏe, khuyết tật').isVisible()).toBe(true);
    await page.getByRole('button', { name: /^Phụ nữ mang thai/ }).click();
    await page.getByLabel('Mức ưu tiên (1–100)').fill('4');
    await save('Sửa đối tượng ưu tiên');
    await saved('Sửa đối tượng ưu tiên');
    await check('doi-tuong-uu-tien');
    expect((await admin['catalog.get']({})).priorityClasses.find((p) => p.code === 'PNMT')?.weight).toBe(4);
  });

  it('creates a counter serving the new service and shows who works at each counter now', async () => {
    const cat = await admin['catalog.get']({});
    const officer = await hub.staff('canbo1');
    await officer['counter.open']({ counterId: cat.counters.find((c) => c.number === 1)!.id });

    await openSection('Quầy');
    await expect.poll(() => page.getByText('Cán bộ canbo1 — đang chờ gọi số').first().isVisible()).toBe(true);
    await page.getByRole('button', { name: '+ Thêm quầy' }).click();
    const form = page.getByRole('form', { name: 'Quầy mới' });
    await expect.poll(() => form.getByLabel('Tên hiển thị').inputValue()).toBe('Quầy số 4');
    await form.getByRole('checkbox', { name: 'E Lý lịch tư pháp' }).check();
    await form.getByLabel('Lý lịch tư pháp: Trọng số').fill('5');
    await form.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => page.getByText('Đã lưu.').isVisible()).toBe(true);
    await check('quay');

    const after = await admin['catalog.get']({});
    const service = after.services.find((s) => s.code === 'LLTP')!;
    expect(after.counters.find((c) => c.number === 4)).toMatchObject({ label: 'Quầy số 4', kind: 'quay', mode: 'all', active: true, skills: [{ serviceId: service.id, weight: 5 }] });
  });

  it('creates an officer account that must change its password; resets a password', async () => {
    await openSection('Cán bộ');
    await page.getByRole('button', { name: '+ Thêm tài khoản' }).click();
    const form = page.getByRole('form', { name: 'Tài khoản mới' });
    await form.getByLabel('Họ và tên').fill('Nguyễn Thị Lan');
    await form.getByLabel('Tên đăng nhập').fill('lan.nt');
    await form.getByLabel('Mật khẩu dùng một lần').fill('mot-lan-dau-2');
    await form.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => page.getByText('Đã lưu.').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('lan.nt · Cán bộ tiếp nhận · chưa đổi mật khẩu lần đầu').isVisible()).toBe(true);
    await check('can-bo');

    const login = await hub.client()['auth.login']({ username: 'lan.nt', password: 'mot-lan-dau-2' });
    expect(login.staff).toMatchObject({ fullName: 'Nguyễn Thị Lan', role: 'officer', mustChangePassword: true, canCallSpecific: false });
    expect(await failure(hub.client(login.token)['counters.overview']({}))).toBe('PASSWORD_CHANGE_REQUIRED');
    await hub.client(login.token)['auth.changePassword']({ currentPassword: 'mot-lan-dau-2', newPassword: 'mat-khau-cua-lan-1' });
    expect((await hub.client()['auth.login']({ username: 'lan.nt', password: 'mat-khau-cua-lan-1' })).staff.mustChangePassword).toBe(false);

    await page.getByRole('button', { name: 'Đặt lại mật khẩu…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Đặt lại mật khẩu cho Nguyễn Thị Lan' });
    await dialog.getByLabel('Mật khẩu mới dùng một lần').fill('mot-lan-nua-3');
    await dialog.getByRole('button', { name: 'Đặt lại mật khẩu', exact: true }).click();
    await expect.poll(() => dialog.getByText('phải đổi mật khẩu này ở lần đăng nhập tới').isVisible()).toBe(true);
    await screenshot(page, 'admin-can-bo-dat-lai-1366x768');
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    expect((await hub.client()['auth.login']({ username: 'lan.nt', password: 'mot-lan-nua-3' })).staff.mustChangePassword).toBe(true);
  });

  it('pairs a display with a code, lists it, revokes it; sets the kiosk PIN', async () => {
    await openSection('Thiết bị');
    const pairing = page.getByRole('form', { name: 'Tạo mã ghép nối' });
    // A rating tablet needs its counter: the hub says so.
    await pairing.getByLabel('Loại thiết bị').selectOption({ label: 'Máy đánh giá tại quầy' });
    await pairing.getByLabel('Tên thiết bị').fill('Máy đánh giá quầy 1');
    await pairing.getByRole('button', { name: 'Tạo mã ghép nối' }).click();
    await expect.poll(() => formError('Tạo mã ghép nối').textContent()).toContain('Máy đánh giá phải gắn với một quầy.');

    await pairing.getByLabel('Loại thiết bị').selectOption({ label: 'Màn hình chờ (TV)' });
    await pairing.getByLabel('Tên thiết bị').fill('TV phòng chờ tầng 1');
    await pairing.getByRole('button', { name: 'Tạo mã ghép nối' }).click();
    await expect.poll(async () => (await page.getByTestId('pairing-code').textContent()) ?? '').toMatch(/^\d{6}$/);
    await expect.poll(() => page.getByRole('status', { name: 'Mã ghép nối' }).textContent()).toContain(`${new URL(hub.url).origin}/display`);
    await check('thiet-bi');
    const code = (await page.getByTestId('pairing-code').textContent())!;

    const paired = await hub.client()['devices.pair']({ code });
    const display = hub.client(paired.token);
    expect((await display['devices.me']({})).name).toBe('TV phòng chờ tầng 1');
    const row = page.getByRole('row').filter({ hasText: 'TV phòng chờ tầng 1' });
    await expect.poll(() => row.isVisible()).toBe(true);

    // The confirmation starts on "Hủy" (Enter destroys nothing) and Esc closes it.
    const confirm = page.getByRole('dialog', { name: 'Thu hồi TV phòng chờ tầng 1?' });
    await row.getByRole('button', { name: 'Thu hồi TV phòng chờ tầng 1' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Hủy');
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await display['devices.me']({})).toMatchObject({ revokedAt: null });

    await row.getByRole('button', { name: 'Thu hồi TV phòng chờ tầng 1' }).click();
    await screenshot(page, 'admin-thiet-bi-thu-hoi-1366x768');
    await confirm.getByRole('button', { name: 'Thu hồi', exact: true }).click();
    await expect.poll(() => row.getByText(/^Đã thu hồi/).isVisible()).toBe(true);
    expect(await failure(display['devices.me']({}))).toBe('DEVICE_REVOKED');

    const pin = page.getByRole('form', { name: 'Mã PIN mở khóa kiosk' });
    await pin.getByLabel('Mã PIN mới (4–8 chữ số)').fill('2468');
    await pin.getByLabel('Nhập lại mã PIN').fill('2469');
    await pin.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => formError('Mã PIN mở khóa kiosk').textContent()).toBe('Hai lần nhập mã PIN không khớp.');
    await pin.getByLabel('Mã PIN mới (4–8 chữ số)').fill('12');
    await pin.getByLabel('Nhập lại mã PIN').fill('12');
    await pin.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => formError('Mã PIN mở khóa kiosk').textContent()).toContain('Mã PIN: Mã PIN gồm 4–8 chữ số');
    expect(hub.running.hub.deps.site.get('kioskPinHash')).toBeNull();
    await pin.getByLabel('Mã PIN mới (4–8 chữ số)').fill('2468');
    await pin.getByLabel('Nhập lại mã PIN').fill('2468');
    await pin.getByRole('button', { name: 'Lưu', exact: true }).click();
    await saved('Mã PIN mở khóa kiosk', 'Đã lưu mã PIN mới.');
    expect(hub.running.hub.deps.site.get('kioskPinHash')).not.toBeNull();
  });

  it('changes the rating question and scale', async () => {
    await openSection('Đánh giá');
    await page.getByLabel('Câu hỏi', { exact: true }).fill('Ông/Bà có hài lòng với cách phục vụ hôm nay?');
    await page.getByRole('button', { name: '+ Thêm mức' }).click();
    await page.getByLabel('Mức 4: Mã').fill('rat_khong_hai_long');
    await page.getByLabel('Mức 4: Tên tiếng Việt').fill('Rất không hài lòng');
    await page.getByLabel('Mức 4: Tên tiếng Anh').fill('Very unsatisfied');
    await save('Cài đặt đánh giá');
    await saved('Cài đặt đánh giá');
    await check('danh-gia');
    const rating = (await admin['site.get']({})).rating;
    expect(rating.question).toBe('Ông/Bà có hài lòng với cách phục vụ hôm nay?');
    expect(rating.scale.map((c) => c.code)).toEqual(['very_satisfied', 'satisfied', 'unsatisfied', 'rat_khong_hai_long']);
  });

  it('sets the target wait the queue report measures against, refusing one out of range', async () => {
    await openSection('Báo cáo');
    const target = page.getByLabel('Thời gian chờ mục tiêu (phút)');
    await expect.poll(() => target.inputValue()).toBe('15');
    await target.fill('500');
    await save('Cài đặt báo cáo');
    await expect.poll(() => formError('Cài đặt báo cáo').isVisible()).toBe(true);
    expect(await admin['reports.settings']({})).toEqual({ targetWaitMinutes: 15 });
    await target.fill('20');
    await save('Cài đặt báo cáo');
    await saved('Cài đặt báo cáo');
    await check('bao-cao');
    expect(await admin['reports.settings']({})).toEqual({ targetWaitMinutes: 20 });
  });

  it('ran without script errors in the page', () => {
    expect(pageProblems).toEqual([]);
  });
});

import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../contract/client';
import { vnDate } from '../../main/core/vn-time';
import { intake } from '../integration/dossier/intake-input';
import { flat, readPdf } from '../integration/forms/pdf-tools';
import { decodeEscPos, renderDecodedToPng } from '../support/escpos-decoder';
import { FakePrinter } from '../support/fake-printer';
import { ADMIN_PASSWORD, ALL_DAY, STAFF_PASSWORD, startTestHub, type TestHub } from '../support/hub';
import { accessibilityProblems } from './support/a11y';
import { deviceContext, launchBrowser, screenshot, sizes } from './support/browser';
import { openCounter } from './support/counter-login';

/** Codes of the test site (TEST_SITE): agency 000.00.15.H21, today's date, a 4-digit daily sequence. */
/** The words a field's aria-describedby points at: its note from the hub, and its hint. */
const described = (field: Locator) =>
  field.evaluate((e) => (e.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
const codeOf = (seq: number) => new RegExp(`^000\\.00\\.15\\.H21-\\d{6}-${String(seq).padStart(4, '0')}$`);

describe('dossiers at the counter: intake by keyboard, supplement, result, search, register, admin', () => {
  let hub: TestHub;
  let browser: Browser;
  let admin: HubClient;
  let staff: HubClient;
  let printer: FakePrinter;
  let counter: Page;
  const contexts: BrowserContext[] = [];
  const first = { code: '', lookup: '' };
  const second = { code: '', lookup: '' };
  const dossierCount = () => (hub.running.hub.deps.db.prepare('SELECT count(*) AS n FROM dossiers').get() as { n: number }).n;
  const newPage = async (size: { width: number; height: number }) => {
    const c = await deviceContext(browser, size);
    contexts.push(c);
    return c.newPage();
  };
  const pdf = async (dossierId: string, form: 'receipt' | 'handover' | 'supplementRequest') => Buffer.from((await staff['dossiers.form']({ dossierId, form })).pdfBase64, 'base64');
  const idOf = async (code: string) => (await staff['dossiers.search']({ q: code }))[0]!.id;
  /** Types into the focused field, then Tab to the next (the form's Tab order is part of the test). */
  const typeThenTab = async (text: string) => {
    await counter.keyboard.type(text);
    await counter.keyboard.press('Tab');
  };
  const focusedLabel = () => counter.evaluate(() => document.activeElement?.closest('.field, .picker')?.querySelector('label')?.textContent ?? document.activeElement?.tagName);
  /** Applicant, then the procedure by type-ahead: all from the keyboard, starting in the name field. */
  const fillIntake = async (a: { name: string; id: string; dob: string; address: string; phone: string }) => {
    await expect.poll(focusedLabel).toBe('Họ và tên');
    await typeThenTab(a.name);
    await typeThenTab(a.id);
    await typeThenTab(a.dob);
    await typeThenTab(a.address);
    await typeThenTab(a.phone);
    await counter.keyboard.press('Tab'); // no email
    expect(await focusedLabel()).toBe('Tìm thủ tục (tên hoặc mã)');
    await counter.keyboard.type('khai sinh');
    await expect.poll(() => counter.getByRole('option', { name: /Đăng ký khai sinh/ }).isVisible()).toBe(true);
    await counter.keyboard.press('Enter');
    await expect.poll(() => counter.getByTestId('procedure-facts').textContent()).toContain('Hộ tịch');
  };
  /**
   * An A4 form printed from the screen: the print dialog, or (headless Chromium cannot print a PDF
   * from a frame) the PDF in a new tab; either way the officer then comes back to the counter tab.
   */
  const printed = async (title: string) => {
    await expect.poll(() => counter.getByText(new RegExp(`^${title}: `)).textContent()).toMatch(/hộp thoại in|thẻ mới|tải tệp/);
    await counter.bringToFront();
  };
  /** Ticks the papers by number (1-based) with Tab and Space, from the procedure search box. */
  const tickPapers = async (papers: number[]) => {
    for (let n = 1; n <= 3; n++) {
      await counter.keyboard.press('Tab'); // the paper's checkbox
      if (papers.includes(n)) await counter.keyboard.press('Space');
      await counter.keyboard.press('Tab'); // its count
    }
  };

  beforeAll(async () => {
    hub = await startTestHub({ screens: true });
    browser = await launchBrowser();
    admin = await hub.admin();
    await admin['site.update']({ queueHours: ALL_DAY });
    printer = await FakePrinter.start();
    await admin['admin.savePrinter']({ name: 'Máy in phiếu quầy', role: 'receipt', address: printer.address, paper: '80mm', model: 'generic', textMode: 'raster', cut: true, beep: false, deviceId: null, counterId: null, active: true });
    staff = await hub.staff('tiepnhan');
    const cat = await admin['catalog.get']({});
    const kiosk = (await hub.device('kiosk')).client;
    await kiosk['tickets.issue']({ serviceId: cat.services.find((s) => s.name === 'Hộ tịch')!.id, priorityClassId: null });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await hub?.close();
    await printer?.stop();
  });

  it('receives a complete dossier for the called ticket, all by keyboard: code on screen, slip on the printer, the A4 receipt as PDF', async () => {
    // The officer who keeps this page for the whole file.
    counter = await newPage(sizes.counter);
    await openCounter(counter, hub.url, 'tiepnhan', STAFF_PASSWORD, '1');
    await expect.poll(() => counter.getByText('Chưa có số nào. Nhấn F1 để gọi số tiếp theo.').isVisible()).toBe(true);
    await counter.keyboard.press('F1');
    await expect.poll(() => counter.getByTestId('current-code').textContent()).toBe('A001');
    await screenshot(counter, 'dossier-desk-with-intake-1366x768');
    await counter.keyboard.press('Shift+F3');
    await expect.poll(() => counter.getByText('Số thứ tự A001').isVisible()).toBe(true);

    await fillIntake({ name: 'Nguyễn Thị Ngọc Ánh', id: '001099012345', dob: '01/05/1990', address: 'Thôn 3, xã Mẫu, tỉnh Gia Lai', phone: '0905123456' });
    await tickPapers([1, 2, 3]);
    await expect.poll(() => counter.getByTestId('quoted-return').textContent()).toMatch(/\d\d giờ \d\d phút, ngày \d\d\/\d\d\/\d{4} \(Trong ngày\)/);
    expect(await counter.getByRole('button', { name: /^Tiếp nhận F9/ }).isEnabled()).toBe(true);
    await screenshot(counter, 'dossier-intake-1366x768');
    expect(await accessibilityProblems(counter, null)).toEqual([]);

    await counter.keyboard.press('F9');
    await expect.poll(() => counter.getByTestId('dossier-code').textContent()).toMatch(codeOf(1));
    first.code = (await counter.getByTestId('dossier-code').textContent())!;
    first.lookup = (await counter.getByTestId('lookup-code').textContent())!;
    expect(await counter.getByRole('heading', { name: 'Đã tiếp nhận hồ sơ' }).isVisible()).toBe(true);
    // Where the slip went, followed to the end: the hub returned the queued job with the receipt.
    await expect.poll(() => counter.getByTestId('slip-status').textContent()).toBe('Đã in phiếu 80 mm (có mã QR tra cứu) tại máy in Máy in phiếu quầy.');
    await screenshot(counter, 'dossier-result-1366x768');
    expect(await accessibilityProblems(counter, null)).toEqual([]);

    // The 80 mm slip went to the counter's receipt printer by itself, its QR opens the dossier.
    const [bytes] = await printer.waitForJobs(1, 10_000);
    const job = decodeEscPos(bytes!);
    expect(job.items.filter((i) => i.kind === 'qr').map((i) => i.kind === 'qr' && i.payload)).toEqual([`MC1|${first.code}|${first.lookup}`]);
    mkdirSync('test-results/print', { recursive: true });
    writeFileSync('test-results/print/dossier-slip-from-bytes.png', renderDecodedToPng(job, 576));

    // The A4 receipt (Mẫu 01) is a PDF with the code and the applicant.
    const receipt = await pdf(await idOf(first.code), 'receipt');
    expect(receipt.subarray(0, 5).toString()).toBe('%PDF-');
    const text = flat((await readPdf(receipt)).text());
    expect(text).toContain(first.code);
    expect(text).toContain('Nguyễn Thị Ngọc Ánh');

    await counter.keyboard.press('F9');
    await printed('Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    await counter.keyboard.press('F8');
    await expect.poll(() => counter.getByText('Đã gửi phiếu 80 mm tới máy in Máy in phiếu quầy.').isVisible()).toBe(true);
    await printer.waitForJobs(2, 10_000);
  });

  it('an incomplete dossier gets a supplement request (no code); the papers arriving later give it its code; then the result is returned', async () => {
    const before = dossierCount();
    await counter.keyboard.press('F2'); // Tiếp nhận hồ sơ mới
    await expect.poll(() => counter.getByRole('heading', { name: 'Tiếp nhận hồ sơ' }).isVisible()).toBe(true);
    await fillIntake({ name: 'Trần Văn Bình', id: '079088001234', dob: '15/08/1988', address: 'Thôn 2, xã Mẫu, tỉnh Gia Lai', phone: '0912345678' });
    await tickPapers([1, 3]); // no birth certificate (Giấy chứng sinh)
    await expect.poll(() => counter.getByText(/Còn thiếu 1 giấy tờ bắt buộc/).isVisible()).toBe(true);
    expect(await counter.getByRole('button', { name: /^Tiếp nhận F9/ }).isDisabled()).toBe(true);
    await counter.keyboard.press('F9'); // does nothing: the form points to the supplement path
    await counter.keyboard.press('F8');
    const dialog = counter.getByRole('dialog', { name: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByLabel('Mục 1: Giấy tờ cần bổ sung').inputValue()).toBe('Giấy chứng sinh');
    expect(await dialog.getByLabel('Mục 1: Lý do').inputValue()).toBe('Chưa nộp');
    await screenshot(counter, 'dossier-supplement-dialog-1366x768');
    await dialog.getByRole('button', { name: 'Lập phiếu yêu cầu bổ sung' }).click();
    await expect.poll(() => counter.getByRole('heading', { name: /Đã lập phiếu yêu cầu bổ sung/ }).isVisible()).toBe(true);
    expect(await counter.getByText('Chưa cấp mã hồ sơ: mã được cấp khi nhận đủ giấy tờ.').isVisible()).toBe(true);
    expect(await counter.getByTestId('dossier-status').textContent()).toBe('Chờ bổ sung');
    expect(dossierCount()).toBe(before + 1);
    expect(hub.running.hub.deps.db.prepare("SELECT code, status FROM dossiers WHERE applicant_name = 'Trần Văn Bình'").get()).toEqual({ code: null, status: 'supplement_requested' });

    // Later the birth certificate arrives: from the dossier page, complete the supplement.
    await counter.keyboard.press('F6'); // Mở hồ sơ
    await expect.poll(() => counter.getByTestId('dossier-code').textContent()).toBe('Chưa cấp mã hồ sơ');
    await counter.keyboard.press('F9'); // Nhận đủ bổ sung
    const complete = counter.getByRole('dialog', { name: 'Nhận đủ giấy tờ bổ sung' });
    await expect.poll(() => complete.isVisible()).toBe(true);
    await complete.getByRole('checkbox', { name: /Giấy chứng sinh/ }).check();
    await complete.getByRole('button', { name: 'Tiếp nhận hồ sơ, cấp mã' }).click();
    await expect.poll(() => counter.getByTestId('dossier-code').textContent()).toMatch(codeOf(2));
    second.code = (await counter.getByTestId('dossier-code').textContent())!;
    second.lookup = (await counter.getByText(/^Mã tra cứu /).textContent())!.replace('Mã tra cứu ', '');
    expect(await counter.getByTestId('dossier-status').textContent()).toBe('Đã tiếp nhận');
    await printed('Giấy tiếp nhận hồ sơ và hẹn trả kết quả'); // printed right away, now that it has a code
    await printer.waitForJobs(3, 10_000); // and its slip
    await expect.poll(() => counter.getByTestId('slip-status').textContent()).toBe('Đã in phiếu 80 mm (có mã QR tra cứu) tại máy in Máy in phiếu quầy.');
    // Only the steps the lifecycle allows a received dossier are offered.
    const offered = await counter.getByRole('toolbar', { name: 'Thao tác với hồ sơ' }).getByRole('button').allTextContents();
    expect(offered.map((t) => t.replace(/(Shift\+)?F\d+$/, ''))).toEqual(['Chuyển xử lý', 'Đang xử lý', 'Đã có kết quả', 'Gia hạn', 'Yêu cầu bổ sung', 'Dừng giải quyết', 'In lại giấy tờ', 'In phiếu 80 mm']);

    // Processing is recorded, then the result handed over and who took it.
    await counter.keyboard.press('F4'); // Đã có kết quả
    await expect.poll(() => counter.getByTestId('dossier-status').textContent()).toBe('Đã có kết quả');
    await screenshot(counter, 'dossier-page-1366x768');
    expect(await accessibilityProblems(counter, null)).toEqual([]);
    await counter.keyboard.press('F6'); // Trả kết quả
    const handover = counter.getByRole('dialog', { name: 'Trả kết quả giải quyết' });
    await expect.poll(() => handover.isVisible()).toBe(true);
    expect(await handover.getByLabel('Kết quả 1: Tên giấy tờ kết quả').inputValue()).toBe('Giấy khai sinh (bản chính)');
    expect(await handover.getByLabel('Người nhận kết quả').inputValue()).toBe('Trần Văn Bình');
    await screenshot(counter, 'dossier-return-dialog-1366x768');
    await handover.getByRole('button', { name: 'Trả kết quả và in phiếu' }).click();
    await expect.poll(() => counter.getByTestId('dossier-status').textContent()).toBe('Đã trả kết quả');
    await printed('Phiếu trả kết quả');
    expect(await counter.getByTestId('timeliness').textContent()).toMatch(/^(Trước hạn|Đúng hạn)$/);
    expect(await counter.getByTestId('history').textContent()).toContain('Đã trả kết quả cho Trần Văn Bình');
    await screenshot(counter, 'dossier-page-returned-1366x768');
    expect(flat((await readPdf(await pdf(await idOf(second.code), 'handover'))).text())).toContain('Trần Văn Bình');
  });

  it('finds a dossier by a name fragment typed without diacritics, and opens one from its receipt QR', async () => {
    await counter.keyboard.press('Alt+3');
    await expect.poll(() => counter.getByRole('heading', { name: 'Tra cứu hồ sơ' }).isVisible()).toBe(true);
    await counter.keyboard.type('ngoc anh');
    const row = counter.getByRole('row', { name: new RegExp(first.code.replace(/\./g, '\\.')) });
    await expect.poll(() => row.isVisible()).toBe(true);
    expect(await row.textContent()).toContain('001*******45'); // masked on a list others can see
    await screenshot(counter, 'dossier-search-1366x768');
    expect(await accessibilityProblems(counter, null)).toEqual([]);
    await counter.keyboard.press('Enter');
    await expect.poll(() => counter.getByTestId('dossier-code').textContent()).toBe(first.code);
    expect(await counter.getByText('001099012345').isVisible()).toBe(true); // the full number on the dossier page

    // A keyboard-wedge scanner reads the QR of the second receipt.
    await counter.keyboard.type(`MC1|${second.code}|${second.lookup}`, { delay: 0 });
    await counter.keyboard.press('Enter');
    await expect.poll(() => counter.evaluate(() => document.activeElement?.textContent)).toBe('Mở hồ sơ');
    await counter.keyboard.press('Enter');
    await expect.poll(() => counter.getByTestId('dossier-code').textContent()).toBe(second.code);
    await counter.getByRole('button', { name: 'Kết quả tìm kiếm' }).click();
    await expect.poll(() => counter.getByLabel('Mã hồ sơ, số định danh, số điện thoại hoặc họ tên').inputValue()).toBe('ngoc anh');
  });

  it('fills the applicant from a citizen ID card read by the counter’s serial scanner, and refuses a dossier with the reason in words', async () => {
    await counter.keyboard.press('Alt+2');
    await expect.poll(() => counter.getByRole('button', { name: /^Tiếp nhận hồ sơ mới/ }).isVisible()).toBe(true);
    await counter.keyboard.press('F2');
    await expect.poll(focusedLabel).toBe('Họ và tên');
    // What a serial scanner at this counter delivers (a keyboard wedge would mangle the diacritics).
    const counterId = (await staff['counter.state']({})).counter!.id;
    hub.running.hub.bus.emit('scan', { counterId, text: '001099012345|123456789|Nguyễn Thị Hường|15081990|Nữ|Số 12 ngõ 34, Phường Dịch Vọng, Hà Nội|20042021' });
    await expect.poll(() => counter.getByRole('button', { name: 'Dùng thông tin này' }).isVisible()).toBe(true);
    await expect.poll(() => counter.evaluate(() => document.activeElement?.textContent)).toBe('Dùng thông tin này');
    await screenshot(counter, 'dossier-cccd-scan-1366x768');
    await counter.keyboard.press('Enter'); // the officer confirms what the card says
    await expect.poll(() => counter.getByLabel('Họ và tên').inputValue()).toBe('Nguyễn Thị Hường');
    expect(await counter.getByLabel('Số định danh cá nhân').inputValue()).toBe('001099012345');
    expect(await counter.getByLabel('Ngày sinh').inputValue()).toBe('15/08/1990');
    expect(await counter.getByLabel('Địa chỉ').inputValue()).toBe('Số 12 ngõ 34, Phường Dịch Vọng, Hà Nội');
    expect(await counter.getByText('Đã điền từ thẻ căn cước vừa quét — hãy đối chiếu với giấy tờ.').isVisible()).toBe(true);

    await counter.getByLabel('Tìm thủ tục (tên hoặc mã)').fill('ket hon');
    await expect.poll(() => counter.getByRole('option', { name: /Đăng ký kết hôn/ }).isVisible()).toBe(true);
    await counter.keyboard.press('Enter');
    await expect.poll(() => counter.getByTestId('procedure-facts').textContent()).toContain('Đăng ký kết hôn');
    const before = dossierCount();
    await counter.keyboard.press('F7');
    const refuse = counter.getByRole('dialog', { name: 'Từ chối tiếp nhận hồ sơ' });
    await expect.poll(() => refuse.isVisible()).toBe(true);
    await refuse.getByLabel(/Lý do từ chối/).fill('Sai');
    await refuse.getByRole('button', { name: 'Từ chối tiếp nhận' }).click();
    await expect.poll(() => refuse.getByRole('alert').textContent()).toMatch(/Lý do từ chối: .*10/);
    expect(dossierCount()).toBe(before);
    await refuse.getByLabel(/Lý do từ chối/).fill('Người yêu cầu không thuộc thẩm quyền đăng ký kết hôn của xã.');
    await refuse.getByRole('button', { name: 'Từ chối tiếp nhận' }).click();
    await expect.poll(() => counter.getByRole('heading', { name: 'Đã từ chối tiếp nhận hồ sơ' }).isVisible()).toBe(true);
    expect(await counter.getByTestId('dossier-status').textContent()).toBe('Đã từ chối tiếp nhận');
    expect(await counter.getByRole('button', { name: /^In phiếu từ chối \(A4\)/ }).isVisible()).toBe(true);
    expect(dossierCount()).toBe(before + 1);
    await screenshot(counter, 'dossier-refused-1366x768');
  });

  it('extends the return time with an apology, attaches a scan to a paper and opens it', async () => {
    await counter.keyboard.press('Alt+3');
    await expect.poll(() => counter.getByRole('row', { name: /Nguyễn Thị Ngọc Ánh/ }).isVisible()).toBe(true);
    await counter.getByLabel('Mã hồ sơ, số định danh, số điện thoại hoặc họ tên').press('Enter');
    await expect.poll(() => counter.getByTestId('dossier-code').textContent()).toBe(first.code);

    await counter.keyboard.press('F7');
    const extend = counter.getByRole('dialog', { name: 'Gia hạn thời gian trả kết quả' });
    await expect.poll(() => extend.isVisible()).toBe(true);
    const later = new Date(Date.now() + 7 * 3_600_000 + 10 * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('/');
    await extend.getByLabel('Ngày trả mới').fill(later);
    await extend.getByLabel('Giờ trả mới').fill('16:00');
    await extend.getByLabel(/Lý do gia hạn/).fill('Cần xác minh thêm thông tin với cơ quan đăng ký hộ tịch nơi sinh.');
    await extend.getByRole('button', { name: 'Gia hạn và in văn bản xin lỗi' }).click();
    await printed('Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết');
    await expect.poll(() => counter.getByTestId('due-at').textContent()).toBe(`16:00 ${later}`);
    expect(await counter.getByText(/Cần xác minh thêm thông tin/).first().isVisible()).toBe(true);
    // The history says the new time as people read it, in Vietnam time.
    expect(await counter.getByTestId('history').textContent()).toContain(`Gia hạn đến 16 giờ 00 phút, ngày ${later}: Cần xác minh thêm thông tin`);

    // A scan made at the scanner's highest resolution: the officer is told the limit before a long upload.
    await counter.getByLabel('Đính kèm bản quét cho').selectOption({ label: 'Giấy chứng sinh' });
    // A 45 MB file on the counter PC's disk (sparse: made at once, read by the browser from its path).
    const big = join(mkdtempSync(join(tmpdir(), 'motcua-scan-')), 'quet-600dpi.pdf');
    writeFileSync(big, '');
    truncateSync(big, 45_000_000);
    await counter.getByLabel('Chọn tệp bản quét…').setInputFiles(big);
    await counter.getByRole('button', { name: 'Đính kèm', exact: true }).click();
    await expect.poll(() => counter.getByText('Tệp bản quét quá lớn (45 MB): tối đa 30 MB. Hãy quét lại ở 200 dpi (đen trắng hoặc xám) hoặc chia thành nhiều tệp.').isVisible()).toBe(true);
    rmSync(dirname(big), { recursive: true, force: true });

    const scan = await PDFDocument.create();
    scan.addPage();
    scan.addPage();
    await counter.getByLabel('Chọn tệp bản quét…').setInputFiles({ name: 'giay-chung-sinh.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await scan.save()) });
    await counter.getByRole('button', { name: 'Đính kèm', exact: true }).click();
    await expect.poll(() => counter.getByText('Đã đính kèm giay-chung-sinh.pdf (2 trang) vào "Giấy chứng sinh".').isVisible()).toBe(true);
    await screenshot(counter, 'dossier-page-extended-1366x768');
    expect(await accessibilityProblems(counter, null)).toEqual([]);
    const [tab] = await Promise.all([counter.waitForEvent('popup'), counter.getByRole('button', { name: 'Mở bản quét giay-chung-sinh.pdf' }).click()]);
    expect(tab.url()).toMatch(/^blob:/);
    await counter.bringToFront();
  });

  it('shows the hub’s Vietnamese message for a wrong ID number and a future birth date, creates nothing, and a double click gives one dossier', async () => {
    await counter.keyboard.press('Alt+2');
    await expect.poll(() => counter.getByRole('button', { name: /^Tiếp nhận hồ sơ mới/ }).isVisible()).toBe(true);
    await counter.keyboard.press('F2');
    const before = dossierCount();
    await fillIntake({ name: 'Lê Văn Cường', id: '00109901234', dob: '01/01/2099', address: 'Thôn 1, xã Mẫu', phone: '0905000111' });
    await tickPapers([1, 2, 3]);
    await counter.keyboard.press('F9');
    // Each problem beside its field, and the officer taken to the first one (issue 13).
    const idField = counter.getByLabel('Số định danh cá nhân');
    const dobField = counter.getByLabel('Ngày sinh');
    await expect.poll(() => idField.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await idField.getAttribute('aria-invalid')).toBe('true');
    expect(await described(idField)).toContain('Số định danh cá nhân phải gồm đúng 12 chữ số');
    expect(await described(dobField)).toContain('Ngày sinh không hợp lệ: không được sau ngày hôm nay');
    expect(await counter.getByRole('alert').textContent()).toContain('xem ghi chú dưới ô được đánh dấu');
    await screenshot(counter, 'dossier-intake-error-1366x768');
    expect(await accessibilityProblems(counter, null)).toEqual([]);
    expect(dossierCount()).toBe(before);
    expect(await counter.getByLabel('Họ và tên').inputValue()).toBe('Lê Văn Cường'); // the form is kept

    // Corrected, the ID's note goes; the birth date refused alone takes the focus to it (sent by
    // the button this time, the key the next: both ways lead to the field).
    await idField.fill('001099000111');
    expect(await idField.getAttribute('aria-invalid')).toBeNull();
    await counter.getByRole('button', { name: /^Tiếp nhận F9/ }).click();
    await expect.poll(() => dobField.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await described(dobField)).toContain('Ngày sinh không hợp lệ: không được sau ngày hôm nay');
    // A date the screen cannot even read is said beside the field too, before asking the hub.
    await dobField.fill('31/02/1999');
    await counter.getByLabel('Họ và tên').focus();
    await counter.keyboard.press('F9');
    await expect.poll(() => dobField.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(await described(dobField)).toContain('Ngày sinh phải có dạng ngày/tháng/năm');
    await dobField.fill('01/01/1999');
    await counter.getByRole('button', { name: /^Tiếp nhận F9/ }).dblclick();
    await expect.poll(() => counter.getByTestId('dossier-code').textContent()).toMatch(codeOf(3));
    await new Promise((r) => setTimeout(r, 500));
    expect(dossierCount()).toBe(before + 1);
  });

  it('exports the register as XLSX and PDF', async () => {
    await counter.keyboard.press('Alt+4');
    await expect.poll(() => counter.getByRole('heading', { name: 'Sổ theo dõi hồ sơ' }).isVisible()).toBe(true);
    await screenshot(counter, 'dossier-register-1366x768');
    expect(await accessibilityProblems(counter, null)).toEqual([]);
    const [xlsx] = await Promise.all([counter.waitForEvent('download'), counter.keyboard.press('F9')]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const [pdfFile] = await Promise.all([counter.waitForEvent('download'), counter.keyboard.press('F8')]);
    expect(pdfFile.suggestedFilename()).toMatch(/\.pdf$/);
  });

  it('admin: procedures (import with rejected rows, a new version), working calendar, dossier settings with a live code example', async () => {
    const page = await newPage(sizes.admin);
    // The admin's computer runs a day ahead of the hub: a new version must still start from the
    // hub's today, or it would be filed as not yet in force and the old one kept in use.
    await page.clock.setFixedTime(Date.now() + 86_400_000);
    await page.goto(`${hub.url}/admin#thu-tuc`);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill(ADMIN_PASSWORD);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: /Đăng ký khai sinh \(mẫu\)/ }).isVisible()).toBe(true);

    const csv = [
      'code,name,field,authority,processing_unit,processing_value,documents,fees,result,valid_from,active',
      '1.009999.000.00.00.H21,Cấp bản sao trích lục hộ tịch,Hộ tịch,Ủy ban nhân dân cấp xã,working_days,1,Tờ khai|bản chính|1|1,Phí cấp bản sao|8000,Bản sao trích lục,2025-07-01,1',
      'X,,Hộ tịch,,fortnight,1,,,,2025-07-01,1',
      '1.009998.000.00.00.H21,Cấp bản sao trích lục khai tử,Hộ tịch,Ủy ban nhân dân cấp xã,working_days,1,Tờ khai|bản chính|1|1,,Bản sao trích lục,2030-01-01,1',
    ].join('\n');
    await page.getByLabel('Tệp danh mục').setInputFiles({ name: 'danh-muc.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Nhập danh mục' }).click();
    await expect.poll(() => page.getByText(/Đã thêm 2 thủ tục/).isVisible()).toBe(true);
    // Each refused row in words the admin can act on, as the hub wrote them.
    expect(await page.getByRole('list', { name: 'Các dòng bị từ chối' }).textContent()).toMatch(/^Dòng 3: mã thủ tục \(cột code\) “X” không đúng dạng mã thủ tục .*; thiếu tên thủ tục \(cột name\); đơn vị thời hạn \(cột processing_unit\) “fortnight” không hợp lệ/);
    await expect.poll(() => page.getByRole('button', { name: /Cấp bản sao trích lục hộ tịch/ }).isVisible()).toBe(true);
    // A version that applies later is listed too, with the date it starts.
    expect(await page.getByRole('button', { name: /Cấp bản sao trích lục khai tử/ }).textContent()).toContain('áp dụng từ 01/01/2030');
    await page.getByRole('list', { name: 'Các dòng bị từ chối' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'dossier-admin-import-1366x768');
    await page.getByLabel('Tìm trong danh mục').scrollIntoViewIfNeeded();
    await screenshot(page, 'dossier-admin-procedures-1366x768');
    expect(await accessibilityProblems(page, null)).toEqual([]);

    await page.getByRole('button', { name: /Đăng ký khai sinh \(mẫu\)/ }).click();
    await expect.poll(() => page.getByText('Lưu sẽ tạo phiên bản 2; hồ sơ đã tiếp nhận giữ phiên bản cũ.').isVisible()).toBe(true);
    expect(await page.getByLabel('Áp dụng từ ngày').inputValue()).toBe(vnDate(Date.now()).split('-').reverse().join('/'));
    await page.getByLabel('Giấy tờ 3: Tên giấy tờ').fill('Giấy tờ tùy thân của người đi đăng ký (xuất trình bản chính)');
    await screenshot(page, 'dossier-admin-procedure-form-1366x768');
    await page.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
    await expect.poll(() => page.getByRole('button', { name: /Đăng ký khai sinh.*phiên bản 2 · nhập tay/ }).isVisible()).toBe(true);
    // The old version stays in the list, marked as replaced.
    expect(await page.getByRole('button', { name: /Đăng ký khai sinh \(mẫu\)/ }).textContent()).toContain('đã có phiên bản mới hơn');
    expect((await admin['procedures.get']({ code: '1.001193.000.00.00.H21' })).documents[2]!.name).toBe('Giấy tờ tùy thân của người đi đăng ký (xuất trình bản chính)');

    // The computer's clock right again: the calendar opens at the computer's year (a day ahead on
    // 31 December would be next year's).
    await page.clock.setFixedTime(Date.now());
    await page.getByRole('link', { name: 'Lịch làm việc' }).click();
    await expect.poll(() => page.getByLabel('Ngày lễ 1: Tên ngày').isVisible()).toBe(true);
    // A weekday without working hours is a day off here, not a day without queue numbers.
    const emptyDays = await page.locator('.hours-closed').allTextContents();
    expect(emptyDays.length).toBeGreaterThan(0);
    expect(new Set(emptyDays)).toEqual(new Set(['Ngày nghỉ']));
    await screenshot(page, 'dossier-admin-calendar-1366x768');
    expect(await accessibilityProblems(page, null)).toEqual([]);
    await page.getByLabel('Giờ chốt nhận hồ sơ trong ngày').fill('16:00');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => page.getByText('Đã lưu.').isVisible()).toBe(true);
    const year = Number(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4));
    expect((await admin['calendar.get']({ year })).calendar.sameDayCutoff).toBe('16:00');

    await page.getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await expect.poll(() => page.getByTestId('code-example').textContent()).toMatch(/^000\.00\.15\.H21-\d{6}-0001$/);
    await page.getByLabel('Phần mã bàn').fill('2');
    expect(await page.getByTestId('code-example').textContent()).toMatch(/^000\.00\.15\.H21-\d{6}-20001$/);
    await screenshot(page, 'dossier-admin-settings-1366x768');
    expect(await accessibilityProblems(page, null)).toEqual([]);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => page.getByText('Đã lưu.').isVisible()).toBe(true);
    expect((await admin['dossierSettings.get']({})).code.deskPart).toBe('2');
  });
  it('refreshes an open dossier page when another officer changes it, and prints A4 forms through the Electron shell where there is one', async () => {
    // A second officer at counter 2, in the Electron window on the hub PC: the shell prints PDFs itself.
    await hub.staff('tiepnhan2');
    const context = await deviceContext(browser, sizes.counter);
    contexts.push(context);
    await context.addInitScript(() => {
      const printed: string[] = [];
      Object.assign(window, {
        printedByShell: printed,
        motcuaShell: {
          deviceToken: async () => null,
          onUnlockRequest: () => () => undefined,
          unlock: async () => false,
          printPdf: async (pdfBase64: string) => {
            printed.push(pdfBase64);
            return true;
          },
        },
      });
    });
    const other = await context.newPage();
    await openCounter(other, hub.url, 'tiepnhan2', STAFF_PASSWORD, '2');
    await expect.poll(() => other.getByRole('button', { name: /^Tra cứu hồ sơ/ }).isVisible()).toBe(true);
    await other.keyboard.press('Alt+3');
    await other.getByLabel('Mã hồ sơ, số định danh, số điện thoại hoặc họ tên').fill(first.code);
    await expect.poll(() => other.getByRole('row', { name: new RegExp(first.code.replace(/\./g, '\\.')) }).isVisible()).toBe(true);
    await other.keyboard.press('Enter');
    await expect.poll(() => other.getByTestId('dossier-code').textContent()).toBe(first.code);
    expect(await other.getByTestId('dossier-status').textContent()).toBe('Đã tiếp nhận');

    // The first officer forwards it: the second officer's open page follows without a reload.
    await staff['dossiers.advance']({ dossierId: await idOf(first.code), step: 'forward', note: 'Chuyển công chức tư pháp' });
    await expect.poll(() => other.getByTestId('dossier-status').textContent()).toBe('Đã chuyển xử lý');
    expect(await other.getByTestId('history').textContent()).toContain('Chuyển cơ quan giải quyết: Chuyển công chức tư pháp');
    expect(await other.getByRole('button', { name: /^Chuyển xử lý/ }).count()).toBe(0); // no longer a step it allows
    await screenshot(other, 'dossier-page-refreshed-1366x768');

    // Reprinting the receipt goes to the shell's A4 printer, no browser dialog.
    await other.keyboard.press('Shift+F9');
    await expect.poll(() => other.getByRole('dialog', { name: 'In lại giấy tờ của hồ sơ' }).isVisible()).toBe(true);
    await other.keyboard.press('1');
    await expect.poll(() => other.getByText('Giấy tiếp nhận hồ sơ và hẹn trả kết quả: đã gửi tới máy in A4.').isVisible()).toBe(true);
    const sent = await other.evaluate(() => (window as unknown as { printedByShell: string[] }).printedByShell);
    expect(sent).toHaveLength(1);
    expect(Buffer.from(sent[0]!, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('finds a dossier by what people type: a name without its apostrophe, the code\'s tail, the receipt\'s lookup code', async () => {
    const hbia = await staff['dossiers.receive'](
      intake({ applicant: { kind: 'person', fullName: 'Rơ Châm H’Bia', idNumber: '064190000011', dateOfBirth: '1990-08-15', address: 'Làng Ia Mơ Nông', phone: '', email: '' } }),
    );
    await counter.keyboard.press('Alt+3');
    const box = counter.getByLabel('Mã hồ sơ, số định danh, số điện thoại hoặc họ tên');
    const hits = counter.getByRole('table', { name: 'Hồ sơ tìm được' }).locator('tbody tr');
    const onlyHit = async (q: string, code: string | null) => {
      await box.fill(q);
      await expect.poll(async () => (await hits.allTextContents()).map((t) => t.match(/^000\.00\.15\.H21-\d{6}-\d+/)?.[0])).toEqual([code]);
    };
    await onlyHit('cham hbia', hbia.code);
    await screenshot(counter, 'dossier-search-apostrophe-1366x768');
    await onlyHit(second.code.slice('000.00.15.H21-'.length), second.code); // "YYMMDD-0002", as printed after the agency code
    await screenshot(counter, 'dossier-search-code-tail-1366x768');
    await onlyHit(hbia.lookupCode!.toLowerCase(), hbia.code);
    await counter.keyboard.press('Enter');
    await expect.poll(() => counter.getByTestId('dossier-code').textContent()).toBe(hbia.code);
  });
});

import { describe, expect, it } from 'vitest';
import { parseCccdQr, type CccdErrorCode, type CccdParseResult } from '../../main/core/cccd-qr';

const NOW = Date.parse('2026-11-25T09:00:00+07:00');
const ADDRESS = 'Số 12 ngõ 34 Trần Thái Tông, Phường Dịch Vọng, Quận Cầu Giấy, Hà Nội';

function card(fields: string[]): string {
  return fields.join('|');
}

const standard = ['001099012345', '123456789', 'Nguyễn Văn An', '15081990', 'Nam', ADDRESS, '20042021'];

function expectError(result: CccdParseResult, code: CccdErrorCode): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.code).toBe(code);
  // A sentence for the clerk, in Vietnamese; never a half-filled value.
  expect(result.message).toMatch(/[ạ-ỹđ]/u);
  expect(result).not.toHaveProperty('value');
}

describe('CCCD QR: good cards', () => {
  it('reads the 2021 chip card layout', () => {
    const raw = card(standard);
    expect(parseCccdQr(raw, NOW)).toEqual({
      ok: true,
      value: {
        idNumber: '001099012345',
        oldIdNumber: '123456789',
        fullName: 'Nguyễn Văn An',
        dateOfBirth: '1990-08-15',
        sex: 'Nam',
        address: ADDRESS,
        issueDate: '2021-04-20',
        extra: [],
        layout: 'standard',
        raw,
      },
    });
  });

  it('reads an empty old-ID field, and a 12-digit old CMND', () => {
    const empty = parseCccdQr(card(['079301004321', '', 'Trần Thị Bích Ngọc', '29022000', 'Nữ', 'Ấp 3, Xã Tân Thạnh Đông, Huyện Củ Chi, TP. Hồ Chí Minh', '10052022']), NOW);
    expect(empty).toMatchObject({ ok: true, value: { oldIdNumber: null, sex: 'Nữ', dateOfBirth: '2000-02-29', layout: 'standard' } });
    const twelve = parseCccdQr(card([standard[0], '031234567890', ...standard.slice(2)]), NOW);
    expect(twelve).toMatchObject({ ok: true, value: { oldIdNumber: '031234567890' } });
  });

  it('reads cards whose producer omits the old-ID field', () => {
    const fields = [standard[0], ...standard.slice(2)];
    expect(parseCccdQr(card(fields), NOW)).toMatchObject({ ok: true, value: { oldIdNumber: null, fullName: 'Nguyễn Văn An', layout: 'no-old-id' } });
  });

  it('keeps the extra fields of a 2024 card verbatim', () => {
    const raw = card([...standard.slice(0, 6), '01072024', 'Nguyễn Văn Bình', 'Lê Thị Hoa', '']);
    const result = parseCccdQr(raw, NOW);
    expect(result).toMatchObject({ ok: true, value: { issueDate: '2024-07-01', extra: ['Nguyễn Văn Bình', 'Lê Thị Hoa'], raw } });
  });

  it('takes the scanner suffix and decomposed (NFD) text in its stride, keeping the raw scan', () => {
    const raw = `${card(standard).normalize('NFD')}\r\n`;
    const result = parseCccdQr(raw, NOW);
    expect(result).toMatchObject({ ok: true, value: { fullName: 'Nguyễn Văn An', address: ADDRESS, raw } });
  });

  it('reads names of ethnic minorities spelt with apostrophes and rare letters', () => {
    const fields = [...standard];
    fields[2] = "H'Hen Niê";
    expect(parseCccdQr(card(fields), NOW)).toMatchObject({ ok: true, value: { fullName: "H'Hen Niê" } });
  });

  it('reads the apostrophe however the card producer typed it: straight, modifier letter ʼ or typographic ’ ‘', () => {
    for (const name of ["Rơ Châm H'Bia", 'Rơ Châm HʼBia', 'Rơ Châm H’Bia', 'Rơ Châm H‘Bia']) {
      const fields = [...standard];
      fields[2] = name;
      expect(parseCccdQr(card(fields), NOW)).toMatchObject({ ok: true, value: { fullName: name } });
    }
  });
});

describe('CCCD QR: refused scans', () => {
  it('refuses wrong field counts', () => {
    expectError(parseCccdQr(card(standard.slice(0, 5)), NOW), 'CCCD_FIELD_COUNT');
    expectError(parseCccdQr(card(standard.slice(0, 6)), NOW), 'CCCD_FIELD_COUNT');
    expectError(parseCccdQr('Xin chào, đây không phải thẻ', NOW), 'CCCD_FIELD_COUNT');
    expectError(parseCccdQr(card([...standard, ...Array(20).fill('x')]), NOW), 'CCCD_FIELD_COUNT');
  });

  it('refuses ID numbers that are not exactly 12 digits', () => {
    for (const id of ['00109901234', '0010990123456', '00109901234A', '']) {
      expectError(parseCccdQr(card([id, ...standard.slice(1)]), NOW), 'CCCD_ID_INVALID');
    }
    expectError(parseCccdQr(card([standard[0], '12345678', ...standard.slice(2)]), NOW), 'CCCD_OLD_ID_INVALID');
  });

  it('refuses impossible and future dates', () => {
    const withDob = (dob: string) => card([...standard.slice(0, 3), dob, ...standard.slice(4)]);
    for (const dob of ['31021990', '29022001', '00011990', '15131990', '1508199', '15/08/1990', '01011899', '01012027']) {
      expectError(parseCccdQr(withDob(dob), NOW), 'CCCD_DOB_INVALID');
    }
    const withIssue = (issue: string) => card([...standard.slice(0, 6), issue]);
    expectError(parseCccdQr(withIssue('31042021'), NOW), 'CCCD_ISSUE_DATE_INVALID');
    expectError(parseCccdQr(withIssue('01011980'), NOW), 'CCCD_ISSUE_DATE_INVALID');
    expectError(parseCccdQr(withIssue('26112026'), NOW), 'CCCD_ISSUE_DATE_INVALID');
    expect(parseCccdQr(withIssue('25112026'), NOW).ok).toBe(true);
  });

  it('refuses a sex other than Nam/Nữ and a name with digits', () => {
    expectError(parseCccdQr(card([...standard.slice(0, 4), 'Nu', ...standard.slice(5)]), NOW), 'CCCD_SEX_INVALID');
    expectError(parseCccdQr(card([...standard.slice(0, 2), 'Nguyễn Văn 4n', ...standard.slice(3)]), NOW), 'CCCD_NAME_INVALID');
  });

  it('refuses empty scans', () => {
    expectError(parseCccdQr('', NOW), 'CCCD_EMPTY');
    expectError(parseCccdQr(' \r\n', NOW), 'CCCD_EMPTY');
  });
});

describe('CCCD QR: mojibake', () => {
  const mangled = (raw: string) => expectError(parseCccdQr(raw, NOW), 'CCCD_MANGLED');

  it('refuses bytes that were not UTF-8 (replacement characters)', () => {
    mangled(card(standard).replace('ễ', '\uFFFD\uFFFD'));
  });

  it('refuses control characters inside the scan', () => {
    mangled(card(standard).replace('Văn', 'V\u0003n'));
    mangled(card(standard).replace('Nam', 'Na\tm'));
  });

  it('refuses UTF-8 read as Windows-1252 ("Nguyá»…n")', () => {
    const doubleEncoded = Buffer.from(card(standard), 'utf8').toString('latin1');
    mangled(doubleEncoded);
    mangled(card(standard).replace('Nguyễn', 'Nguyá»…n'));
  });

  it('refuses a scan typed through a keyboard layout without any Vietnamese letter', () => {
    mangled('001099012345|123456789|Nguyen Van An|15081990|Nam|So 12 ngo 34, Phuong Dich Vong, Ha Noi|20042021');
  });

  it('refuses Telex leftovers of an input method that could not keep up', () => {
    mangled(card([...standard.slice(0, 2), 'Nguyeenx Vawn An', ...standard.slice(3)]));
    mangled(card([...standard.slice(0, 5), 'Phường Dịch Vọng, Quaanj Cầu Giấy', standard[6]]));
  });
});

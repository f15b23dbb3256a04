import { vnDate } from './vn-time';

/**
 * The QR on a chip citizen ID card (CCCD) or a 2024 "thẻ căn cước". There is no published spec;
 * the de-facto layout (domain-vn.md) is UTF-8, `|`-separated:
 *   id (12 digits) | old CMND (9 or 12 digits, may be empty, some producers omit the field) |
 *   full name | date of birth ddMMyyyy | Nam/Nữ | address | issue date ddMMyyyy | …2024 extras
 * Parsing is all-or-nothing: either every field checks out or the scan is refused with a stable
 * code and a Vietnamese message, so a form is never half-filled from a damaged scan. Staff still
 * confirm every value on screen.
 */

export type CccdLayout = 'standard' | 'no-old-id';

export interface CccdCard {
  readonly idNumber: string;
  readonly oldIdNumber: string | null;
  readonly fullName: string;
  /** `YYYY-MM-DD`. */
  readonly dateOfBirth: string;
  readonly sex: 'Nam' | 'Nữ';
  readonly address: string;
  /** `YYYY-MM-DD`. */
  readonly issueDate: string;
  /** Fields after the issue date (2024 cards; order unconfirmed), kept verbatim for staff to see. */
  readonly extra: readonly string[];
  readonly layout: CccdLayout;
  /** The scan exactly as received. */
  readonly raw: string;
}

export type CccdErrorCode =
  | 'CCCD_EMPTY'
  | 'CCCD_MANGLED'
  | 'CCCD_FIELD_COUNT'
  | 'CCCD_ID_INVALID'
  | 'CCCD_OLD_ID_INVALID'
  | 'CCCD_NAME_INVALID'
  | 'CCCD_DOB_INVALID'
  | 'CCCD_SEX_INVALID'
  | 'CCCD_ADDRESS_INVALID'
  | 'CCCD_ISSUE_DATE_INVALID';

export type CccdParseResult = { ok: true; value: CccdCard } | { ok: false; code: CccdErrorCode; message: string };

const MESSAGES: Record<CccdErrorCode, string> = {
  CCCD_EMPTY: 'Không đọc được dữ liệu từ mã QR. Hãy quét lại.',
  CCCD_MANGLED:
    'Dữ liệu quét bị sai ký tự (thường do đầu đọc ở chế độ bàn phím cùng bộ gõ tiếng Việt). Hãy chuyển đầu đọc sang chế độ cổng COM hoặc tắt bộ gõ rồi quét lại.',
  CCCD_FIELD_COUNT: 'Mã QR không đúng định dạng thẻ căn cước công dân.',
  CCCD_ID_INVALID: 'Số định danh cá nhân trong mã QR phải gồm đúng 12 chữ số.',
  CCCD_OLD_ID_INVALID: 'Số CMND cũ trong mã QR không hợp lệ (phải gồm 9 hoặc 12 chữ số).',
  CCCD_NAME_INVALID: 'Họ và tên trong mã QR không hợp lệ.',
  CCCD_DOB_INVALID: 'Ngày sinh trong mã QR không phải là một ngày hợp lệ.',
  CCCD_SEX_INVALID: 'Giới tính trong mã QR phải là "Nam" hoặc "Nữ".',
  CCCD_ADDRESS_INVALID: 'Nơi thường trú trong mã QR không hợp lệ.',
  CCCD_ISSUE_DATE_INVALID: 'Ngày cấp trong mã QR không phải là một ngày hợp lệ.',
};

const MAX_LENGTH = 2000;
const MAX_FIELDS = 20;

/** `nowMs` decides "not in the future" for both dates, in Vietnam time. */
export function parseCccdQr(raw: string, nowMs: number): CccdParseResult {
  // Scanners end a read with CR/LF; a few pad with spaces.
  const text = raw.replace(/[\r\n\s]+$/u, '').replace(/^\s+/u, '');
  if (text === '') return fail('CCCD_EMPTY');
  if (text.length > MAX_LENGTH || looksMangled(text)) return fail('CCCD_MANGLED');
  // Every card's address names a commune-level unit spelt with marks (Xã, Phường, Thị trấn, Đặc
  // khu): a scan without a single non-ASCII letter was retyped through a keyboard layout.
  if (!/[\u00C0-\u1EF9]/u.test(text)) return fail('CCCD_MANGLED');

  const fields = text.normalize('NFC').split('|').map((f) => f.trim());
  if (fields.length > MAX_FIELDS) return fail('CCCD_FIELD_COUNT');
  // The old-ID slot is present when it is empty or all digits; otherwise the name follows the id.
  const hasOldIdField = fields.length > 1 && /^\d*$/.test(fields[1]);
  const base = hasOldIdField ? 7 : 6;
  if (fields.length < base) return fail('CCCD_FIELD_COUNT');
  const [idNumber, oldId, fullName, dob, sex, address, issue] = hasOldIdField ? fields : [fields[0], '', ...fields.slice(1)];
  const extra = trimTrailingEmpty(fields.slice(base));
  if ([fullName, address].some(hasTelexLeftover)) return fail('CCCD_MANGLED');

  if (!/^\d{12}$/.test(idNumber)) return fail('CCCD_ID_INVALID');
  if (oldId !== '' && !/^(\d{9}|\d{12})$/.test(oldId)) return fail('CCCD_OLD_ID_INVALID');
  if (!isPersonName(fullName)) return fail('CCCD_NAME_INVALID');
  const today = vnDate(nowMs);
  const dateOfBirth = parseDdMmYyyy(dob);
  if (dateOfBirth === null || dateOfBirth < '1900-01-01' || dateOfBirth > today) return fail('CCCD_DOB_INVALID');
  const sexValue = canonicalSex(sex);
  if (sexValue === null) return fail('CCCD_SEX_INVALID');
  if (!isAddress(address)) return fail('CCCD_ADDRESS_INVALID');
  const issueDate = parseDdMmYyyy(issue);
  if (issueDate === null || issueDate < dateOfBirth || issueDate > today) return fail('CCCD_ISSUE_DATE_INVALID');

  return {
    ok: true,
    value: {
      idNumber,
      oldIdNumber: oldId === '' ? null : oldId,
      fullName,
      dateOfBirth,
      sex: sexValue,
      address,
      issueDate,
      extra,
      layout: hasOldIdField ? 'standard' : 'no-old-id',
      raw,
    },
  };
}

function fail(code: CccdErrorCode): CccdParseResult {
  return { ok: false, code, message: MESSAGES[code] };
}

/**
 * Damage that never occurs in a card's UTF-8: the replacement character (bytes that were not
 * UTF-8), control characters, and UTF-8 read as Latin-1/Windows-1252 ("Nguyá»…n"): a lead byte
 * Ã–ô followed by what was a continuation byte (0x80–0xBF, or its cp1252 glyph).
 */
function looksMangled(text: string): boolean {
  if (/[\uFFFD\u0000-\u001F\u007F-\u009F]/u.test(text)) return true;
  return /[\u00C2-\u00F4][\u00A0-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/u.test(
    text,
  );
}

/**
 * Telex keystrokes an input method failed to compose: a word of plain letters with a doubled
 * vowel/đ or a w-hook, ending in a tone key ("Nguyeenx", "Traanf", "Ddoongf"). Vietnamese
 * spelling never produces that shape. Plain words without those pairs cannot be told apart from
 * names written without marks, so this is a net, not a proof.
 */
function hasTelexLeftover(text: string): boolean {
  return text.split(/[\s,.-]+/u).some((word) => /^[a-z]*(?:aa|aw|ee|oo|ow|uw|dd)[a-z]*[sfrxj]$/iu.test(word));
}

// Apostrophes of ethnic-minority names (H'Hen, Ksor H’Bia): the straight one, the modifier letter
// ʼ (U+02BC, a letter already) and the typographic ’ ‘ that word processors put in their place.
const NAME = /^[\p{L}\p{M}][\p{L}\p{M}'’‘ -]*$/u;

function isPersonName(name: string): boolean {
  return name.length >= 2 && name.length <= 100 && NAME.test(name);
}

function isAddress(address: string): boolean {
  return address.length >= 5 && address.length <= 300;
}

function canonicalSex(value: string): 'Nam' | 'Nữ' | null {
  const lower = value.toLowerCase();
  return lower === 'nam' ? 'Nam' : lower === 'nữ' ? 'Nữ' : null;
}

function trimTrailingEmpty(values: string[]): string[] {
  let end = values.length;
  while (end > 0 && values[end - 1] === '') end--;
  return values.slice(0, end);
}

/** `ddMMyyyy` → `YYYY-MM-DD`, or null unless it names a real calendar day. */
function parseDdMmYyyy(value: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(value);
  if (m === null) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${m[3]}-${m[2]}-${m[1]}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

import type { Dossier, DossierCodeSettings, DossierStatus, ProcessingTime } from './dossier';

/**
 * Words for the dossier's values, one copy for the hub (register, messages, history) and the
 * screens. Display only: which status allows what stays in main/core/dossier/lifecycle.ts.
 */
export const dossierStatusLabels: Record<DossierStatus, string> = {
  supplement_requested: 'Chờ bổ sung',
  refused: 'Đã từ chối tiếp nhận',
  received: 'Đã tiếp nhận',
  forwarded: 'Đã chuyển xử lý',
  processing: 'Đang xử lý',
  result_ready: 'Đã có kết quả',
  returned: 'Đã trả kết quả',
  withdrawn: 'Đã dừng giải quyết',
};

/** Returned before the due day, on it, or late (QĐ 766 "Trước hạn / Đúng hạn / Quá hạn"). */
export const dossierTimelinessLabels: Record<NonNullable<Dossier['timeliness']>, string> = { early: 'Trước hạn', on_time: 'Đúng hạn', late: 'Quá hạn' };

export const channelLabels: Record<Dossier['channel'], string> = { direct: 'Trực tiếp', postal: 'Qua bưu chính' };

/** "05 ngày làm việc", "16 giờ làm việc", "Trong ngày": how the receipt states the processing time. */
export function processingText(p: ProcessingTime): string {
  if (p.unit === 'same_day') return 'Trong ngày';
  const n = String(p.value).padStart(2, '0');
  return p.unit === 'working_days' ? `${n} ngày làm việc` : `${n} giờ làm việc`;
}

const codePlaceholders = ['{agency}', '{yymmdd}', '{desk}', '{seq}'] as const;
const PLACEHOLDER = /\{[^{}]*\}/g;

/**
 * Why a dossier code pattern cannot make legal codes, or null. The agency and the sequence make a
 * code unique between sites and within a day, the date between days (TT 01/2018 Điều 19), so all
 * three must be there; any other `{…}` is a typo that would be printed as it stands.
 */
export function codePatternProblem(pattern: string): string | null {
  const missing = ['{agency}', '{yymmdd}', '{seq}'].filter((p) => !pattern.includes(p));
  if (missing.length) return `Mẫu mã hồ sơ phải có ${missing.join(', ')}.`;
  const unknown = (pattern.match(PLACEHOLDER) ?? []).filter((p) => !(codePlaceholders as readonly string[]).includes(p));
  if (unknown.length) return `Mẫu mã hồ sơ chỉ dùng ${codePlaceholders.join(', ')}; không có ${unknown.join(', ')}.`;
  return null;
}

/**
 * A dossier code from the site's pattern: `{agency}`, `{yymmdd}` (the receipt date, YYYY-MM-DD
 * in Vietnam), `{desk}` and `{seq}` (zero-padded to the width, never truncated). One pass over
 * the pattern: a value is never searched for placeholders again, so whatever the agency code or
 * the desk part holds is printed as it is. The hub checks the agency code before it issues one;
 * the admin screen shows the same text as an example.
 */
export function dossierCodeOf(settings: DossierCodeSettings, agencyCode: string, receiptDate: string, seq: number): string {
  const values: Record<string, string> = {
    '{agency}': agencyCode.trim(),
    '{yymmdd}': receiptDate.slice(2, 4) + receiptDate.slice(5, 7) + receiptDate.slice(8, 10),
    '{desk}': settings.deskPart,
    '{seq}': String(seq).padStart(settings.sequenceWidth, '0'),
  };
  return settings.pattern.replace(PLACEHOLDER, (p) => values[p] ?? p);
}

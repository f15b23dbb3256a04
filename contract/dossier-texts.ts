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

/** "05 ngày làm việc", "16 giờ làm việc", "Trong ngày": how the receipt states the processing time. */
export function processingText(p: ProcessingTime): string {
  if (p.unit === 'same_day') return 'Trong ngày';
  const n = String(p.value).padStart(2, '0');
  return p.unit === 'working_days' ? `${n} ngày làm việc` : `${n} giờ làm việc`;
}

/**
 * A dossier code from the site's pattern: `{agency}`, `{yymmdd}` (the receipt date, YYYY-MM-DD
 * in Vietnam), `{desk}` and `{seq}` (zero-padded to the width, never truncated). The hub checks
 * the agency code before it issues one; the admin screen shows the same text as an example.
 */
export function dossierCodeOf(settings: DossierCodeSettings, agencyCode: string, receiptDate: string, seq: number): string {
  const yymmdd = receiptDate.slice(2, 4) + receiptDate.slice(5, 7) + receiptDate.slice(8, 10);
  return settings.pattern
    .replaceAll('{agency}', agencyCode.trim())
    .replaceAll('{yymmdd}', yymmdd)
    .replaceAll('{desk}', settings.deskPart)
    .replaceAll('{seq}', String(seq).padStart(settings.sequenceWidth, '0'));
}

import type { Dossier, DossierStatus, DocumentForm, ProcessingTime } from '../../../../contract/dossier';
import { ddmmyyyy, hhmm } from '../../ui/format';

/**
 * Words the dossier screens show for the hub's values. Display only: which status allows what,
 * and every check, stay in the hub.
 */
export const statusLabels: Record<DossierStatus, string> = {
  supplement_requested: 'Chờ bổ sung',
  refused: 'Đã từ chối tiếp nhận',
  received: 'Đã tiếp nhận',
  forwarded: 'Đã chuyển xử lý',
  processing: 'Đang xử lý',
  result_ready: 'Đã có kết quả',
  returned: 'Đã trả kết quả',
  withdrawn: 'Đã dừng giải quyết',
};

export const formLabels: Record<DocumentForm, string> = {
  original: 'Bản chính',
  copy: 'Bản sao',
  certified_copy: 'Bản sao chứng thực',
  original_or_copy: 'Bản chính hoặc bản sao',
};

export const timelinessLabels: Record<NonNullable<Dossier['timeliness']>, string> = {
  early: 'Trước hạn',
  on_time: 'Đúng hạn',
  late: 'Quá hạn',
};

export const channelLabels: Record<Dossier['channel'], string> = { direct: 'Trực tiếp', postal: 'Qua bưu chính' };

export const returnMethodLabels: Record<Dossier['returnMethod'], string> = {
  desk: 'Tại Bộ phận một cửa',
  post: 'Qua bưu điện',
  online: 'Trực tuyến',
};

/** "05 ngày làm việc", as the procedure states it. */
export function processingLabel(p: ProcessingTime): string {
  if (p.unit === 'same_day') return 'Trong ngày';
  return `${String(p.value).padStart(2, '0')} ${p.unit === 'working_days' ? 'ngày làm việc' : 'giờ làm việc'}`;
}

/** 5000 → "5.000 đồng". */
export function vnd(amount: number): string {
  return `${amount.toLocaleString('vi-VN')} đồng`;
}

/** "14 giờ 05 phút, ngày 26/11/2026" in Vietnam time, as the receipt prints it. */
export function longTime(iso: string): string {
  const ms = Date.parse(iso);
  const [h, m] = hhmm(ms).split(':');
  return `${h} giờ ${m} phút, ngày ${ddmmyyyy(ms)}`;
}

/** "14:05 26/11/2026", for lists; "—" when there is no time. */
export function shortTime(iso: string | null): string {
  return iso ? `${hhmm(Date.parse(iso))} ${ddmmyyyy(Date.parse(iso))}` : '—';
}

export type FormKind = 'receipt' | 'supplementRequest' | 'refusal' | 'apology' | 'withdrawal' | 'handover';

export const formTitles: Record<FormKind, string> = {
  receipt: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  supplementRequest: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  refusal: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  apology: 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết',
  withdrawal: 'Thông báo dừng giải quyết hồ sơ',
  handover: 'Phiếu trả kết quả',
};

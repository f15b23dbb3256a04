import type { Dossier, DocumentForm, DossierForm } from '../../../../contract/dossier';
import { ddmmyyyy, hhmm } from '../../ui/format';

/**
 * Words the dossier screens show for the hub's values. Display only: which status allows what,
 * and every check, stay in the hub. Status, timeliness and processing-time words are shared with
 * the hub (contract/dossier-texts.ts), and the channel's too.
 */
export { channelLabels, dossierStatusLabels as statusLabels, dossierTimelinessLabels as timelinessLabels, processingText as processingLabel } from '../../../../contract/dossier-texts';

export const formLabels: Record<DocumentForm, string> = {
  original: 'Bản chính',
  copy: 'Bản sao',
  certified_copy: 'Bản sao chứng thực',
  original_or_copy: 'Bản chính hoặc bản sao',
};

export const returnMethodLabels: Record<Dossier['returnMethod'], string> = {
  desk: 'Tại Bộ phận một cửa',
  post: 'Qua bưu điện',
  online: 'Trực tuyến',
};

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


export const formTitles: Record<DossierForm, string> = {
  receipt: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả',
  supplementRequest: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ',
  refusal: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ',
  apology: 'Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết',
  withdrawal: 'Thông báo dừng giải quyết hồ sơ',
  handover: 'Phiếu trả kết quả',
};

import { isPaperShort, type Applicant, type IntakeInput, type RequiredDocument } from '../../../contract/dossier';
import { HubError } from '../../../contract/errors';

/**
 * Checks a person's or organisation's details; every problem at once, in Vietnamese. Each problem
 * also names its field (`issues`, the input's path as schema checks give it), so the form can show
 * it beside the field and take the officer there.
 */
export function checkApplicant(a: Applicant, today: string): void {
  const issues: { path: string; message: string }[] = [];
  const problem = (field: 'idNumber' | 'dateOfBirth' | 'phone' | 'email', message: string) => issues.push({ path: `applicant.${field}`, message });
  if (a.kind === 'person') {
    if (!/^\d{12}$/.test(a.idNumber) && !/^[A-Z]\d{7,8}$/.test(a.idNumber)) {
      problem('idNumber', 'Số định danh cá nhân phải gồm đúng 12 chữ số (hoặc số hộ chiếu như B1234567).');
    }
    if (a.dateOfBirth !== null && (a.dateOfBirth > today || a.dateOfBirth < '1900-01-01')) {
      problem('dateOfBirth', 'Ngày sinh không hợp lệ: không được sau ngày hôm nay hoặc trước năm 1900.');
    }
  } else if (a.idNumber && !/^\d{10}(-\d{3})?$/.test(a.idNumber)) {
    problem('idNumber', 'Mã số doanh nghiệp/mã số thuế gồm 10 chữ số (chi nhánh thêm -XXX).');
  }
  if (a.phone && !/^(\+84|0)\d{9,10}$/.test(a.phone.replace(/[\s.-]/g, ''))) problem('phone', 'Số điện thoại không hợp lệ (ví dụ 0912345678).');
  if (a.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a.email)) problem('email', 'Địa chỉ email không hợp lệ.');
  if (issues.length > 0) {
    const problems = issues.map((i) => i.message);
    throw new HubError('VALIDATION_FAILED', problems.join(' '), { problems, issues });
  }
}

export interface PaperCheck {
  readonly index: number;
  readonly doc: RequiredDocument;
  readonly received: number;
}

/** The procedure's papers against what the applicant handed in. */
export function checkPapers(required: readonly RequiredDocument[], given: IntakeInput['documents']): { papers: PaperCheck[]; missing: PaperCheck[] } {
  for (const g of given) {
    if (g.index >= required.length) throw new HubError('VALIDATION_FAILED', 'Danh sách giấy tờ không khớp với thủ tục đã chọn. Vui lòng tải lại.');
  }
  const papers = required.map((doc, index) => ({ index, doc, received: given.find((g) => g.index === index)?.count ?? 0 }));
  return { papers, missing: papers.filter((p) => isPaperShort(p.doc, p.received)) };
}

/**
 * A dossier can only be received complete: a missing mandatory paper is the supplement-request
 * path (Phiếu yêu cầu bổ sung lists everything missing at once), not a received dossier.
 */
export function requireComplete(missing: readonly PaperCheck[]): void {
  if (missing.length === 0) return;
  throw new HubError(
    'DOSSIER_INCOMPLETE',
    `Hồ sơ chưa đủ giấy tờ bắt buộc: ${missing.map((m) => `${m.doc.name} (cần ${m.doc.count}, đã nhận ${m.received})`).join('; ')}. Hãy lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.`,
    { missing: missing.map((m) => m.index) },
  );
}

/** How the result goes back: by post it needs the address to send it to. */
export function checkReturn(returnMethod: IntakeInput['returnMethod'], deliveryAddress: string): void {
  if (returnMethod === 'post' && !deliveryAddress.trim()) throw new HubError('VALIDATION_FAILED', 'Trả kết quả qua bưu điện cần địa chỉ nhận.');
}

/** A return time the officer sets by hand (instead of the computed one) comes after the receipt. */
export function checkDueOverride(override: IntakeInput['dueOverride'], receivedAt: number): void {
  if (override && Date.parse(override.dueAt) <= receivedAt) throw new HubError('VALIDATION_FAILED', 'Thời gian hẹn trả phải sau thời điểm tiếp nhận.');
}

/** Correcting the applicant keeps who applied: a person stays a person, an organisation an organisation. */
export function checkApplicantCorrection(stored: Applicant['kind'], corrected: Applicant): void {
  if (corrected.kind !== stored) throw new HubError('VALIDATION_FAILED', 'Không đổi được loại người nộp (cá nhân/tổ chức) của hồ sơ đã lập.');
}

/** "0912 345 678" → "0912345678", "+84912345678" → "0912345678": one form for searching. */
export function phoneDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('84') && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
}

/** 001099012345 → 001*******45: enough to tell two people apart on a list, not enough to copy. */
export function maskIdNumber(id: string): string {
  if (id.length <= 5) return '*'.repeat(id.length);
  return id.slice(0, 3) + '*'.repeat(id.length - 5) + id.slice(-2);
}

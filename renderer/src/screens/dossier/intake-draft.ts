import { isPaperShort, type Dossier, type ProcedureVersion, type ReceivedDossier } from '../../../../contract/dossier';
import type { OpInput } from '../../../../contract/ops';
import { LocalProblem } from '../../hub/problem';
import { isIsoDate, vnInstant } from './vn-date';

/** What the three outcomes send (as the client types it: defaults may be left out). */
type Input = OpInput<'dossiers.receive'>;

/** What the officer has entered at the desk, kept while they switch to the queue and back. */
export interface IntakeDraft {
  /** One per form: the hub answers a repeated request with the dossier it already made. */
  readonly requestId: string;
  readonly ticket: { readonly id: string; readonly displayCode: string } | null;
  readonly kind: 'person' | 'organisation';
  readonly fullName: string;
  readonly idNumber: string;
  /** YYYY-MM-DD, or the text as typed while it is not a date yet. */
  readonly dateOfBirth: string;
  readonly representative: string;
  readonly address: string;
  readonly phone: string;
  readonly email: string;
  /** Filled from a scanned citizen ID card: the officer confirms the values. */
  readonly fromCccd: boolean;
  readonly procedure: ProcedureVersion | null;
  /** Papers handed in, by the procedure's document index. */
  readonly received: readonly number[];
  readonly sets: number;
  readonly channel: Input['channel'];
  readonly returnMethod: 'desk' | 'post';
  readonly deliveryAddress: string;
  readonly note: string;
  readonly override: { readonly on: boolean; readonly date: string; readonly time: string; readonly reason: string };
}

/** The intake tab: the form, or what came of it. */
export interface IntakeState {
  readonly draft: IntakeDraft;
  /** The dossier as the hub answered; a received one comes with its 80 mm slip (`slip`). */
  readonly outcome: Dossier | ReceivedDossier | null;
}

export function blankDraft(ticket: IntakeDraft['ticket'] = null): IntakeDraft {
  return {
    requestId: crypto.randomUUID(),
    ticket,
    kind: 'person',
    fullName: '', idNumber: '', dateOfBirth: '', representative: '', address: '', phone: '', email: '',
    fromCccd: false,
    procedure: null,
    received: [],
    sets: 1,
    channel: 'direct',
    returnMethod: 'desk',
    deliveryAddress: '',
    note: '',
    override: { on: false, date: '', time: '', reason: '' },
  };
}

/** The procedure's papers not handed in (fully) among the mandatory ones: the supplement list. */
export function missingPapers(d: IntakeDraft): { index: number; name: string; need: number; have: number }[] {
  return (d.procedure?.documents ?? []).flatMap((doc, index) => {
    const have = d.received[index] ?? 0;
    return isPaperShort(doc, have) ? [{ index, name: doc.name, need: doc.count, have }] : [];
  });
}

/** Field paths of the intake input in the officer's words, for the hub's validation messages. */
export const intakeFieldNames: Record<string, string> = {
  procedureCode: 'Thủ tục',
  'applicant.fullName': 'Họ và tên / Tên tổ chức',
  'applicant.idNumber': 'Số định danh / Mã số doanh nghiệp',
  'applicant.dateOfBirth': 'Ngày sinh',
  'applicant.representative': 'Người đại diện',
  'applicant.address': 'Địa chỉ',
  'applicant.phone': 'Số điện thoại',
  'applicant.email': 'Email',
  documents: 'Giấy tờ',
  sets: 'Số bộ hồ sơ',
  deliveryAddress: 'Địa chỉ nhận kết quả',
  note: 'Ghi chú',
  'dueOverride.dueAt': 'Thời gian trả khác',
  'dueOverride.reason': 'Lý do ấn định thời gian trả',
  items: 'Giấy tờ cần bổ sung',
  reason: 'Lý do từ chối',
};

/** The fields the intake form shows by the input's path: a problem naming one is shown beside it. */
export const intakeFormFields = [
  'applicant.fullName', 'applicant.idNumber', 'applicant.dateOfBirth', 'applicant.representative', 'applicant.address',
  'applicant.phone', 'applicant.email', 'deliveryAddress', 'note',
] as const;

/** The form as the hub's intake input; a LocalProblem when something typed is not even a date. */
export function intakeInput(d: IntakeDraft): Input {
  if (!d.procedure) throw new LocalProblem('Hãy chọn thủ tục hành chính trước.');
  const dob = d.dateOfBirth.trim();
  if (d.kind === 'person' && dob !== '' && !isIsoDate(dob)) throw new LocalProblem('Ngày sinh phải có dạng ngày/tháng/năm, ví dụ 01/05/1990.', 'applicant.dateOfBirth');
  let dueOverride: Input['dueOverride'] = null;
  if (d.override.on) {
    const dueAt = vnInstant(d.override.date, d.override.time);
    if (!dueAt) throw new LocalProblem('Thời gian trả khác phải có ngày (dd/mm/yyyy) và giờ (HH:MM).');
    dueOverride = { dueAt, reason: d.override.reason };
  }
  const contact = { address: d.address, phone: d.phone, email: d.email };
  return {
    requestId: d.requestId,
    procedureCode: d.procedure.code,
    applicant:
      d.kind === 'person'
        ? { kind: 'person', fullName: d.fullName, idNumber: d.idNumber.trim(), dateOfBirth: dob === '' ? null : dob, ...contact }
        : { kind: 'organisation', fullName: d.fullName, idNumber: d.idNumber.trim(), representative: d.representative, ...contact },
    documents: d.procedure.documents.map((_, index) => ({ index, count: d.received[index] ?? 0 })),
    sets: d.sets,
    channel: d.channel,
    returnMethod: d.returnMethod,
    deliveryAddress: d.returnMethod === 'post' ? d.deliveryAddress : '',
    ticketId: d.ticket?.id ?? null,
    note: d.note,
    dueOverride,
  };
}

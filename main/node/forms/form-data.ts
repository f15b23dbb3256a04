/**
 * What the dossier feature fills in to print a form. Plain data only: the wording, numbering and
 * layout of each form live in its template (templates/*), so a new circular changes a template,
 * not these types. Instants are UTC milliseconds; the forms print them in Vietnam time.
 */

/** The top of every form: who issues it, and the dateline under the national motto. */
export interface FormHeader {
  /**
   * The issuing body, highest level first, e.g. ["UBND XÃ IA GRAI", "BỘ PHẬN MỘT CỬA"]. The last
   * line is the unit that issues the form and is printed bold; long lines wrap.
   */
  readonly agencyLines: readonly string[];
  /** Place name of the dateline "<place>, ngày … tháng … năm …". */
  readonly place: string;
  /** The date the form bears. */
  readonly issuedAt: number;
  /** Document number of a letter ("Số: 15/TB-BPMC"); receipts and slips have none. */
  readonly documentNumber?: string;
}

export interface Applicant {
  readonly kind: 'person' | 'organisation';
  /** Full name of the person, or the name of the organisation. */
  readonly name: string;
  /** For an organisation: the person who files and signs for it. */
  readonly representative?: string;
  readonly address: string;
  readonly phone?: string;
  readonly email?: string;
}

/** Bản chính / Bản sao / Bản sao chứng thực: the template holds the words. */
export type DocumentKind = 'original' | 'copy' | 'certified-copy';

/** One line of "Thành phần hồ sơ". */
export interface SubmittedDocument {
  readonly name: string;
  readonly kind: DocumentKind;
  readonly count: number;
}

export interface Fee {
  /** "Lệ phí đăng ký khai sinh". */
  readonly name: string;
  readonly amountVnd: number;
}

/** Where the applicant registered to receive the result. */
export type ResultDelivery =
  | { readonly kind: 'desk'; readonly place: string }
  | { readonly kind: 'post'; readonly address: string }
  | { readonly kind: 'online'; readonly channel: string };

/** "Vào Sổ theo dõi hồ sơ, Quyển số … Số thứ tự …". */
export interface RegisterPlace {
  readonly book: string;
  readonly sequence: string;
}

/** The secret printed on the receipt: status lookup needs the dossier code plus this, or the QR. */
export interface LookupCode {
  readonly code: string;
  /** ASCII payload of the QR (a URL or code string): drawn as vector squares. */
  readonly qrPayload: string;
}

/** Who signs a letter: title lines as the signature block prints them, then the name. */
export interface Signer {
  /** e.g. ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"] or ["GIÁM ĐỐC"]. */
  readonly titleLines: readonly string[];
  readonly name: string;
}

/** Giấy tiếp nhận hồ sơ và hẹn trả kết quả. The copy label (Liên 1, Liên 2) comes from the template. */
export interface ReceiptFormData {
  readonly header: FormHeader;
  readonly dossierCode: string;
  /** The desk that received it, printed as the line above "Tiếp nhận hồ sơ của". */
  readonly receivingUnit: string;
  readonly applicant: Applicant;
  /** Nội dung yêu cầu giải quyết: the procedure's name. */
  readonly procedureName: string;
  readonly documents: readonly SubmittedDocument[];
  /** Số lượng hồ sơ (bộ). */
  readonly sets: number;
  /** As the procedure states it: "05 ngày làm việc", "Trong ngày". */
  readonly processingTime: string;
  readonly receivedAt: number;
  readonly returnAt: number;
  readonly resultDelivery: ResultDelivery;
  readonly register: RegisterPlace;
  readonly fees?: readonly Fee[];
  readonly lookup?: LookupCode;
  /** The officer who received the dossier and signs the receipt. */
  readonly officerName: string;
}

/** One thing the applicant must add or fix, with the reason: all of them on one slip, once. */
export interface MissingItem {
  readonly what: string;
  readonly reason: string;
}

export interface SupplementRequestFormData {
  readonly header: FormHeader;
  /** Absent when the dossier was never accepted (checked at the desk before receipt). */
  readonly dossierCode?: string;
  readonly receivingUnit: string;
  readonly applicant: Applicant;
  readonly procedureName: string;
  readonly items: readonly MissingItem[];
  /** The officer who guides the applicant and signs. */
  readonly officerName: string;
  /** Phone number the applicant can call with questions. */
  readonly contactPhone?: string;
}

export interface RefusalFormData {
  readonly header: FormHeader;
  readonly dossierCode?: string;
  readonly receivingUnit: string;
  readonly applicant: Applicant;
  readonly procedureName: string;
  /** The reason in words, as the rule requires; may name the legal basis. */
  readonly reason: string;
  readonly officerName: string;
}

/** Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết, issued before the due date. */
export interface ApologyFormData {
  readonly header: FormHeader;
  readonly dossierCode: string;
  /** The authority that is late and apologises, as a sentence subject: "Ủy ban nhân dân xã Ia Grai". */
  readonly authorityName: string;
  readonly applicant: Applicant;
  readonly procedureName: string;
  readonly receivedAt: number;
  /** The return time promised on the receipt (or by the previous extension). */
  readonly dueAt: number;
  readonly reason: string;
  readonly newReturnAt: number;
  readonly signer: Signer;
}

/** Thông báo dừng giải quyết hồ sơ, at the applicant's request. */
export interface WithdrawalFormData {
  readonly header: FormHeader;
  readonly dossierCode: string;
  /** The authority that stops processing, as a sentence subject. */
  readonly authorityName: string;
  readonly receivingUnit: string;
  readonly applicant: Applicant;
  readonly procedureName: string;
  readonly receivedAt: number;
  /** When the applicant asked to stop. */
  readonly requestedAt: number;
  /** The applicant's own reason, if they gave one. */
  readonly reason?: string;
  readonly signer: Signer;
}

/** A result paper handed over, e.g. "Giấy khai sinh (bản chính)". */
export interface ResultPaper {
  readonly name: string;
  readonly count: number;
}

/** Who collected the result: the applicant or someone on their behalf. */
export interface ResultReceiver {
  readonly name: string;
  /** Số định danh cá nhân / CCCD of the person collecting. */
  readonly idNumber?: string;
  /** When not the applicant: "Người được ủy quyền", "Bố đẻ" … */
  readonly relation?: string;
}

export interface HandoverFormData {
  readonly header: FormHeader;
  readonly dossierCode: string;
  readonly receivingUnit: string;
  readonly applicant: Applicant;
  readonly procedureName: string;
  readonly receivedAt: number;
  readonly dueAt: number;
  readonly returnedAt: number;
  readonly results: readonly ResultPaper[];
  readonly receiver: ResultReceiver;
  /** The officer who handed the result over. */
  readonly officerName: string;
}

/** One dossier in the register (Sổ theo dõi hồ sơ). */
export interface RegisterRow {
  readonly dossierCode: string;
  readonly applicantName: string;
  readonly applicantAddress?: string;
  readonly procedureName: string;
  readonly receivedAt: number;
  readonly dueAt: number;
  readonly returnedAt?: number;
  /** "Đúng hạn", "Quá hạn", "Đang giải quyết" … as the dossier rules decide. */
  readonly status?: string;
  readonly note?: string;
}

export interface RegisterFormData {
  readonly agencyLines: readonly string[];
  /** Quyển số. */
  readonly book: string;
  /** "Từ ngày 01/11/2026 đến ngày 30/11/2026". */
  readonly period?: string;
  readonly rows: readonly RegisterRow[];
}

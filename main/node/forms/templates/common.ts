/**
 * Parts shared by the one-stop forms: the letterhead of administrative documents (NĐ 30/2020),
 * the applicant lines, signature blocks, and the words for the data's codes.
 */
import { SAMPLE_MARK } from '../../../core/site-identity';
import { vnCountText, vnPlaceDateText } from '../../../core/vn-text';
import type { Applicant, DocumentKind, FormHeader, ResultDelivery, Signer } from '../form-data';
import type { Block, ListItem, RichText, Span, TextBlock } from '../template';

/** Printed where a value is missing, so the officer can write it in by hand. */
const DOTS = '……………………';

/** Room for a handwritten signature (and a seal) under the signature heading. */
const SIGNATURE_SPACE = 58;

/**
 * Issuing body on the left (the unit bold, with a short rule under it, and the document number
 * if any); the national motto and the dateline on the right.
 */
export function letterhead(header: FormHeader): Block {
  const number: Block[] = header.documentNumber
    ? [{ kind: 'text', text: `Số: ${header.documentNumber}`, align: 'center', spaceBefore: 4 }]
    : [];
  return {
    kind: 'columns',
    columns: [
      { width: 0.45, blocks: [...agencyLines(header.agencyLines), ...number] },
      {
        width: 0.55,
        blocks: [
          { kind: 'text', text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', align: 'center', bold: true },
          { kind: 'text', text: 'Độc lập - Tự do - Hạnh phúc', align: 'center', bold: true, rule: 'full' },
          { kind: 'text', text: vnPlaceDateText(header.place, header.issuedAt), align: 'center', italic: true, spaceBefore: 6 },
        ],
      },
    ],
  };
}

/**
 * The issuing body, centred, highest level first; the issuing unit bold with a short rule under
 * it. A site on sample data heads it with the sample mark, large, so no one takes the paper for real.
 */
export function agencyLines(lines: readonly string[]): TextBlock[] {
  const last = lines.length - 1;
  return lines.map((line, i) =>
    line === SAMPLE_MARK
      ? { kind: 'text', text: line, align: 'center', bold: true, size: 'title' }
      : { kind: 'text', text: line, align: 'center', bold: i === last, rule: i === last ? 'short' : undefined },
  );
}

/** The form's title, then centred lines under it (dossier code, copy label). */
export function title(text: string, lines: readonly RichText[] = []): Block[] {
  return [
    { kind: 'text', text, align: 'center', bold: true, size: 'title', spaceBefore: 20 },
    ...lines.map((line): Block => ({ kind: 'text', text: line, align: 'center' })),
  ];
}

/** "Label: value" with the value bold where it is the point of the line; dots when it is unknown. */
function field(label: string, value: string | undefined, options: { bold?: boolean; spaceBefore?: number } = {}): TextBlock {
  return { kind: 'text', text: labelled(label, value, options.bold), spaceBefore: options.spaceBefore };
}

export function labelled(label: string, value: string | undefined, bold = false): Span[] {
  return [{ text: `${label}: ` }, { text: value ?? DOTS, bold }];
}

/** "ngày 26 tháng 11 …" opening a sentence: "Ngày 26 tháng 11 …". */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** A paragraph of a letter: justified, first line indented. */
export function paragraph(text: RichText, spaceBefore = 4): TextBlock {
  return { kind: 'text', text, align: 'justify', firstLineIndent: 28, spaceBefore };
}

export function numbered(texts: readonly RichText[], format = (n: number) => `${n}.`): ListItem[] {
  return texts.map((text, i) => ({ marker: format(i + 1), text }));
}

/** The applicant as the forms name them: an organisation with the person acting for it. */
function applicantName(applicant: Applicant): string {
  return applicant.kind === 'organisation' && applicant.representative
    ? `${applicant.name} (người đại diện: ${applicant.representative})`
    : applicant.name;
}

/** The person who signs for the applicant at the desk. */
export function applicantSigner(applicant: Applicant): string {
  return applicant.representative ?? applicant.name;
}

/** How a letter addresses the applicant inside a sentence. */
export function honorific(applicant: Applicant): string {
  return applicant.kind === 'person' ? 'Ông/Bà' : 'Quý tổ chức';
}

/** "Kính gửi: Ông/Bà Nguyễn Thị Ngọc Ánh". */
export function addressee(applicant: Applicant): TextBlock {
  const to = applicant.kind === 'person' ? `Ông/Bà ${applicant.name}` : applicant.name;
  return { kind: 'text', text: [{ text: 'Kính gửi: ' }, { text: to, bold: true }], align: 'center', spaceBefore: 10 };
}

/**
 * The lines at the head of the desk's slips: the unit, whose dossier (with address, phone and
 * e-mail) and the procedure asked for.
 */
export function intakeLines(unit: string, applicant: Applicant, procedureName: string, whose = 'Tiếp nhận hồ sơ của'): Block[] {
  return [
    { kind: 'text', text: unit, spaceBefore: 12 },
    field(whose, applicantName(applicant), { bold: true }),
    ...contactLines(applicant),
    field('Nội dung yêu cầu giải quyết', procedureName, { bold: true }),
  ];
}

/** Địa chỉ, then Số điện thoại and Email on one line. */
function contactLines(applicant: Applicant): Block[] {
  return [
    field('Địa chỉ', applicant.address),
    {
      kind: 'columns',
      columns: [
        { width: 0.42, blocks: [field('Số điện thoại', applicant.phone)] },
        { width: 0.58, blocks: [field('Email', applicant.email)] },
      ],
    },
  ];
}

const documentKindWords: Record<DocumentKind, string> = {
  original: 'Bản chính',
  copy: 'Bản sao',
  'certified-copy': 'Bản sao chứng thực',
};

/** "Tờ khai đăng ký khai sinh (Bản chính: 01)". */
export function documentLine(name: string, kind: DocumentKind, count: number): string {
  return `${name} (${documentKindWords[kind]}: ${vnCountText(count)})`;
}

export function deliveryText(delivery: ResultDelivery): string {
  switch (delivery.kind) {
    case 'desk':
      return delivery.place;
    case 'post':
      return `Qua dịch vụ bưu chính công ích, đến địa chỉ: ${delivery.address}`;
    case 'online':
      return `Trực tuyến, qua ${delivery.channel}`;
  }
}

export interface SignatureSlot {
  readonly titleLines: readonly string[];
  readonly name?: string;
  /** "(Ký và ghi rõ họ tên)" under the heading of a person signing for themselves. */
  readonly hint?: string;
}

export const SIGN_HINT = '(Ký và ghi rõ họ tên)';

function signatureBlocks(slot: SignatureSlot | undefined): Block[] {
  if (!slot) return [];
  return [
    ...slot.titleLines.map((line): Block => ({ kind: 'text', text: line, align: 'center', bold: true })),
    ...(slot.hint ? [{ kind: 'text', text: slot.hint, align: 'center', italic: true } as const] : []),
    { kind: 'space', height: SIGNATURE_SPACE },
    { kind: 'text', text: slot.name ?? '', align: 'center', bold: true },
  ];
}

/**
 * Signature blocks side by side: `left` and `right` are the two halves of the line (a form signed
 * by one person signs on the right); `middle` may hold a small block between them, like a QR.
 */
export function signatures(slots: { left?: SignatureSlot; middle?: Block; right?: SignatureSlot }, spaceBefore = 16): Block {
  const side = slots.middle ? 0.4 : 0.5;
  return {
    kind: 'columns',
    spaceBefore,
    columns: [
      { width: side, blocks: signatureBlocks(slots.left) },
      ...(slots.middle ? [{ width: 1 - 2 * side, blocks: [slots.middle] }] : []),
      { width: side, blocks: signatureBlocks(slots.right) },
    ],
  };
}

/** The foot of a letter (NĐ 30/2020): "Nơi nhận" on the left, the signer on the right. */
export function letterFoot(signer: Signer, recipients: readonly string[]): Block {
  return {
    kind: 'columns',
    spaceBefore: 16,
    columns: [
      {
        width: 0.45,
        blocks: [
          { kind: 'text', text: 'Nơi nhận:', size: 'small', bold: true, italic: true },
          { kind: 'list', size: 'small', items: recipients.map((text) => ({ marker: '-', text })) },
        ],
      },
      { width: 0.55, blocks: signatureBlocks({ titleLines: signer.titleLines, name: signer.name }) },
    ],
  };
}

/** "Ghi chú:" and its lines, small, at the foot of a form. */
export function footnote(lines: readonly string[]): Block[] {
  return [
    { kind: 'text', text: 'Ghi chú:', size: 'small', bold: true, italic: true, spaceBefore: 12, keepWithNext: true },
    { kind: 'list', size: 'small', items: lines.map((text) => ({ marker: '-', text })) },
  ];
}

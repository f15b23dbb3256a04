import { formatReceiptQr } from '../../../contract/receipt-qr';
import { SAMPLE_MARK } from '../../core/site-identity';
import { formatVnDateTime } from '../../core/vn-time';
import type { Block, ChecklistPrintData, LayoutOptions, PrintDocument, ReceiptSlipData, TestPageData, TicketPrintData } from './layout-types';

/** Time and date glued by a no-break space, so wrapping never separates them. */
const when = (epochMs: number): string => formatVnDateTime(epochMs).replace(' ', '\u00a0');

/** The site's name at the top of a slip, under the sample mark while the site runs on sample data. */
function heading(data: { siteName: string; sampleData?: boolean }): Block[] {
  const mark: Block[] = data.sampleData ? [{ kind: 'line', text: `*** ${SAMPLE_MARK} ***`, size: 'large', bold: true }] : [];
  return [...mark, { kind: 'line', text: data.siteName, bold: true }];
}

/**
 * The two slips the hub prints, as data. A queue ticket carries no personal data (domain-vn.md):
 * number, service, queue position and a status QR only.
 */
export function ticketDocument(data: TicketPrintData, options: LayoutOptions = {}): PrintDocument {
  const blocks: Block[] = [
    ...heading(data),
    { kind: 'separator' },
    { kind: 'line', text: 'SỐ THỨ TỰ CỦA BẠN', size: 'small' },
    { kind: 'big', text: data.displayCode },
    { kind: 'line', text: data.serviceName, size: 'large', bold: true },
  ];
  if (data.priorityLabel) blocks.push({ kind: 'line', text: `Ưu tiên: ${data.priorityLabel}`, bold: true });
  if (data.appointmentTime) blocks.push({ kind: 'line', text: `Hẹn ${data.appointmentTime}`, bold: true });
  blocks.push(
    { kind: 'line', text: `Số người chờ trước: ${data.peopleAhead}` },
    // "15–20 phút" stays together on narrow paper. With no counter open there is no duration to
    // print: the hub's sentence stands alone, in bold, so nobody reads it as a wait.
    data.noCounter
      ? { kind: 'line', text: data.waitText, bold: true }
      : { kind: 'line', text: `Thời gian chờ ${data.waitText.replace(/(\d) /g, '$1\u00a0')}` },
    { kind: 'line', text: `Lấy số lúc ${when(data.issuedAt)}`, size: 'small' },
  );
  if (data.qrPayload) {
    blocks.push(
      { kind: 'qr', payload: data.qrPayload },
      { kind: 'line', text: 'Quét mã để theo dõi lượt gọi số', size: 'small' },
    );
  }
  return finish(blocks, data.footer, options);
}

/**
 * The last lines of the dossier slip. It is the applicant's proof of receipt, kept until the
 * result is collected (not the queue ticket's "giữ phiếu đến khi được gọi").
 */
export const RECEIPT_SLIP_FOOTER = 'Ông/Bà vui lòng giữ phiếu này để nhận kết quả.\nTra cứu hồ sơ bằng mã hồ sơ, mã tra cứu ở trên.';

/**
 * The dossier receipt on 80 or 58 mm paper: code, applicant, procedure, the papers received, times,
 * lookup code and its QR. Where a commune has no A4 printer it is the citizen's only receipt, so it
 * lists the papers as Mẫu 01 does — numbered, in the small size, wrapped under their text.
 */
export function receiptSlipDocument(data: ReceiptSlipData, options: LayoutOptions = {}): PrintDocument {
  const field = (label: string, value: string, bold = false): Block => ({ kind: 'line', text: `${label}: ${value}`, align: 'left', bold });
  const papers: Block[] = data.papers?.length
    ? [
        { kind: 'line', text: 'Thành phần hồ sơ nộp gồm:', align: 'left' },
        ...data.papers.map((text, i): Block => ({ kind: 'item', marker: `${i + 1}.`, text, size: 'small' })),
      ]
    : [];
  const blocks: Block[] = [
    ...heading(data),
    { kind: 'line', text: 'GIẤY TIẾP NHẬN HỒ SƠ', size: 'large', bold: true },
    { kind: 'separator' },
    field('Mã hồ sơ', data.dossierCode, true),
    field('Người nộp', data.applicantName),
    field('Thủ tục', data.procedureName),
    ...papers,
    field('Tiếp nhận lúc', when(data.receivedAt)),
    field('Hẹn trả kết quả', when(data.returnAt), true),
    field('Mã tra cứu', data.lookupCode, true),
    { kind: 'qr', payload: data.qrPayload ?? formatReceiptQr({ dossierCode: data.dossierCode, lookupCode: data.lookupCode }) },
    { kind: 'line', text: 'Quét mã để tra cứu tình trạng hồ sơ', size: 'small' },
  ];
  return finish(blocks, RECEIPT_SLIP_FOOTER, options);
}

/**
 * The papers of a procedure, printed at the kiosk for a citizen to gather at home: a box to tick
 * per paper (with how many and in which form), then the fees, the time, the result and where to
 * submit. Public catalogue data only, nothing of the citizen.
 */
export function checklistDocument(data: ChecklistPrintData, options: LayoutOptions = {}): PrintDocument {
  const fact = (label: string, value: string): Block => ({ kind: 'line', text: `${label}: ${value}`, align: 'left' });
  const blocks: Block[] = [
    ...heading(data),
    { kind: 'line', text: 'DANH MỤC GIẤY TỜ CẦN CHUẨN BỊ', bold: true },
    { kind: 'line', text: data.procedureName, size: 'large', bold: true },
    { kind: 'separator' },
    ...data.papers.map((p): Block => ({ kind: 'item', marker: '☐', text: `${p.name} — ${p.howMany}` })),
    { kind: 'separator' },
    ...data.fees.map((f) => fact('Lệ phí', f)),
    fact('Thời gian giải quyết', data.processing),
    fact('Kết quả', data.result),
    fact('Nơi nộp', data.submitAt),
    { kind: 'line', text: `In lúc ${when(data.at)}`, size: 'small' },
  ];
  return finish(blocks, 'Giấy tờ có thể thay đổi theo quy định; cán bộ tiếp nhận sẽ hướng dẫn khi Ông/Bà nộp hồ sơ.', options);
}

/** The admin's test print: every kind of block, and the letters that break on bad printers. */
export function testPageDocument(data: TestPageData, options: LayoutOptions = {}): PrintDocument {
  return finish(
    [
      { kind: 'line', text: data.siteName, bold: true },
      { kind: 'line', text: 'IN THỬ MÁY IN', size: 'large', bold: true },
      { kind: 'line', text: data.printerName },
      { kind: 'separator' },
      { kind: 'line', text: 'Tiếng Việt: ăâđêôơư ĂÂĐÊÔƠƯ', align: 'left' },
      { kind: 'line', text: 'Ấ Ầ Ẩ Ẫ Ậ · Ứ Ừ Ử Ữ Ự · Ỳ Ỷ Ỹ Ỵ', align: 'left' },
      { kind: 'big', text: 'A015' },
      { kind: 'qr', payload: 'MOTCUA-TEST' },
      { kind: 'line', text: `In lúc ${when(data.at)}`, size: 'small' },
    ],
    undefined,
    options,
  );
}

function finish(blocks: Block[], footer: string | undefined, options: LayoutOptions): PrintDocument {
  if (footer) blocks.push({ kind: 'separator' }, { kind: 'line', text: footer, size: 'small' });
  // Without a cutter, feed enough paper to tear the slip off past the print head.
  blocks.push(options.cut === false ? { kind: 'feed', lines: 5 } : { kind: 'cut' });
  if (options.beep) blocks.push({ kind: 'beep' });
  return blocks;
}

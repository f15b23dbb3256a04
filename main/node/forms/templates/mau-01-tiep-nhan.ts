/**
 * Giấy tiếp nhận hồ sơ và hẹn trả kết quả: Mẫu 01 of TT 03/2025/TT-VPCP Phụ lục I, fields in the
 * order of the TT 01/2018 form it continues, plus the fees and lookup QR that provinces add.
 */
import { vnCountText, vnDateTimeText, vnMoneyText } from '../../../core/vn-text';
import type { ReceiptFormData } from '../form-data';
import type { Block, FormTemplate, ListItem } from '../template';
import {
  applicantSigner,
  deliveryText,
  documentLine,
  footnote,
  intakeLines,
  labelled,
  letterhead,
  numbered,
  SIGN_HINT,
  signatures,
  title,
} from './common';

const QR_SIZE = 76;

export const receiptTemplate: FormTemplate<ReceiptFormData> = {
  id: 'mau-01@tt03-2025',
  number: 'Mẫu số 01',
  title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  orientation: 'portrait',
  copies: ['Liên 1: Lưu', 'Liên 2: Giao người nộp'],
  build: (d, env) => {
    const fees: ListItem[] = d.fees?.length
      ? [
          {
            marker: '7.',
            text: labelled('Phí, lệ phí', vnMoneyText(d.fees.reduce((sum, f) => sum + f.amountVnd, 0)), true),
            items: d.fees.map((f) => ({ marker: '-', text: `${f.name}: ${vnMoneyText(f.amountVnd)}` })),
          },
        ]
      : [];
    const lookup: Block[] = d.lookup
      ? [
          {
            kind: 'text',
            text: [
              { text: 'Mã tra cứu: ' },
              { text: d.lookup.code, bold: true },
              { text: ' (tra cứu tình trạng hồ sơ bằng mã hồ sơ kèm mã tra cứu, hoặc quét mã QR bên dưới)' },
            ],
          },
        ]
      : [];
    return [
      letterhead(d.header),
      ...title(receiptTemplate.title, [
        [{ text: 'Mã hồ sơ: ' }, { text: d.dossierCode, bold: true }],
        ...(env.copy ? [[{ text: `(${env.copy})`, italic: true }]] : []),
      ]),
      ...intakeLines(d.receivingUnit, d.applicant, d.procedureName),
      {
        kind: 'list',
        items: [
          {
            marker: '1.',
            text: 'Thành phần hồ sơ nộp gồm:',
            items: numbered(
              d.documents.map((doc) => documentLine(doc.name, doc.kind, doc.count)),
              (n) => `(${n})`,
            ),
          },
          { marker: '2.', text: labelled('Số lượng hồ sơ', `${vnCountText(d.sets)} (bộ)`) },
          { marker: '3.', text: labelled('Thời gian giải quyết hồ sơ theo quy định', d.processingTime) },
          { marker: '4.', text: labelled('Thời gian nhận hồ sơ', vnDateTimeText(d.receivedAt)) },
          { marker: '5.', text: labelled('Thời gian trả kết quả giải quyết hồ sơ', vnDateTimeText(d.returnAt), true) },
          { marker: '6.', text: labelled('Đăng ký nhận kết quả tại', deliveryText(d.resultDelivery)) },
          ...fees,
        ],
      },
      { kind: 'text', text: `Vào Sổ theo dõi hồ sơ, Quyển số: ${d.register.book}, Số thứ tự: ${d.register.sequence}` },
      ...lookup,
      signatures({
        left: { titleLines: ['NGƯỜI NỘP HỒ SƠ'], hint: SIGN_HINT, name: applicantSigner(d.applicant) },
        middle: d.lookup ? { kind: 'qr', payload: d.lookup.qrPayload, size: QR_SIZE, align: 'center' } : undefined,
        right: { titleLines: ['NGƯỜI TIẾP NHẬN HỒ SƠ'], hint: SIGN_HINT, name: d.officerName },
      }),
      ...footnote([
        'Giấy tiếp nhận hồ sơ và hẹn trả kết quả được lập thành 2 liên; một liên chuyển kèm theo Phiếu kiểm soát quá trình giải quyết hồ sơ và được lưu tại Bộ phận Một cửa; một liên giao cho cá nhân, tổ chức nộp hồ sơ.',
        'Cá nhân, tổ chức có thể đăng ký nhận kết quả tại Bộ phận Một cửa hoặc tại nhà (trụ sở tổ chức) qua dịch vụ bưu chính công ích.',
      ]),
    ];
  },
};

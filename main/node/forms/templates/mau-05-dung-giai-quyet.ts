/**
 * Thông báo dừng giải quyết hồ sơ (new in TT 03/2025; number unconfirmed): the applicant asked to
 * withdraw the dossier, and the authority confirms it stops processing it.
 */
import { vnDateText, vnDateTimeText } from '../../../core/vn-text';
import type { WithdrawalFormData } from '../form-data';
import type { FormTemplate } from '../template';
import { addressee, capitalise, honorific, letterFoot, letterhead, paragraph, title } from './common';

export const withdrawalTemplate: FormTemplate<WithdrawalFormData> = {
  id: 'mau-05@tt03-2025',
  number: 'Mẫu số 05',
  title: 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
  orientation: 'portrait',
  build: (d) => {
    const you = honorific(d.applicant);
    return [
      letterhead(d.header),
      ...title(withdrawalTemplate.title, [[{ text: 'Mã hồ sơ: ' }, { text: d.dossierCode, bold: true }]]),
      addressee(d.applicant),
      paragraph(
        [
          { text: `${capitalise(vnDateText(d.receivedAt))}, ${d.receivingUnit} tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính ` },
          { text: d.procedureName, bold: true },
          { text: ` của ${you}, mã hồ sơ ${d.dossierCode}.` },
        ],
        10,
      ),
      paragraph(
        `Lúc ${vnDateTimeText(d.requestedAt)}, ${you} đã đề nghị dừng giải quyết hồ sơ nêu trên${d.reason ? ` với lý do: ${d.reason}` : ''}.`,
      ),
      paragraph([
        { text: `${d.authorityName} thông báo ` },
        { text: 'dừng giải quyết hồ sơ', bold: true },
        { text: ` theo đề nghị của ${you}. ${you} nhận lại hồ sơ giấy đã nộp tại ${d.receivingUnit}./.` },
      ]),
      letterFoot(d.signer, ['Như trên;', 'Lưu: VT, hồ sơ.']),
    ];
  },
};

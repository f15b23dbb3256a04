/**
 * Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (TT 03/2025 Phụ lục I; number
 * unconfirmed), sent before the due date by the authority that will be late, with the new date.
 */
import { vnDateText, vnDateTimeText } from '../../../core/vn-text';
import type { ApologyFormData } from '../form-data';
import type { FormTemplate } from '../template';
import { addressee, capitalise, honorific, letterFoot, letterhead, paragraph, title } from './common';

export const apologyTemplate: FormTemplate<ApologyFormData> = {
  id: 'mau-04@tt03-2025',
  number: 'Mẫu số 04',
  title: 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
  orientation: 'portrait',
  build: (d) => {
    const you = honorific(d.applicant);
    return [
      letterhead(d.header),
      ...title(apologyTemplate.title),
      addressee(d.applicant),
      paragraph(
        [
          { text: `${capitalise(vnDateText(d.receivedAt))}, ${d.authorityName} tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính ` },
          { text: d.procedureName, bold: true },
          { text: ` của ${you}; mã hồ sơ ` },
          { text: d.dossierCode, bold: true },
          { text: `; thời gian hẹn trả kết quả: ${vnDateTimeText(d.dueAt)}.` },
        ],
        10,
      ),
      paragraph(`Tuy nhiên, ${d.authorityName} chưa thể trả kết quả giải quyết hồ sơ đúng hẹn. Lý do: ${d.reason}`),
      paragraph([
        { text: `Sự chậm trễ này đã gây phiền hà cho ${you}. ${d.authorityName} trân trọng xin lỗi ${you} và đề nghị gia hạn thời gian giải quyết hồ sơ; thời gian trả kết quả mới: ` },
        { text: vnDateTimeText(d.newReturnAt), bold: true },
        { text: '.' },
      ]),
      paragraph(`Rất mong nhận được sự thông cảm của ${you}./.`),
      letterFoot(d.signer, ['Như trên;', 'Bộ phận Một cửa;', 'Lưu: VT.']),
    ];
  },
};

/**
 * Phiếu trả kết quả giải quyết hồ sơ: the desk's record of who collected the result, when and what
 * (the workflow's step 6). No circular prescribes it, so it is versioned as the app's own form.
 */
import { vnCountText, vnDateTimeText } from '../../../core/vn-text';
import type { HandoverFormData } from '../form-data';
import type { FormTemplate, Span } from '../template';
import { intakeLines, labelled, letterhead, numbered, SIGN_HINT, signatures, title } from './common';

export const handoverTemplate: FormTemplate<HandoverFormData> = {
  id: 'tra-ket-qua@motcua-2026',
  title: 'PHIẾU TRẢ KẾT QUẢ GIẢI QUYẾT HỒ SƠ',
  orientation: 'portrait',
  build: (d) => {
    const receiver: Span[] = [
      ...labelled('Người nhận kết quả', d.receiver.name, true),
      ...(d.receiver.relation ? [{ text: ` (${d.receiver.relation})` }] : []),
      ...(d.receiver.idNumber ? [{ text: `; số định danh cá nhân: ${d.receiver.idNumber}` }] : []),
    ];
    return [
      letterhead(d.header),
      ...title(handoverTemplate.title, [[{ text: 'Mã hồ sơ: ' }, { text: d.dossierCode, bold: true }]]),
      ...intakeLines(d.receivingUnit, d.applicant, d.procedureName, 'Hồ sơ của'),
      {
        kind: 'list',
        items: [
          { marker: '1.', text: labelled('Thời gian nhận hồ sơ', vnDateTimeText(d.receivedAt)) },
          { marker: '2.', text: labelled('Thời gian hẹn trả kết quả', vnDateTimeText(d.dueAt)) },
          { marker: '3.', text: labelled('Thời gian trả kết quả', vnDateTimeText(d.returnedAt), true) },
          {
            marker: '4.',
            text: 'Kết quả giải quyết hồ sơ đã giao gồm:',
            items: numbered(
              d.results.map((r) => `${r.name} (số lượng: ${vnCountText(r.count)})`),
              (n) => `(${n})`,
            ),
          },
          { marker: '5.', text: receiver },
        ],
      },
      signatures({
        left: { titleLines: ['NGƯỜI NHẬN KẾT QUẢ'], hint: SIGN_HINT, name: d.receiver.name },
        right: { titleLines: ['NGƯỜI TRẢ KẾT QUẢ'], hint: SIGN_HINT, name: d.officerName },
      }),
    ];
  },
};

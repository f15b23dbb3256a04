/**
 * Phiếu từ chối tiếp nhận giải quyết hồ sơ (TT 03/2025 Phụ lục I; number unconfirmed): the
 * reason is written out in words. The applicant signs too, as proof the slip was handed over.
 */
import type { RefusalFormData } from '../form-data';
import type { FormTemplate } from '../template';
import { applicantSigner, honorific, intakeLines, letterhead, paragraph, SIGN_HINT, signatures, title } from './common';

export const refusalTemplate: FormTemplate<RefusalFormData> = {
  id: 'mau-03@tt03-2025',
  number: 'Mẫu số 03',
  title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  orientation: 'portrait',
  build: (d) => [
    letterhead(d.header),
    ...title(refusalTemplate.title, d.dossierCode ? [[{ text: 'Mã hồ sơ: ' }, { text: d.dossierCode, bold: true }]] : []),
    ...intakeLines(d.receivingUnit, d.applicant, d.procedureName),
    paragraph(`Qua xem xét, ${d.receivingUnit} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`, 6),
    paragraph(d.reason),
    paragraph(`Xin thông báo để ${honorific(d.applicant)} được biết và thực hiện./.`),
    signatures({
      left: { titleLines: ['NGƯỜI NỘP HỒ SƠ'], hint: SIGN_HINT, name: applicantSigner(d.applicant) },
      right: { titleLines: ['NGƯỜI TIẾP NHẬN HỒ SƠ'], hint: SIGN_HINT, name: d.officerName },
    }),
  ],
};

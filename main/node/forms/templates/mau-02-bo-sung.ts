/**
 * Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (TT 03/2025 Phụ lục I; number unconfirmed). The desk may
 * ask only once: every missing or faulty paper is on this one slip, each with its reason.
 */
import type { SupplementRequestFormData } from '../form-data';
import type { FormTemplate } from '../template';
import { honorific, intakeLines, letterhead, paragraph, SIGN_HINT, signatures, title } from './common';

export const supplementRequestTemplate: FormTemplate<SupplementRequestFormData> = {
  id: 'mau-02@tt03-2025',
  number: 'Mẫu số 02',
  title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  orientation: 'portrait',
  build: (d) => {
    const you = honorific(d.applicant);
    const contact = d.contactPhone ? `${d.officerName}, số điện thoại ${d.contactPhone}` : d.officerName;
    return [
      letterhead(d.header),
      ...title(supplementRequestTemplate.title, d.dossierCode ? [[{ text: 'Mã hồ sơ: ' }, { text: d.dossierCode, bold: true }]] : []),
      ...intakeLines(d.receivingUnit, d.applicant, d.procedureName, 'Hồ sơ của'),
      { kind: 'text', text: `Yêu cầu ${you} bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:`, bold: true, spaceBefore: 6, keepWithNext: true },
      {
        kind: 'list',
        items: d.items.map((item, i) => ({
          marker: `${i + 1}.`,
          text: [{ text: item.what }, { text: '\nLý do: ', italic: true }, { text: item.reason }],
        })),
      },
      paragraph(
        `Các nội dung trên được hướng dẫn một lần, đầy đủ bằng văn bản này. Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ${you} liên hệ với ${contact} để được hướng dẫn./.`,
        6,
      ),
      signatures({ right: { titleLines: ['NGƯỜI HƯỚNG DẪN'], hint: SIGN_HINT, name: d.officerName } }),
    ];
  },
};

/**
 * Sổ theo dõi hồ sơ (TT 03/2025 Phụ lục I; number unconfirmed): the register of dossiers, one row
 * each, printed landscape so the columns keep readable widths; the header row repeats on every page.
 */
import { formatVnDateTime } from '../../../core/vn-time';
import type { RegisterFormData } from '../form-data';
import type { FormTemplate, RichText } from '../template';
import { agencyLines, title } from './common';

/** "14:05\n26/11/2026": time over date keeps the three date columns narrow. */
function when(epochMs: number | undefined): string {
  return epochMs === undefined ? '' : formatVnDateTime(epochMs).replace(' ', '\n');
}

export const registerTemplate: FormTemplate<RegisterFormData> = {
  id: 'mau-07@tt03-2025',
  number: 'Mẫu số 07',
  title: 'SỔ THEO DÕI HỒ SƠ',
  orientation: 'landscape',
  build: (d) => [
    { kind: 'columns', columns: [{ width: 0.4, blocks: agencyLines(d.agencyLines) }] },
    ...title(registerTemplate.title, [`Quyển số: ${d.book}`, ...(d.period ? [[{ text: d.period, italic: true }]] : [])]),
    {
      kind: 'table',
      size: 'small',
      spaceBefore: 10,
      columns: [
        { header: 'STT', width: 0.04, align: 'center' },
        { header: 'Mã hồ sơ', width: 0.14 },
        { header: 'Tên thủ tục hành chính', width: 0.2 },
        { header: 'Tổ chức, cá nhân nộp hồ sơ', width: 0.18 },
        { header: 'Nhận hồ sơ', width: 0.09, align: 'center' },
        { header: 'Hẹn trả kết quả', width: 0.09, align: 'center' },
        { header: 'Trả kết quả', width: 0.09, align: 'center' },
        { header: 'Tình trạng', width: 0.08, align: 'center' },
        { header: 'Ghi chú', width: 0.09 },
      ],
      rows: d.rows.map((row, i): RichText[] => [
        String(i + 1),
        row.dossierCode,
        row.procedureName,
        [{ text: row.applicantName, bold: true }, ...(row.applicantAddress ? [{ text: `\n${row.applicantAddress}` }] : [])],
        when(row.receivedAt),
        when(row.dueAt),
        when(row.returnedAt),
        row.status ?? '',
        row.note ?? '',
      ]),
    },
  ],
};

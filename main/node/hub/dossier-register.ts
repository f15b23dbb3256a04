import type { DossierSettings } from '../../../contract/dossier';
import { dossierStatusLabels, dossierTimelinessLabels } from '../../../contract/dossier-texts';
import { timeliness } from '../../core/dossier/lifecycle';
import { paperIdentity } from '../../core/site-identity';
import { vnPeriodText } from '../../core/vn-text';
import { formatVnDateTime } from '../../core/vn-time';
import type { DossierRow } from '../db/dossier-store';
import { currentForms, renderFormPdf, type RegisterRow } from '../forms/index';
import type { HubDeps } from './context';

function statusWords(d: DossierRow): string {
  if (d.returned_at !== null && d.due_at !== null) return `${dossierStatusLabels[d.status]} (${dossierTimelinessLabels[timeliness(d.due_at, d.returned_at)]})`;
  return dossierStatusLabels[d.status];
}

/**
 * The register (Sổ theo dõi hồ sơ) of the dossiers received in a period: a spreadsheet for the
 * office and the landscape A4 form for the archive, from the same rows.
 */
export async function registerFile(
  deps: HubDeps,
  rows: readonly (DossierRow & { procedure_name: string })[],
  from: string,
  to: string,
  format: 'xlsx' | 'pdf',
): Promise<{ fileName: string; mime: string; dataBase64: string }> {
  const s = deps.site.get<DossierSettings>('dossiers')!;
  const { headerLines } = paperIdentity(deps.site.site());
  const period = vnPeriodText(from, to);
  const base = `so-theo-doi-ho-so_${from}_${to}`;
  if (format === 'pdf') {
    const lines: RegisterRow[] = rows.map((d) => ({
      dossierCode: d.code!, applicantName: d.applicant_name, applicantAddress: d.address, procedureName: d.procedure_name,
      receivedAt: d.received_at!, dueAt: d.due_at!, ...(d.returned_at !== null ? { returnedAt: d.returned_at } : {}), status: statusWords(d),
      ...(d.note ? { note: d.note } : {}),
    }));
    const pdf = await renderFormPdf(currentForms.register, { agencyLines: headerLines, book: s.registerBook, period, rows: lines });
    return { fileName: `${base}.pdf`, mime: 'application/pdf', dataBase64: pdf.toString('base64') };
  }
  const { default: ExcelJS } = await import('exceljs'); // on first use: ~0.4 s that no start should pay
  const book = new ExcelJS.Workbook();
  book.creator = 'Một Cửa';
  const sheet = book.addWorksheet('Sổ theo dõi hồ sơ', { views: [{ state: 'frozen', ySplit: 4 }], pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.mergeCells('A1:J1');
  sheet.getCell('A1').value = `SỔ THEO DÕI HỒ SƠ — Quyển số ${s.registerBook}`;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.mergeCells('A2:J2');
  sheet.getCell('A2').value = `${headerLines.join(' — ')} · ${period}`;
  const header = ['STT', 'Mã hồ sơ', 'Người nộp', 'Địa chỉ', 'Thủ tục', 'Tiếp nhận', 'Hẹn trả', 'Trả kết quả', 'Tình trạng', 'Ghi chú'];
  sheet.getRow(4).values = header;
  sheet.getRow(4).font = { bold: true };
  sheet.columns = [6, 26, 26, 34, 44, 18, 18, 18, 26, 24].map((width) => ({ width }));
  rows.forEach((d, i) => {
    sheet.addRow([
      i + 1, d.code, d.applicant_name, d.address, d.procedure_name, formatVnDateTime(d.received_at!), formatVnDateTime(d.due_at!),
      d.returned_at !== null ? formatVnDateTime(d.returned_at) : '', statusWords(d), d.note,
    ]);
  });
  sheet.getRow(4).eachCell((c) => (c.border = { bottom: { style: 'thin' } }));
  const data = Buffer.from(await book.xlsx.writeBuffer());
  return { fileName: `${base}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', dataBase64: data.toString('base64') };
}

import { SAMPLE_MARK } from '../../../core/site-identity';
import { VN_OFFSET_MS } from '../../../core/vn-time';
import type { CellKind, ReportDocument } from './report-document';

/** What heads every exported report: the site's letterhead lines (the sample mark first on sample data), the period in words, whose figures. */
export interface ReportHeading {
  readonly headerLines: readonly string[];
  readonly period: string;
  readonly scopeNote: string | null;
}

const FORMATS: Partial<Record<CellKind, string>> = { int: '#,##0', decimal: '#,##0.0', share: '0.0%', datetime: 'dd/mm/yyyy hh:mm' };

/**
 * The report as a workbook of one sheet: numbers stay numbers (shares as fractions with a percent
 * format), instants real dates. Excel and LibreOffice have no time zone: a date is written as the
 * Vietnam wall-clock time it shows.
 */
export async function reportXlsx(doc: ReportDocument, heading: ReportHeading): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs'); // on first use, as the register's export
  const book = new ExcelJS.Workbook();
  book.creator = 'Một Cửa';
  const sheet = book.addWorksheet(doc.sheetName, { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const widest = Math.max(...doc.sections.map((s) => (s.kind === 'table' ? s.columns.length : 2)));
  sheet.columns = Array.from({ length: widest }, (_, i) => ({ width: i === 0 ? 44 : 16 }));
  const line = (value: string, font: Partial<import('exceljs').Font> = {}) => {
    const row = sheet.addRow([value]);
    row.font = font;
    return row;
  };
  for (const h of heading.headerLines) line(h, h === SAMPLE_MARK ? { bold: true, size: 14, color: { argb: 'FFC00000' } } : { bold: true });
  line(doc.title, { bold: true, size: 14 });
  line(heading.period);
  if (heading.scopeNote) line(heading.scopeNote, { italic: true });
  for (const section of doc.sections) {
    sheet.addRow([]);
    line(section.title, { bold: true, size: 12 });
    if (section.kind === 'bars') {
      const head = sheet.addRow(['', section.valueKind === 'share' ? 'Tỷ lệ' : 'Số lượng']);
      head.font = { bold: true };
      for (const b of section.bars) sheet.addRow([b.label, b.value]).getCell(2).numFmt = FORMATS[section.valueKind]!;
      continue;
    }
    const head = sheet.addRow(section.columns.map((c) => c.header));
    head.font = { bold: true };
    head.eachCell((cell) => (cell.border = { bottom: { style: 'thin' } }));
    for (const cells of section.rows) {
      const row = sheet.addRow(cells.map((v, i) => (section.columns[i]!.kind === 'datetime' && typeof v === 'number' ? new Date(v + VN_OFFSET_MS) : v)));
      section.columns.forEach((c, i) => {
        const format = FORMATS[c.kind];
        if (format) row.getCell(i + 1).numFmt = format;
      });
    }
    if (section.rows.length === 0 && section.empty) line(section.empty, { italic: true });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

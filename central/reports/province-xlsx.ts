import type { ProvinceReport } from './province';
import { PROVINCE_COLUMNS } from './province-columns';
import { vnWallClock } from './period';

const dmy = (date: string) => date.split('-').reverse().join('/');

/**
 * The province's table as an XLSX workbook: one sheet "Toàn tỉnh", the period in the title row,
 * numbers as numbers (shares as fractions formatted as per cent), the last push as a date-time in
 * Vietnam time (Excel has no time zones: the cell holds the wall clock).
 */
export async function provinceWorkbook(report: ProvinceReport): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs'); // on first use: no start pays for it
  const book = new ExcelJS.Workbook();
  book.creator = 'Một Cửa — Máy chủ tỉnh';
  const headers = ['STT', 'Mã điểm', 'Điểm một cửa', ...PROVINCE_COLUMNS.map((c) => c.label), 'Lần gửi cuối', 'Mất kết nối từ'];
  const sheet = book.addWorksheet('Toàn tỉnh', {
    views: [{ state: 'frozen', ySplit: 3, xSplit: 3 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.mergeCells(1, 1, 1, headers.length);
  sheet.getCell(1, 1).value = `KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TOÀN TỈNH — từ ngày ${dmy(report.from)} đến ngày ${dmy(report.to)}`;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  sheet.mergeCells(2, 1, 2, headers.length);
  sheet.getCell(2, 1).value = `Số liệu đồng bộ từ các điểm một cửa, lập lúc ${new Date(report.at).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}; xếp điểm có tỉ lệ đúng hạn thấp nhất lên đầu.`;
  const head = sheet.getRow(3);
  head.values = headers;
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle' };
  head.eachCell((c) => (c.border = { bottom: { style: 'thin' } }));
  sheet.columns = headers.map((_, i) => ({ width: i === 0 ? 6 : i === 1 ? 14 : i === 2 ? 30 : i >= headers.length - 2 ? 18 : 12 }));
  report.sites.forEach((s, i) => {
    const at = (iso: string | null) => (iso === null ? null : vnWallClock(Date.parse(iso)));
    sheet.addRow([i + 1, s.siteId, s.name, ...s.values, at(s.lastPushAt), at(s.offlineSince)]);
  });
  PROVINCE_COLUMNS.forEach((c, i) => {
    if (c.kind !== 'count') sheet.getColumn(4 + i).numFmt = c.kind === 'share' ? '0.0%' : '0.0';
  });
  for (const n of [headers.length - 1, headers.length]) sheet.getColumn(n).numFmt = 'dd/mm/yyyy hh:mm';
  return Buffer.from(await book.xlsx.writeBuffer());
}

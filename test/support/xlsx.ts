import ExcelJS from 'exceljs';
import { expect } from 'vitest';

export type Row = (string | number | Date | null)[];

/** The sheet's rows as plain values (ExcelJS keeps a leading empty slot for column 0). */
export async function sheetOf(dataBase64: string): Promise<{ name: string; rows: Row[]; formats: Map<string, string> }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(dataBase64, 'base64') as unknown as ArrayBuffer);
  expect(book.worksheets).toHaveLength(1);
  const sheet = book.worksheets[0]!;
  const rows: Row[] = [];
  const formats = new Map<string, string>();
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as Row).slice(1).map((v) => (v === undefined ? null : v));
    row.eachCell((cell) => formats.set(cell.address, cell.numFmt));
  });
  return { name: sheet.name, rows: Array.from(rows, (r) => r ?? []), formats };
}

export const rowStarting = (rows: Row[], first: string) => rows.find((r) => r[0] === first);

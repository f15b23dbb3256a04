import { z } from 'zod';
import { DocumentForm, ProcedureVersion } from '../../../contract/dossier';
import { importPlace, importRejection, type ImportSource } from '../../core/dossier/import-problems';

/** A procedure as an import file describes it (the hub gives it its version). */
export const ImportedProcedure = ProcedureVersion.omit({ id: true, version: true, source: true });
export type ImportedProcedure = z.infer<typeof ImportedProcedure>;

export interface ImportResult {
  readonly procedures: { row: number; procedure: ImportedProcedure }[];
  readonly rejected: { row: number; reason: string }[];
}

/**
 * Flat columns of the CSV and XLSX formats (one procedure per row):
 *   code, name, field, authority, processing_unit (working_days | working_hours | same_day),
 *   processing_value, documents ("name|form|count|mandatory" separated by ";"), fees ("name|amount"
 *   separated by ";"), result, valid_from (YYYY-MM-DD), active (1/0, default 1).
 * Forms: original, copy, certified_copy, original_or_copy (Vietnamese "bản chính", "bản sao",
 * "bản sao chứng thực" are accepted too).
 */
export const importColumns = ['code', 'name', 'field', 'authority', 'processing_unit', 'processing_value', 'documents', 'fees', 'result', 'valid_from', 'active'] as const;

const formWords: Record<string, z.infer<typeof DocumentForm>> = {
  'bản chính': 'original',
  'bản sao': 'copy',
  'bản sao chứng thực': 'certified_copy',
  'bản chính hoặc bản sao': 'original_or_copy',
};

function fromFlat(cells: Record<string, string>): unknown {
  const unit = cells.processing_unit?.trim();
  return {
    code: cells.code?.trim(),
    name: cells.name?.trim(),
    field: cells.field?.trim() ?? '',
    authority: cells.authority?.trim() ?? '',
    processing: unit === 'same_day' ? { unit } : { unit, value: Number(cells.processing_value) },
    documents: (cells.documents ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, form = 'original', count = '1', mandatory = '1'] = d.split('|').map((x) => x.trim());
        return { name, form: formWords[form.toLowerCase()] ?? form, count: Number(count), mandatory: ['1', 'true', 'có', 'x'].includes(mandatory.toLowerCase()) };
      }),
    fees: (cells.fees ?? '')
      .split(';')
      .map((f) => f.trim())
      .filter(Boolean)
      .map((f) => {
        const [name, amount = '0'] = f.split('|').map((x) => x.trim());
        return { name, amount: Number(amount.replace(/[.\s]/g, '')) };
      }),
    result: cells.result?.trim() ?? '',
    validFrom: cells.valid_from?.trim(),
    active: !['0', 'false', 'không'].includes((cells.active ?? '1').trim().toLowerCase()),
  };
}

/** One record checked against the schema: a procedure, or every problem in Vietnamese ("Dòng 12: thiếu tên thủ tục …"). */
function check(row: number, raw: unknown, source: ImportSource): { row: number; procedure: ImportedProcedure } | { row: number; reason: string } {
  const parsed = ImportedProcedure.safeParse(raw);
  if (parsed.success) return { row, procedure: parsed.data };
  return { row, reason: importRejection(row, parsed.error.issues, raw, source) };
}

function split(results: ReturnType<typeof check>[], source: ImportSource): ImportResult {
  const procedures: ImportResult['procedures'] = [];
  const rejected: ImportResult['rejected'] = [];
  const seen = new Map<string, number>();
  for (const r of results) {
    if ('reason' in r) rejected.push(r);
    else if (seen.has(r.procedure.code)) {
      const first = importPlace(seen.get(r.procedure.code)!, source).toLowerCase();
      rejected.push({ row: r.row, reason: `${importPlace(r.row, source)}: mã thủ tục ${r.procedure.code} đã có ở ${first}; mỗi thủ tục chỉ một dòng.` });
    } else {
      seen.set(r.procedure.code, r.row);
      procedures.push(r);
    }
  }
  return { procedures, rejected };
}

/**
 * RFC 4180 CSV: quoted fields, doubled quotes, commas and newlines inside quotes; a BOM is ignored.
 * Each record keeps its number as a spreadsheet shows it (blank records count), for the messages.
 */
export function parseCsv(text: string): TableRow[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.map((cells, i) => ({ row: i + 1, cells })).filter((r) => r.cells.some((x) => x.trim() !== ''));
}

/** A spreadsheet row with its number (1 = the header). */
export interface TableRow {
  readonly row: number;
  readonly cells: readonly string[];
}

function fromTable(table: readonly TableRow[]): ImportResult {
  const [head, ...body] = table;
  if (!head) return { procedures: [], rejected: [{ row: 1, reason: 'Tệp trống: không có dòng tiêu đề và không có thủ tục nào.' }] };
  const names = head.cells.map((h) => h.trim().toLowerCase());
  const missing = ['code', 'name', 'processing_unit', 'valid_from'].filter((c) => !names.includes(c));
  if (missing.length > 0) {
    return { procedures: [], rejected: [{ row: head.row, reason: `Dòng ${head.row} (tiêu đề): thiếu cột ${missing.join(', ')}. Dòng đầu tiên phải có tên các cột: ${importColumns.join(', ')}.` }] };
  }
  if (body.length === 0) return { procedures: [], rejected: [{ row: head.row, reason: 'Tệp chỉ có dòng tiêu đề, chưa có thủ tục nào.' }] };
  return split(body.map(({ row, cells }) => check(row, fromFlat(Object.fromEntries(names.map((n, j) => [n, cells[j] ?? '']))), 'table')), 'table');
}

export async function parseProcedureFile(format: 'json' | 'csv' | 'xlsx', data: Buffer): Promise<ImportResult> {
  if (format === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString('utf8'));
    } catch {
      return { procedures: [], rejected: [{ row: 0, reason: 'Tệp JSON không đọc được: có thể tệp bị hỏng hoặc không phải JSON.' }] };
    }
    const list = Array.isArray(parsed) ? parsed : (parsed as { procedures?: unknown[] } | null)?.procedures;
    if (!Array.isArray(list)) return { procedures: [], rejected: [{ row: 0, reason: 'Tệp JSON phải là một danh sách thủ tục (hoặc { "procedures": [...] }).' }] };
    return split(list.map((item, i) => check(i + 1, item, 'json')), 'json');
  }
  if (format === 'csv') return fromTable(parseCsv(data.toString('utf8')));
  // Loaded on first use: exceljs alone is ~0.4 s of every hub start, for an import done once a year.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as unknown as Parameters<typeof book.xlsx.load>[0]);
  } catch {
    return { procedures: [], rejected: [{ row: 0, reason: 'Tệp XLSX không đọc được: có thể tệp bị hỏng, có mật khẩu hoặc là tệp .xls cũ (hãy lưu lại dạng .xlsx).' }] };
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { procedures: [], rejected: [{ row: 0, reason: 'Tệp XLSX không có trang tính nào.' }] };
  const table: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as unknown[];
    const cells = values.slice(1).map((v) => cellText(v));
    if (cells.some((c) => c.trim() !== '')) table.push({ row: row.number, cells });
  });
  return fromTable(table);
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text);
  return String(v);
}

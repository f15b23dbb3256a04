import ExcelJS from 'exceljs';
import { z } from 'zod';
import { DocumentForm, ProcedureVersion } from '../../../contract/dossier';

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

/** One record checked against the schema: a procedure, or the reason in Vietnamese. */
function check(row: number, raw: unknown): { row: number; procedure: ImportedProcedure } | { row: number; reason: string } {
  const parsed = ImportedProcedure.safeParse(raw);
  if (parsed.success) return { row, procedure: parsed.data };
  return { row, reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'dòng'}: ${i.message}`).join('; ') };
}

function split(results: ReturnType<typeof check>[]): ImportResult {
  const procedures: ImportResult['procedures'] = [];
  const rejected: ImportResult['rejected'] = [];
  const seen = new Set<string>();
  for (const r of results) {
    if ('reason' in r) rejected.push(r);
    else if (seen.has(r.procedure.code)) rejected.push({ row: r.row, reason: `Mã thủ tục ${r.procedure.code} lặp lại trong tệp.` });
    else {
      seen.add(r.procedure.code);
      procedures.push(r);
    }
  }
  return { procedures, rejected };
}

/** RFC 4180 CSV: quoted fields, doubled quotes, commas and newlines inside quotes; a BOM is ignored. */
export function parseCsv(text: string): string[][] {
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
  return rows.filter((r) => r.some((x) => x.trim() !== ''));
}

function fromTable(table: string[][]): ImportResult {
  const [head, ...body] = table;
  if (!head) return { procedures: [], rejected: [{ row: 1, reason: 'Tệp trống.' }] };
  const names = head.map((h) => h.trim().toLowerCase());
  const missing = ['code', 'name', 'processing_unit', 'valid_from'].filter((c) => !names.includes(c));
  if (missing.length > 0) return { procedures: [], rejected: [{ row: 1, reason: `Thiếu cột: ${missing.join(', ')}. Các cột: ${importColumns.join(', ')}.` }] };
  return split(body.map((cells, i) => check(i + 2, fromFlat(Object.fromEntries(names.map((n, j) => [n, cells[j] ?? '']))))));
}

export async function parseProcedureFile(format: 'json' | 'csv' | 'xlsx', data: Buffer): Promise<ImportResult> {
  if (format === 'json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString('utf8'));
    } catch {
      return { procedures: [], rejected: [{ row: 0, reason: 'Tệp JSON không hợp lệ.' }] };
    }
    const list = Array.isArray(parsed) ? parsed : (parsed as { procedures?: unknown[] } | null)?.procedures;
    if (!Array.isArray(list)) return { procedures: [], rejected: [{ row: 0, reason: 'Tệp JSON phải là một danh sách thủ tục (hoặc { "procedures": [...] }).' }] };
    return split(list.map((item, i) => check(i + 1, item)));
  }
  if (format === 'csv') return fromTable(parseCsv(data.toString('utf8')));
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as unknown as Parameters<typeof book.xlsx.load>[0]);
  } catch {
    return { procedures: [], rejected: [{ row: 0, reason: 'Tệp XLSX không đọc được.' }] };
  }
  const sheet = book.worksheets[0];
  if (!sheet) return { procedures: [], rejected: [{ row: 0, reason: 'Tệp XLSX không có trang tính nào.' }] };
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as unknown[];
    table.push(values.slice(1).map((v) => cellText(v)));
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

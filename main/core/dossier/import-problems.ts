/**
 * Why a row of a procedure catalogue file was refused, in words a commune's admin can act on:
 * "Dòng 12: thiếu tên thủ tục (cột name)". The hub checks each record against the contract's
 * schema; this turns each problem found (plain data: where, what kind, the limits) into a
 * sentence naming the column and the value as the file has them.
 */

/** One problem with one field, as a schema check reports it. */
export interface FieldProblem {
  readonly path: readonly PropertyKey[];
  /** too_small, too_big, invalid_type, invalid_value, invalid_union, invalid_format, … */
  readonly code: string;
  readonly origin?: string;
  readonly minimum?: number | bigint;
  readonly maximum?: number | bigint;
  readonly format?: string;
}

/** CSV and XLSX name their columns; a JSON file is a list of procedures. */
export type ImportSource = 'table' | 'json';

const choices: Record<string, string> = {
  'processing.unit': 'working_days (ngày làm việc), working_hours (giờ làm việc) hoặc same_day (trong ngày)',
  form: 'original (bản chính), copy (bản sao), certified_copy (bản sao chứng thực) hoặc original_or_copy (bản chính hoặc bản sao)',
};

/** What a field is called, and the column (CSV/XLSX) or key (JSON) that holds it. */
function fieldName(path: readonly PropertyKey[], source: ImportSource): string {
  const [head, index, part] = path.map(String);
  const column = (flat: string) => ` (${source === 'table' ? 'cột' : 'mục'} ${source === 'table' ? flat : path.map(String).join('.')})`;
  if (head === 'documents' || head === 'fees') {
    const what = head === 'documents' ? 'giấy tờ' : 'khoản phí';
    const parts: Record<string, string> = { name: 'tên', form: 'hình thức nộp', count: 'số lượng', mandatory: 'bắt buộc', amount: 'số tiền' };
    if (index === undefined) return `${head === 'documents' ? 'thành phần hồ sơ' : 'phí, lệ phí'}${column(head)}`;
    return `${parts[part ?? ''] ?? 'nội dung'} của ${what} thứ ${Number(index) + 1}${column(head)}`;
  }
  const names: Record<string, [string, string]> = {
    code: ['mã thủ tục', 'code'],
    name: ['tên thủ tục', 'name'],
    field: ['lĩnh vực', 'field'],
    authority: ['cơ quan giải quyết', 'authority'],
    'processing.unit': ['đơn vị thời hạn', 'processing_unit'],
    'processing.value': ['thời hạn giải quyết', 'processing_value'],
    processing: ['thời hạn giải quyết', 'processing_unit'],
    result: ['kết quả giải quyết', 'result'],
    validFrom: ['ngày bắt đầu áp dụng', 'valid_from'],
    active: ['trạng thái áp dụng', 'active'],
  };
  const key = head === 'processing' && index !== undefined ? `processing.${index}` : (head ?? '');
  const [name, flat] = names[key] ?? ['dữ liệu', key || 'dòng'];
  return `${name}${column(flat)}`;
}

function valueAt(record: unknown, path: readonly PropertyKey[]): unknown {
  let v = record;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

const quoted = (v: unknown) => `“${String(v)}”`;

/** One problem as a short clause: "thiếu tên thủ tục (cột name)". */
export function fieldProblemText(problem: FieldProblem, record: unknown, source: ImportSource): string {
  const field = fieldName(problem.path, source);
  const value = valueAt(record, problem.path);
  const empty = value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
  const last = String(problem.path.at(-1) ?? '');
  const { minimum: min, maximum: max } = problem;
  switch (problem.code) {
    case 'too_small':
      if (problem.origin === 'string' && empty) return `thiếu ${field}`;
      if (problem.origin === 'string') return `${field} quá ngắn (ít nhất ${String(min)} ký tự)`;
      if (problem.origin === 'array') return `${field} cần ít nhất ${String(min)} mục`;
      return Number(min) === 0 ? `${field} không được âm` : `${field} phải từ ${String(min)} trở lên`;
    case 'too_big':
      if (problem.origin === 'string') return `${field} dài quá ${String(max)} ký tự`;
      if (problem.origin === 'array') return `${field} nhiều quá ${String(max)} mục`;
      return `${field} tối đa là ${String(max)}`;
    case 'invalid_type':
      if (empty) return `thiếu ${field}`;
      if (typeof value === 'number' && Number.isNaN(value)) return `${field} phải là một số`;
      return `${field} không đúng kiểu dữ liệu`;
    case 'invalid_union':
    case 'invalid_value': {
      const allowed = choices[last === 'unit' ? 'processing.unit' : last];
      if (empty) return `thiếu ${field}${allowed ? `; dùng ${allowed}` : ''}`;
      return `${field} ${quoted(value)} không hợp lệ${allowed ? `; dùng ${allowed}` : ''}`;
    }
    case 'invalid_format':
      if (empty) return `thiếu ${field}`;
      if (problem.format === 'date') return `${field} ${quoted(value)} không phải ngày hợp lệ; viết năm-tháng-ngày, ví dụ 2025-07-01`;
      if (last === 'code') return `${field} ${quoted(value)} không đúng dạng mã thủ tục (ví dụ 1.001193.000.00.00.H21)`;
      return `${field} ${quoted(value)} không đúng định dạng`;
    default:
      return empty ? `thiếu ${field}` : `${field} ${quoted(value)} không hợp lệ`;
  }
}

/** "Dòng 12" in a CSV or XLSX file, "Thủ tục thứ 3" in a JSON list. */
export function importPlace(row: number, source: ImportSource): string {
  return source === 'table' ? `Dòng ${row}` : `Thủ tục thứ ${row}`;
}

/** Every problem of one record in one sentence: "Dòng 12: thiếu tên thủ tục (cột name); …". */
export function importRejection(row: number, problems: readonly FieldProblem[], record: unknown, source: ImportSource): string {
  const clauses = [...new Set(problems.map((p) => fieldProblemText(p, record, source)))];
  return `${importPlace(row, source)}: ${clauses.join('; ')}.`;
}

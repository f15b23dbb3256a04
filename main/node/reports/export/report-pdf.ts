import { formatVnDateTime } from '../../../core/vn-time';
import { renderFormPdf, type FormTemplate } from '../../forms/index';
import type { Block, RichText } from '../../forms/template';
import { agencyLines, title } from '../../forms/templates/common';
import type { Cell, CellKind, ReportDocument } from './report-document';
import type { ReportHeading } from './report-xlsx';

const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** A value as the report prints it: "1.234", "12,5", "85,3 %", "14:05 26/11/2026"; a dash for none. */
function shown(v: Cell, kind: CellKind): string {
  if (v === null) return '–';
  if (typeof v === 'string') return v;
  if (kind === 'share') return `${number.format(v * 100)} %`;
  if (kind === 'datetime') return formatVnDateTime(v);
  return number.format(v);
}

/** Width units in a full line: a table of a label and a figure or two takes part of the line, not all of it. */
const LINE_UNITS = 10;

/** The columns' relative widths as fractions of the line. */
const fractions = (widths: readonly number[]) => {
  const units = Math.max(LINE_UNITS, widths.reduce((a, b) => a + b, 0));
  return widths.map((w) => w / units);
};

function blocks(doc: ReportDocument, heading: ReportHeading): Block[] {
  const out: Block[] = [
    { kind: 'columns', columns: [{ width: 0.5, blocks: agencyLines(heading.headerLines) }] },
    ...title(doc.title, [[{ text: heading.period, italic: true }], ...(heading.scopeNote ? [heading.scopeNote] : [])]),
  ];
  for (const section of doc.sections) {
    out.push({ kind: 'text', text: section.title, bold: true, spaceBefore: 14, keepWithNext: true });
    if (section.kind === 'bars') {
      if (section.bars.length === 0) out.push({ kind: 'text', text: 'Không có số liệu.', italic: true, size: 'small' });
      else out.push({ kind: 'bars', spaceBefore: 4, bars: section.bars.map((b) => ({ label: b.label, value: b.value, valueText: shown(b.value, section.valueKind) })) });
      continue;
    }
    const widths = fractions(section.columns.map((c) => c.width));
    if (section.rows.length === 0) {
      out.push({ kind: 'text', text: section.empty ?? 'Không có số liệu.', italic: true, size: 'small' });
      continue;
    }
    out.push({
      kind: 'table', size: 'small', spaceBefore: 4,
      columns: section.columns.map((c, i) => ({ header: c.header, width: widths[i]!, align: c.kind === 'text' ? 'left' : 'right' })),
      rows: section.rows.map((row) => row.map((v, i): RichText => shown(v, section.columns[i]!.kind))),
    });
  }
  return out;
}

/** The report on A4 (landscape: the monthly table has twelve columns), the site's letterhead, the period, tables and charts. */
export async function reportPdf(doc: ReportDocument, heading: ReportHeading): Promise<Buffer> {
  const template: FormTemplate<null> = { id: `bao-cao-${doc.fileStem}@mot-cua`, title: doc.title, orientation: 'landscape', build: () => blocks(doc, heading) };
  return renderFormPdf(template, null);
}

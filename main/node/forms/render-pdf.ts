/**
 * The one renderer of every form: lays a template's blocks out on A4 pages with pdfkit and
 * returns the PDF. Blocks become boxes (a line of text, a table row, a set of columns); boxes
 * flow down the page and move to the next page whole, so a line or a row is never cut.
 */
import { registerFonts } from './fonts';
import { drawQr } from './qr';
import type { Align, BarsBlock, Block, FormTemplate, ListBlock, ListItem, RichText, TableBlock, TextBlock, TextSize } from './template';
import { Typesetter, type Line, type Style } from './typesetter';

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
/** Margins of administrative documents (NĐ 30/2020, Phụ lục I): wide on the left for binding. */
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };

/** One typographic scale for every form; the sizes fit a receipt with a dozen papers on one page. */
const SIZES: Record<TextSize, number> = { small: 9.5, body: 11, title: 13 };

const CELL_PADDING = 3;
const RULE_GAP = 2;

interface Box {
  readonly height: number;
  readonly spaceBefore: number;
  /** Blank space: dropped at the top of a page. */
  readonly blank?: boolean;
  /** Drawn first on a new page when this box is moved there (a table's header row). */
  readonly header?: Box;
  /** Moves to the next page together with the box after it. */
  readonly keepWithNext?: boolean;
  draw(x: number, y: number): void;
}

export interface RenderOptions {
  /** Print these copy labels instead of the template's, e.g. only the applicant's copy again. */
  readonly copies?: readonly string[];
}

export async function renderFormPdf<D>(template: FormTemplate<D>, data: D, options: RenderOptions = {}): Promise<Buffer> {
  // Loaded with the first form, not at the hub's start (pdfkit and fontkit are ~0.25 s to load).
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: template.title,
      Subject: template.number ? `${template.number} (${template.id})` : template.id,
      Creator: 'Một Cửa',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  registerFonts(doc);
  const page = template.orientation === 'landscape' ? { width: A4.height, height: A4.width } : A4;
  const layout = new Layout(new Typesetter(doc), doc);
  const copies = options.copies ?? template.copies ?? [undefined];
  for (const copy of copies) {
    const firstPage = doc.bufferedPageRange().count;
    const flow = new PageFlow(doc, template.orientation, page);
    flow.placeAll(template.build(data, { copy }).flatMap((block) => layout.boxes(block, flow.width)));
    layout.numberPages(firstPage, doc.bufferedPageRange().count, page);
  }
  doc.end();
  return finished;
}

/** Places boxes top to bottom and starts a new page when the next one does not fit. */
class PageFlow {
  readonly width: number;
  private y = 0;
  private readonly top = MARGIN.top;
  private readonly bottom: number;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly layout: 'portrait' | 'landscape',
    page: { width: number; height: number },
  ) {
    this.width = page.width - MARGIN.left - MARGIN.right;
    this.bottom = page.height - MARGIN.bottom;
    this.newPage();
  }

  placeAll(boxes: readonly Box[]): void {
    boxes.forEach((box, i) => this.place(box, this.chainHeight(boxes, i)));
  }

  /** Height from box i to the end of its keep-with-next chain: what must fit on this page. */
  private chainHeight(boxes: readonly Box[], i: number): number {
    let height = boxes[i].height;
    for (let k = i; boxes[k].keepWithNext && k + 1 < boxes.length; k++) height += boxes[k + 1].spaceBefore + boxes[k + 1].height;
    // A chain taller than a page cannot be kept together: then only the box itself must fit.
    return height > this.bottom - this.top ? boxes[i].height : height;
  }

  private place(box: Box, needed: number): void {
    const atTop = this.y === this.top;
    if (atTop && box.blank) return;
    const before = atTop ? 0 : box.spaceBefore;
    if (!atTop && this.y + before + needed > this.bottom) {
      this.newPage();
      if (box.blank) return;
      if (box.header) {
        box.header.draw(MARGIN.left, this.y);
        this.y += box.header.height;
      }
    } else {
      this.y += before;
    }
    box.draw(MARGIN.left, this.y);
    this.y += box.height;
  }

  private newPage(): void {
    // Zero pdfkit margins: all placement is ours, and pdfkit must never add a page by itself.
    this.doc.addPage({ size: 'A4', layout: this.layout, margin: 0 });
    this.y = this.top;
  }
}

/** Turns blocks into boxes of known height. */
class Layout {
  constructor(
    private readonly ts: Typesetter,
    private readonly doc: PDFKit.PDFDocument,
  ) {}

  boxes(block: Block, width: number): Box[] {
    switch (block.kind) {
      case 'text':
        return this.text(block, width);
      case 'list':
        return this.list(block, width);
      case 'table':
        return this.table(block, width);
      case 'columns': {
        const columns = block.columns.map((c) => {
          const w = c.width * width;
          const boxes = c.blocks.flatMap((b) => this.boxes(b, w));
          const height = boxes.reduce((h, b, i) => h + (i > 0 ? b.spaceBefore : 0) + b.height, 0);
          return { width: w, boxes, height };
        });
        return [
          {
            height: Math.max(0, ...columns.map((c) => c.height)),
            spaceBefore: block.spaceBefore ?? 0,
            draw: (x, y) => {
              let cx = x;
              for (const column of columns) {
                stack(column.boxes, cx, y);
                cx += column.width;
              }
            },
          },
        ];
      }
      case 'qr': {
        const { payload, size } = block;
        const offset = alignOffset(block.align ?? 'left', width, size);
        return [{ height: size, spaceBefore: block.spaceBefore ?? 0, draw: (x, y) => drawQr(this.doc, payload, x + offset, y, size) }];
      }
      case 'bars':
        return this.bars(block, width);
      case 'space':
        return [{ height: block.height, spaceBefore: 0, blank: true, draw: () => {} }];
    }
  }

  /** Label (35 % of the width), bar (50 %), value (15 %); a row is as tall as its label's lines. */
  private bars(block: BarsBlock, width: number): Box[] {
    const style = this.style(block.size ?? 'small');
    const labelWidth = width * 0.35;
    const barRoom = width * 0.5;
    const largest = Math.max(0, ...block.bars.map((b) => b.value));
    return block.bars.map((bar, i): Box => {
      const label = this.ts.layout(bar.label, style, labelWidth - CELL_PADDING);
      const value = this.ts.layout(bar.valueText, style, width - labelWidth - barRoom);
      const lineHeight = this.ts.lineHeight(style.size);
      const height = label.length * lineHeight + CELL_PADDING;
      const length = largest === 0 ? 0 : (bar.value / largest) * (barRoom - CELL_PADDING);
      return {
        height,
        spaceBefore: i === 0 ? (block.spaceBefore ?? 0) : 0,
        draw: (x, y) => {
          this.ts.draw(label, x, y, 'left');
          if (length > 0) this.doc.rect(x + labelWidth, y + lineHeight * 0.2, Math.max(length, 0.8), lineHeight * 0.65).fillColor('#2f6690').fill().fillColor('black');
          this.ts.draw(value, x + labelWidth + length + CELL_PADDING * 2, y, 'left');
        },
      };
    });
  }

  /** "Trang 1/2" at the foot of each page of a copy that runs over one page. */
  numberPages(first: number, end: number, page: { width: number; height: number }): void {
    const count = end - first;
    if (count < 2) return;
    const size = SIZES.small;
    for (let i = 0; i < count; i++) {
      this.doc.switchToPage(first + i);
      const lines = this.ts.layout(`Trang ${i + 1}/${count}`, { size, bold: false, italic: false }, page.width);
      this.ts.draw(lines, 0, page.height - MARGIN.bottom / 2 - this.ts.lineHeight(size) / 2, 'center');
    }
  }

  private style(size: TextSize | undefined, bold = false, italic = false): Style {
    return { size: SIZES[size ?? 'body'], bold, italic };
  }

  private text(block: TextBlock, width: number): Box[] {
    const style = this.style(block.size, block.bold, block.italic);
    const align = block.align ?? 'left';
    const lines = this.ts.layout(block.text, style, width, block.firstLineIndent);
    const boxes = keepLines(lines.map((line, i): Box => this.lineBox(line, i === 0 ? (block.spaceBefore ?? 0) : 0, align)));
    if (block.rule) {
      const widest = Math.max(...lines.map((l) => this.ts.naturalWidth(l)));
      const ruleWidth = block.rule === 'full' ? widest : widest / 3;
      const last = boxes.pop()!;
      boxes.push({
        height: last.height + RULE_GAP * 2,
        spaceBefore: last.spaceBefore,
        draw: (x, y) => {
          last.draw(x, y);
          const rx = x + alignOffset(align, width, ruleWidth);
          const ry = y + last.height + RULE_GAP;
          this.doc.moveTo(rx, ry).lineTo(rx + ruleWidth, ry).lineWidth(0.6).strokeColor('black').stroke();
        },
      });
    }
    if (block.keepWithNext) boxes.push({ ...boxes.pop()!, keepWithNext: true });
    return boxes;
  }

  private lineBox(line: Line, spaceBefore: number, align: Align, marker?: { text: string; offset: number }): Box {
    return {
      height: this.ts.lineHeight(line.size),
      spaceBefore,
      draw: (x, y) => {
        if (marker) this.ts.draw(this.ts.layout(marker.text, { size: line.size, bold: false, italic: false }, Infinity), x - marker.offset, y, 'left');
        this.ts.draw([line], x, y, align);
      },
    };
  }

  private list(block: ListBlock, width: number): Box[] {
    const style = this.style(block.size);
    const boxes = this.listItems(block.items, style, block.indent ?? 0, width);
    return boxes.map((box, i) => (i === 0 ? { ...box, spaceBefore: block.spaceBefore ?? 0 } : box));
  }

  private listItems(items: readonly ListItem[], style: Style, indent: number, width: number): Box[] {
    // The marker column is as wide as the widest marker plus a space, so all items align.
    const markerWidth = Math.max(0, ...items.map((item) => this.ts.width(item.marker, 'regular', style.size))) + style.size * 0.4;
    const textX = indent + markerWidth;
    return items.flatMap((item) => {
      const lines = keepLines(
        this.ts.layout(item.text, style, width - textX).map((line, i): Box => {
          const box = this.lineBox(line, 0, 'left', i === 0 ? { text: item.marker, offset: markerWidth } : undefined);
          return { ...box, draw: (x, y) => box.draw(x + textX, y) };
        }),
      );
      if (!item.items) return lines;
      // An item that introduces a nested list stays with the list's first line.
      return [...lines.slice(0, -1), { ...lines[lines.length - 1], keepWithNext: true }, ...this.listItems(item.items, style, textX, width)];
    });
  }

  private table(block: TableBlock, width: number): Box[] {
    const size = SIZES[block.size ?? 'body'];
    const widths = block.columns.map((c) => c.width * width);
    const row = (cells: readonly RichText[], bold: boolean, aligns: readonly Align[]): Box => {
      const laid = cells.map((cell, i) => this.ts.layout(cell, { size, bold, italic: false }, widths[i] - 2 * CELL_PADDING));
      const height = Math.max(...laid.map((lines) => lines.length)) * this.ts.lineHeight(size) + 2 * CELL_PADDING;
      return {
        height,
        spaceBefore: 0,
        draw: (x, y) => {
          let cx = x;
          laid.forEach((lines, i) => {
            this.doc.rect(cx, y, widths[i], height).lineWidth(0.5).strokeColor('black').stroke();
            this.ts.draw(lines, cx + CELL_PADDING, y + CELL_PADDING, aligns[i]);
            cx += widths[i];
          });
        },
      };
    };
    const header: Box = {
      ...row(block.columns.map((c) => c.header), true, block.columns.map(() => 'center')),
      spaceBefore: block.spaceBefore ?? 0,
      keepWithNext: true,
    };
    const aligns = block.columns.map((c) => c.align ?? 'left');
    return [header, ...block.rows.map((cells) => ({ ...row(cells, false, aligns), header }))];
  }
}

/**
 * No single line of a paragraph left alone at the foot or the head of a page: the first line keeps
 * with the second, and the last with the one before.
 */
function keepLines(lines: Box[]): Box[] {
  const n = lines.length;
  return lines.map((line, i) => (n >= 2 && (i === 0 || i === n - 2) ? { ...line, keepWithNext: true } : line));
}

/** Draws boxes one under the other, as inside a column. */
function stack(boxes: readonly Box[], x: number, y: number): void {
  boxes.forEach((box, i) => {
    if (i > 0) y += box.spaceBefore;
    box.draw(x, y);
    y += box.height;
  });
}

function alignOffset(align: Align, room: number, width: number): number {
  if (align === 'center') return (room - width) / 2;
  if (align === 'right') return room - width;
  return 0;
}

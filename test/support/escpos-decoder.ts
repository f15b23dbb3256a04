import { createCanvas } from '@napi-rs/canvas';
import QRCode from 'qrcode';
import { cssFont, ensurePrintFont } from '../../main/node/print/font';

/**
 * Walks captured ESC/POS bytes the way a printer would and reports what lands on paper: text
 * through the active `ESC t` code page, its `GS !` size, raster images, QR payloads, cuts. It is
 * written from Epson's command reference and the TCVN-3 standard, independently of the encoder, so
 * tests assert what the citizen would see. Unknown commands throw: a byte the decoder cannot
 * explain is a byte a printer might print as junk.
 */

export type Align = 'left' | 'center' | 'right';

export type DecodedItem =
  | { kind: 'text'; text: string; align: Align; bold: boolean; width: number; height: number; codepages: number[] }
  | { kind: 'raster'; width: number; height: number; rowBytes: number; data: Uint8Array; align: Align }
  | { kind: 'qr'; payload: string; moduleSize: number; errorLevel: 'L' | 'M' | 'Q' | 'H'; align: Align }
  | { kind: 'feed'; dots: number }
  | { kind: 'cut'; partial: boolean }
  | { kind: 'beep' }
  | { kind: 'status-query'; n: number };

export interface DecodedJob {
  readonly items: DecodedItem[];
  /** Offsets of every `ESC @`. */
  readonly resets: number[];
  /** `FS .` was sent (leaves double-byte mode on clones). */
  readonly leftDoubleByte: boolean;
}

/** Epson's default line spacing (1/6 inch at 203 dpi). */
export const LINE_DOTS = 34;

// TCVN-3 (TCVN 5712:1993, VN3) lower-case font, 0xA1–0xFE; '\0' marks unassigned positions.
const TCVN3_HIGH =
  'ĂÂÊÔƠƯĐăâêôơưđ' + // A1–AE
  '\0\0\0\0\0\0' + // AF–B4
  'àảãáạ\0ằẳẵắ' + // B5–BE
  '\0\0\0\0\0\0\0' + // BF–C5
  'ặầẩẫấậè\0ẻẽéẹềểễếệìỉ\0\0\0ĩíịò\0ỏõóọồổỗốộờởỡớợù\0ủũúụừửữứựỳỷỹýỵ'; // C6–FE

// IBM PC437, 0x80–0xFF.
const PC437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

function decodeTable(high: string, first: number): string[] {
  const table: string[] = [];
  for (let b = 0; b < 256; b++) table.push(b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '\uFFFD');
  [...high].forEach((ch, i) => (table[first + i] = ch === '\0' ? '\uFFFD' : ch));
  return table;
}

const TCVN3_LOWER = decodeTable(TCVN3_HIGH, 0xa1);
/** Page 31 holds the capital of each letter of page 30 at the same position; ASCII stays ASCII. */
const TCVN3_CAPITALS = decodeTable([...TCVN3_HIGH].map((c) => c.toUpperCase()).join(''), 0xa1);
const CODE_PAGES: Record<number, string[]> = { 0: decodeTable(PC437_HIGH, 0x80), 30: TCVN3_LOWER, 31: TCVN3_CAPITALS };

if ([...TCVN3_HIGH].length !== 0xfe - 0xa1 + 1 || [...PC437_HIGH].length !== 128) throw new Error('Code page table sizes are wrong');

const QR_LEVELS = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' } as const;

export function decodeEscPos(input: Uint8Array): DecodedJob {
  const b = input;
  const items: DecodedItem[] = [];
  const resets: number[] = [];
  let leftDoubleByte = false;
  let align: Align = 'left';
  let bold = false;
  let width = 1;
  let height = 1;
  let page = 0;
  let line: { text: string; align: Align; bold: boolean; width: number; height: number; codepages: Set<number> } | null = null;
  let qr = { payload: '', moduleSize: 3, errorLevel: 'L' as 'L' | 'M' | 'Q' | 'H' };

  const flushLine = (): void => {
    if (line) items.push({ kind: 'text', ...line, codepages: [...line.codepages] });
    else items.push({ kind: 'feed', dots: LINE_DOTS });
    line = null;
  };
  const need = (i: number, n: number): void => {
    if (i + n > b.length) throw new Error(`Truncated command at offset ${i}`);
  };

  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c === 0x0a) {
      flushLine();
      i += 1;
    } else if (c === 0x0d) {
      i += 1; // CR is ignored unless auto line feed is on
    } else if (c >= 0x20 && c !== 0x7f) {
      const table = CODE_PAGES[page];
      if (!table) throw new Error(`Text in code page ${page} at offset ${i}: not a page this app should use`);
      line ??= { text: '', align, bold, width, height, codepages: new Set<number>() };
      line.text += table[c];
      line.codepages.add(page);
      i += 1;
    } else if (c === 0x1b) {
      need(i, 2);
      const op = b[i + 1];
      if (op === 0x40) {
        resets.push(i);
        align = 'left';
        bold = false;
        width = height = 1;
        page = 0;
        i += 2;
      } else if (op === 0x61) {
        need(i, 3);
        align = (['left', 'center', 'right'] as const)[b[i + 2] % 48] ?? 'left';
        i += 3;
      } else if (op === 0x45) {
        need(i, 3);
        bold = (b[i + 2] & 1) === 1;
        i += 3;
      } else if (op === 0x74) {
        need(i, 3);
        page = b[i + 2];
        i += 3;
      } else if (op === 0x64) {
        need(i, 3);
        if (line) flushLine();
        items.push({ kind: 'feed', dots: b[i + 2] * LINE_DOTS });
        i += 3;
      } else if (op === 0x4a) {
        need(i, 3);
        if (line) flushLine();
        items.push({ kind: 'feed', dots: b[i + 2] });
        i += 3;
      } else if (op === 0x42) {
        need(i, 4);
        items.push({ kind: 'beep' });
        i += 4;
      } else {
        throw new Error(`Unknown command ESC 0x${op.toString(16)} at offset ${i}`);
      }
    } else if (c === 0x1d) {
      need(i, 2);
      const op = b[i + 1];
      if (op === 0x21) {
        need(i, 3);
        width = (b[i + 2] >> 4) + 1;
        height = (b[i + 2] & 0x0f) + 1;
        i += 3;
      } else if (op === 0x76 && b[i + 2] === 0x30) {
        need(i, 8);
        const rowBytes = b[i + 4] | (b[i + 5] << 8);
        const rows = b[i + 6] | (b[i + 7] << 8);
        need(i + 8, rowBytes * rows);
        items.push({ kind: 'raster', width: rowBytes * 8, height: rows, rowBytes, data: b.slice(i + 8, i + 8 + rowBytes * rows), align });
        i += 8 + rowBytes * rows;
      } else if (op === 0x28 && b[i + 2] === 0x6b) {
        need(i, 5);
        const length = b[i + 3] | (b[i + 4] << 8);
        need(i + 5, length);
        const [cn, fn] = [b[i + 5], b[i + 6]];
        if (cn !== 0x31) throw new Error(`Unsupported 2D symbol cn=${cn} at offset ${i}`);
        if (fn === 0x43) qr.moduleSize = b[i + 7];
        else if (fn === 0x45) qr.errorLevel = QR_LEVELS[b[i + 7] as keyof typeof QR_LEVELS];
        else if (fn === 0x50) qr.payload = Buffer.from(b.slice(i + 8, i + 5 + length)).toString('latin1');
        else if (fn === 0x51) items.push({ kind: 'qr', ...qr, align });
        else if (fn !== 0x41) throw new Error(`Unsupported QR function ${fn} at offset ${i}`);
        i += 5 + length;
      } else if (op === 0x56) {
        need(i, 3);
        const m = b[i + 2];
        if (line) flushLine();
        items.push({ kind: 'cut', partial: m === 1 || m === 49 || m === 66 });
        i += m === 65 || m === 66 ? 4 : 3;
      } else if (op === 0x72) {
        need(i, 3);
        items.push({ kind: 'status-query', n: b[i + 2] });
        i += 3;
      } else {
        throw new Error(`Unknown command GS 0x${op.toString(16)} at offset ${i}`);
      }
    } else if (c === 0x1c) {
      need(i, 2);
      if (b[i + 1] !== 0x2e) throw new Error(`Unknown command FS 0x${b[i + 1].toString(16)} at offset ${i}`);
      leftDoubleByte = true;
      i += 2;
    } else if (c === 0x10 && b[i + 1] === 0x04) {
      need(i, 3);
      items.push({ kind: 'status-query', n: b[i + 2] });
      i += 3;
    } else {
      throw new Error(`Unexpected byte 0x${c.toString(16)} at offset ${i}`);
    }
  }
  if (line) flushLine();
  return { items, resets, leftDoubleByte };
}

export type TextItem = Extract<DecodedItem, { kind: 'text' }>;
export type RasterItem = Extract<DecodedItem, { kind: 'raster' }>;

export const textItems = (job: DecodedJob): TextItem[] => job.items.filter((it): it is TextItem => it.kind === 'text');

/** Consecutive `GS v 0` bands joined back into the images they were cut from. */
export function rasterImages(job: DecodedJob): RasterItem[] {
  const images: RasterItem[] = [];
  let previous: DecodedItem | undefined;
  for (const item of job.items) {
    const last = images[images.length - 1];
    if (item.kind === 'raster' && previous?.kind === 'raster' && last && last.rowBytes === item.rowBytes) {
      const data = new Uint8Array(last.data.length + item.data.length);
      data.set(last.data);
      data.set(item.data, last.data.length);
      images[images.length - 1] = { ...last, height: last.height + item.height, data };
    } else if (item.kind === 'raster') {
      images.push(item);
    }
    previous = item;
  }
  return images;
}

export function rasterBit(image: { rowBytes: number; data: Uint8Array }, x: number, y: number): boolean {
  const byte = image.data[y * image.rowBytes + (x >> 3)];
  return byte !== undefined && (byte & (0x80 >> (x & 7))) !== 0;
}

/**
 * Share of differing dots between two images over the larger of them (0 = identical); each is
 * read as a `width` × `height` page so a narrower (right-trimmed) image compares as blank paper.
 */
export function rasterDiffRatio(a: { width: number; height: number; rowBytes: number; data: Uint8Array }, b: typeof a): number {
  const width = Math.max(a.width, b.width);
  const height = Math.max(a.height, b.height);
  let differ = 0;
  let inked = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const pa = x < a.width && y < a.height && rasterBit(a, x, y);
      const pb = x < b.width && y < b.height && rasterBit(b, x, y);
      if (pa !== pb) differ++;
      if (pa || pb) inked++;
    }
  }
  return inked === 0 ? 0 : differ / inked;
}

/**
 * A PNG of the decoded job, one pixel per dot: rasters as decoded, printer text in plain glyphs
 * sized by `GS !`, and each QR rebuilt from its decoded payload, level and module size, so a QR
 * reader can check the payload the printer would have received.
 */
export function renderDecodedToPng(job: DecodedJob, widthDots: number): Buffer {
  ensurePrintFont();
  const heights = job.items.map(itemHeight);
  const canvas = createCanvas(widthDots, Math.max(1, heights.reduce((a, h) => a + h, 16)));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000';
  let y = 8;
  job.items.forEach((item, index) => {
    if (item.kind === 'raster') {
      for (let row = 0; row < item.height; row++) {
        for (let x = 0; x < item.width; x++) if (rasterBit(item, x, row)) ctx.fillRect(x, y + row, 1, 1);
      }
    } else if (item.kind === 'text') {
      ctx.font = cssFont(20, item.bold);
      ctx.save();
      ctx.translate(0, y + heights[index] - 5 * item.height);
      ctx.scale(item.width, item.height);
      const w = ctx.measureText(item.text).width;
      const x = item.align === 'left' ? 0 : item.align === 'center' ? (widthDots / item.width - w) / 2 : widthDots / item.width - w;
      ctx.fillText(item.text, x, 0);
      ctx.restore();
    } else if (item.kind === 'qr') {
      const symbol = QRCode.create(item.payload, { errorCorrectionLevel: item.errorLevel });
      const side = symbol.modules.size * item.moduleSize;
      const x0 = item.align === 'left' ? 0 : item.align === 'center' ? Math.floor((widthDots - side) / 2) : widthDots - side;
      for (let r = 0; r < symbol.modules.size; r++) {
        for (let c = 0; c < symbol.modules.size; c++) {
          if (symbol.modules.get(r, c)) ctx.fillRect(x0 + c * item.moduleSize, y + r * item.moduleSize, item.moduleSize, item.moduleSize);
        }
      }
    } else if (item.kind === 'cut') {
      ctx.fillRect(0, y + 4, widthDots, 1);
    }
    y += heights[index];
  });
  return canvas.toBuffer('image/png');
}

function itemHeight(item: DecodedItem): number {
  switch (item.kind) {
    case 'raster':
      return item.height;
    case 'text':
      return Math.max(LINE_DOTS, 24 * item.height);
    case 'qr':
      return QRCode.create(item.payload, { errorCorrectionLevel: item.errorLevel }).modules.size * item.moduleSize;
    case 'feed':
      return item.dots;
    case 'cut':
      return 10;
    default:
      return 0;
  }
}

import QRCode from 'qrcode';
import type { Bitmap } from './bitmap';
import type { Align, Block, PrintDocument, PrinterProfile, QrErrorLevel } from './layout-types';
import { columnsOf } from './profiles';
import { renderTextRaster, type RasterTextStyle } from './raster-text';
import { plainForTcvn3 } from './tcvn3-text';
import { wrapBalanced, wrapText } from './wrap';

/**
 * A document laid out for one printer: what each block becomes on paper. `encode` turns these into
 * bytes and `preview` draws them, so the preview cannot drift from what is printed.
 */
export type RenderedItem =
  /** Alignment is baked into the pixels; the encoder prints it left-aligned. */
  | { kind: 'raster'; bitmap: Bitmap }
  /** Lines in the printer's font A; `tcvn3` lines go through Epson code pages 30/31. */
  | { kind: 'text'; lines: string[]; charset: 'ascii' | 'tcvn3'; align: Align; bold: boolean; scale: number }
  | { kind: 'qr'; payload: string; errorLevel: QrErrorLevel; moduleDots: number; modules: QrModules; align: Align }
  | { kind: 'gap'; dots: number }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut'; mode: 'partial' | 'full' }
  | { kind: 'beep' };

/** The QR symbol as the printer will build it (same payload, level and automatic version). */
export interface QrModules {
  readonly size: number;
  readonly dark: (row: number, col: number) => boolean;
}

export function renderDocument(doc: PrintDocument, profile: PrinterProfile): RenderedItem[] {
  return doc.flatMap((block) => renderBlock(block, profile));
}

const BIG_DEFAULT_MAX_SCALE = 6;
/** White space a QR reader needs around the symbol, in modules (ISO 18004 asks for 4). */
const QR_QUIET_MODULES = 4;

function renderBlock(block: Block, profile: PrinterProfile): RenderedItem[] {
  const align = 'align' in block ? (block.align ?? 'center') : 'center';
  switch (block.kind) {
    case 'line':
      return renderLine(block.text, { size: block.size ?? 'normal', bold: block.bold ?? false, align }, profile);
    case 'item':
      return renderLine(block.text, { size: block.size ?? 'normal', bold: false, align: 'left', marker: block.marker }, profile);
    case 'big': {
      assertAscii(block.text, 'big');
      const fit = Math.floor(columnsOf(profile) / Math.max(1, block.text.length));
      const scale = Math.max(1, Math.min(8, block.maxScale ?? BIG_DEFAULT_MAX_SCALE, fit));
      return [{ kind: 'text', lines: [block.text], charset: 'ascii', align, bold: block.bold ?? true, scale }];
    }
    case 'qr':
      return renderQr(block.payload, block.errorLevel ?? 'M', align, profile);
    case 'separator':
      return [{ kind: 'text', lines: ['-'.repeat(columnsOf(profile))], charset: 'ascii', align: 'left', bold: false, scale: 1 }];
    case 'feed':
      return [{ kind: 'feed', lines: block.lines }];
    case 'cut':
      return [{ kind: 'cut', mode: profile.cut }];
    case 'beep':
      return [{ kind: 'beep' }];
  }
}

function renderLine(text: string, style: RasterTextStyle, profile: PrinterProfile): RenderedItem[] {
  if (profile.textMode === 'raster') return [{ kind: 'raster', bitmap: renderTextRaster(text, style, profile.widthDots) }];
  // Printer text: 'large' is double width and height; 'small' stays font A (font B differs per model).
  const scale = style.size === 'large' ? 2 : 1;
  const hang = style.marker === undefined ? '' : `${plainForTcvn3(style.marker)} `;
  const columns = Math.floor(columnsOf(profile) / scale) - hang.length;
  const wrap = style.align === 'center' ? wrapBalanced : wrapText;
  const lines = wrap(plainForTcvn3(text), columns, (s) => [...s].length).map((line, i) => (i === 0 ? hang : ' '.repeat(hang.length)) + line);
  return [{ kind: 'text', lines, charset: 'tcvn3', align: style.align, bold: style.bold, scale }];
}

function renderQr(payload: string, errorLevel: QrErrorLevel, align: Align, profile: PrinterProfile): RenderedItem[] {
  assertAscii(payload, 'qr');
  const symbol = QRCode.create(payload, { errorCorrectionLevel: errorLevel });
  const size = symbol.modules.size;
  // Shrink the module until symbol + quiet zone fits the paper; below 3 dots phones struggle.
  let moduleDots = profile.qrModuleDots;
  while (moduleDots > 3 && (size + 2 * QR_QUIET_MODULES) * moduleDots > profile.widthDots) moduleDots--;
  // A symbol wider than the paper prints as nothing at all; fail where the layout is made.
  if (size * moduleDots > profile.widthDots) throw new RangeError(`QR payload too long for ${profile.widthDots} dots: ${payload.length} characters`);
  const modules: QrModules = { size, dark: (row, col) => symbol.modules.get(row, col) === 1 };
  const quiet: RenderedItem = { kind: 'gap', dots: QR_QUIET_MODULES * moduleDots };
  return [quiet, { kind: 'qr', payload, errorLevel, moduleDots, modules, align }, quiet];
}

/** The message names the first offending character's code point, not the text: errors reach the log, and the text may be personal. */
function assertAscii(text: string, what: string): void {
  const bad = /[^\x20-\x7e]/u.exec(text);
  if (bad) throw new RangeError(`A ${what} block takes printable ASCII only: U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at ${bad.index}`);
}

import * as cmd from './escpos-commands';
import type { PrintDocument, PrinterProfile } from './layout-types';
import { renderDocument, type RenderedItem } from './render';
import { tcvn3Line } from './tcvn3-text';

/** The bytes of one print job: `ESC @` + `FS .`, then every block, for one printer profile. */
export function encode(doc: PrintDocument, profile: PrinterProfile): Buffer {
  return encodeRendered(renderDocument(doc, profile));
}

export function encodeRendered(items: readonly RenderedItem[]): Buffer {
  return Buffer.concat([cmd.initialize(), ...items.map(encodeItem)]);
}

function encodeItem(item: RenderedItem): Buffer {
  switch (item.kind) {
    case 'raster':
      // Left: on Epson, ESC a also positions GS v 0, and the alignment is already in the pixels.
      return Buffer.concat([cmd.align('left'), cmd.rasterImage(item.bitmap)]);
    case 'text':
      return Buffer.concat([
        cmd.align(item.align),
        cmd.bold(item.bold),
        cmd.characterSize(item.scale, item.scale),
        ...item.lines.map((line) => (item.charset === 'tcvn3' ? tcvn3Line(line) : Buffer.from(`${line}\n`, 'ascii'))),
        cmd.characterSize(1, 1),
        cmd.bold(false),
      ]);
    case 'qr':
      // The printer feeds by the symbol's height itself; no LF (it would add an empty line).
      return Buffer.concat([cmd.align(item.align), cmd.qrCode(item.payload, item.moduleDots, item.errorLevel)]);
    case 'gap':
      return cmd.feedDots(item.dots);
    case 'feed':
      return cmd.feedLines(item.lines);
    case 'cut':
      return cmd.cut(item.mode);
    case 'beep':
      return cmd.beep();
  }
}

import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { bitAt, type Bitmap } from './bitmap';
import { cssFont, ensurePrintFont } from './font';
import type { Align, PrintDocument, PrinterProfile } from './layout-types';
import { FONT_A } from './profiles';
import { renderDocument, type RenderedItem } from './render';

/**
 * A PNG of the job at one pixel per printer dot, drawn from the same rendering `encode` prints:
 * raster lines bit for bit, the QR module for module. Printer-font text (the big number, TCVN-3
 * lines) is imitated with condensed glyphs in 12 × 24 cells, magnified by whole dots like `GS !`.
 */
export function preview(doc: PrintDocument, profile: PrinterProfile): Buffer {
  return previewRendered(renderDocument(doc, profile), profile.widthDots);
}

/** Epson's default line spacing, 1/6 inch at 203 dpi. */
const LINE_SPACING_DOTS = 34;
const TOP_MARGIN = 16;
/** Paper fed past the head before a `GS V 66` cut (head-to-cutter distance, typical). */
const CUT_FEED_DOTS = 40;

export function previewRendered(items: readonly RenderedItem[], widthDots: number): Buffer {
  ensurePrintFont();
  const height = TOP_MARGIN + items.reduce((sum, item) => sum + itemHeight(item), 0);
  const canvas = createCanvas(widthDots, Math.max(1, height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  let y = TOP_MARGIN;
  for (const item of items) {
    drawItem(ctx, item, y, widthDots);
    y += itemHeight(item);
  }
  return canvas.toBuffer('image/png');
}

function textLineHeight(scale: number): number {
  return Math.max(LINE_SPACING_DOTS, FONT_A.height * scale);
}

function itemHeight(item: RenderedItem): number {
  switch (item.kind) {
    case 'raster':
      return item.bitmap.height;
    case 'text':
      return item.lines.length * textLineHeight(item.scale);
    case 'qr':
      return item.modules.size * item.moduleDots;
    case 'gap':
      return item.dots;
    case 'feed':
      return item.lines * LINE_SPACING_DOTS;
    case 'cut':
      return CUT_FEED_DOTS;
    case 'beep':
      return 0;
  }
}

function drawItem(ctx: SKRSContext2D, item: RenderedItem, y: number, widthDots: number): void {
  switch (item.kind) {
    case 'raster':
      drawBitmap(ctx, item.bitmap, 0, y, 1);
      return;
    case 'text':
      item.lines.forEach((line, i) => {
        const glyphs = printerFontLine(line, item.bold);
        const x = alignedX(item.align, glyphs.width * item.scale, widthDots);
        // Glyphs sit at the bottom of a magnified line, as on the printer.
        const lineTop = y + i * textLineHeight(item.scale) + textLineHeight(item.scale) - FONT_A.height * item.scale;
        drawBitmap(ctx, glyphs, x, lineTop, item.scale);
      });
      return;
    case 'qr': {
      const side = item.modules.size * item.moduleDots;
      const x = alignedX(item.align, side, widthDots);
      ctx.fillStyle = '#000';
      for (let row = 0; row < item.modules.size; row++) {
        for (let col = 0; col < item.modules.size; col++) {
          if (item.modules.dark(row, col)) ctx.fillRect(x + col * item.moduleDots, y + row * item.moduleDots, item.moduleDots, item.moduleDots);
        }
      }
      return;
    }
    case 'cut': {
      ctx.strokeStyle = '#999';
      ctx.setLineDash([6, 6]);
      ctx.beginPath();
      ctx.moveTo(0, y + CUT_FEED_DOTS - 1);
      ctx.lineTo(widthDots, y + CUT_FEED_DOTS - 1);
      ctx.stroke();
      ctx.setLineDash([]);
      return;
    }
    case 'gap':
    case 'feed':
    case 'beep':
      return;
  }
}

function alignedX(align: Align, width: number, widthDots: number): number {
  return align === 'left' ? 0 : align === 'center' ? Math.floor((widthDots - width) / 2) : widthDots - width;
}

function drawBitmap(ctx: SKRSContext2D, bitmap: Bitmap, x: number, y: number, scale: number): void {
  if (bitmap.width === 0 || bitmap.height === 0) return;
  const tile = createCanvas(bitmap.width, bitmap.height);
  const tileCtx = tile.getContext('2d');
  const pixels = tileCtx.createImageData(bitmap.width, bitmap.height);
  const rgba = pixels.data; // once: a native getter, slow inside the loop
  for (let row = 0; row < bitmap.height; row++) {
    for (let col = 0; col < bitmap.width; col++) {
      // Black where a dot burns, transparent paper elsewhere.
      if (bitAt(bitmap, col, row)) rgba[(row * bitmap.width + col) * 4 + 3] = 255;
    }
  }
  tileCtx.putImageData(pixels, 0, 0);
  // Whole-dot magnification, like GS ! on the printer: no smoothing.
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(tile, x, y, bitmap.width * scale, bitmap.height * scale);
}

/** Supersampling for the imitation font: thin strokes survive the squeeze into 12 dots. */
const SUPERSAMPLE = 4;

/** A line in an imitation of font A: each character condensed into its own 12 × 24 cell. */
function printerFontLine(line: string, bold: boolean): Bitmap {
  const chars = [...line];
  const width = Math.max(1, chars.length * FONT_A.width);
  const canvas = createCanvas(width * SUPERSAMPLE, FONT_A.height * SUPERSAMPLE);
  const ctx = canvas.getContext('2d');
  ctx.scale(SUPERSAMPLE, SUPERSAMPLE);
  ctx.font = cssFont(19, bold);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  chars.forEach((ch, i) => ctx.fillText(ch, i * FONT_A.width + FONT_A.width / 2, 19, FONT_A.width - 1));
  const superWidth = width * SUPERSAMPLE;
  const alpha = ctx.getImageData(0, 0, superWidth, FONT_A.height * SUPERSAMPLE).data;
  const rowBytes = Math.ceil(width / 8);
  const data = new Uint8Array(rowBytes * FONT_A.height);
  for (let y = 0; y < FONT_A.height; y++) {
    for (let x = 0; x < width; x++) {
      let coverage = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          coverage += alpha[((y * SUPERSAMPLE + sy) * superWidth + x * SUPERSAMPLE + sx) * 4 + 3];
        }
      }
      if (coverage / (255 * SUPERSAMPLE * SUPERSAMPLE) > 0.3) data[y * rowBytes + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return { width, height: FONT_A.height, rowBytes, data };
}

import { createCanvas } from '@napi-rs/canvas';
import { thresholdToBitmap, trimRight, type Bitmap } from './bitmap';
import { cssFont, ensurePrintFont } from './font';
import type { Align, LineSize } from './layout-types';
import { wrapBalanced, wrapText } from './wrap';

/** Font size in px (= dots) per line size; 24 matches the cap height of the printer's font A. */
export const RASTER_FONT_PX: Record<LineSize, number> = { small: 20, normal: 24, large: 32 };

/**
 * The tallest and deepest Vietnamese glyphs: breve or circumflex with a hook or tilde above a
 * capital (Ẳ reaches 1.25 em in bold, above the font's own ascent), dots below and descenders.
 */
const TALLEST = 'ẲẨẪẴỖỸỶ';
const DEEPEST = 'ỵậặgjỵỴ';

const metricsCache = new Map<string, { baseline: number; height: number }>();

/**
 * Vertical room per line, measured from the glyphs above so no mark is ever cut off (printing.md
 * asks for at least 1.3 × the font size; Be Vietnam Pro needs about 1.55).
 */
export function rasterLineMetrics(px: number, bold = false): { baseline: number; height: number } {
  const font = cssFont(px, bold);
  const cached = metricsCache.get(font);
  if (cached) return cached;
  ensurePrintFont();
  const ctx = createCanvas(1, 1).getContext('2d');
  ctx.font = font;
  // One blank dot above and below the ink: thresholded edges can grow by a dot.
  const baseline = Math.ceil(ctx.measureText(TALLEST).actualBoundingBoxAscent) + 1;
  const height = Math.max(Math.ceil(px * 1.3), baseline + Math.ceil(ctx.measureText(DEEPEST).actualBoundingBoxDescent) + 1);
  const metrics = { baseline, height };
  metricsCache.set(font, metrics);
  return metrics;
}

/** Kept clear at both sides: glyph overhang (ỷ, f) must not fall off the printable width. */
const SIDE_PADDING = 4;

export interface RasterTextStyle {
  readonly size: LineSize;
  readonly bold: boolean;
  readonly align: Align;
  /** A list marker ("1.") drawn at the left of the first line; every line of the text starts after it. */
  readonly marker?: string;
}

/** Wrap `text` to `widthDots` by measured pixel width and draw it as one 1-bit bitmap. */
export function renderTextRaster(text: string, style: RasterTextStyle, widthDots: number): Bitmap {
  ensurePrintFont();
  const px = RASTER_FONT_PX[style.size];
  const { baseline, height } = rasterLineMetrics(px, style.bold);
  const measureCanvas = createCanvas(1, 1).getContext('2d');
  measureCanvas.font = cssFont(px, style.bold);
  const measure = (s: string): number => measureCanvas.measureText(s).width;
  const wrap = style.align === 'center' ? wrapBalanced : wrapText;
  const hang = style.marker === undefined ? 0 : Math.ceil(measure(`${style.marker} `));
  const lines = wrap(text.normalize('NFC'), widthDots - 2 * SIDE_PADDING - hang, measure);

  const canvas = createCanvas(widthDots, height * lines.length);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000';
  ctx.font = cssFont(px, style.bold);
  ctx.textBaseline = 'alphabetic';
  if (style.marker !== undefined) ctx.fillText(style.marker.normalize('NFC'), SIDE_PADDING, baseline);
  lines.forEach((line, i) => {
    const w = measure(line);
    const x = style.align === 'left' ? SIDE_PADDING + hang : style.align === 'center' ? (widthDots - w) / 2 : widthDots - SIDE_PADDING - w;
    // Whole dots: a half-dot offset would smear every stem into two grey columns.
    ctx.fillText(line, Math.round(x), i * height + baseline);
  });
  return trimRight(thresholdToBitmap(ctx.getImageData(0, 0, canvas.width, canvas.height)));
}

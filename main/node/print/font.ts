import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { GlobalFonts } from '@napi-rs/canvas';

/**
 * The family every raster line is drawn in. Be Vietnam Pro ships through npm, so a kiosk renders
 * the same glyphs whatever fonts Windows has. Fontsource splits it into unicode-range subsets; all
 * three (latin, latin-ext for Đ/Ă/Ơ/Ư, vietnamese for the toned letters) go under one family name so
 * Skia falls through them per character.
 */
export const PRINT_FONT_FAMILY = 'MotCua Print';

const SUBSETS = ['latin', 'latin-ext', 'vietnamese'] as const;
const WEIGHTS = [400, 700] as const;

let registered = false;

export function ensurePrintFont(): void {
  if (registered) return;
  const require = createRequire(import.meta.url);
  for (const weight of WEIGHTS) {
    for (const subset of SUBSETS) {
      const path = require.resolve(`@fontsource/be-vietnam-pro/files/be-vietnam-pro-${subset}-${weight}-normal.woff2`);
      // A buffer rather than a path: Electron's fs reads inside app.asar, Skia's file loader cannot.
      GlobalFonts.register(readFileSync(path), PRINT_FONT_FAMILY);
    }
  }
  if (!GlobalFonts.has(PRINT_FONT_FAMILY)) throw new Error(`Could not register the print font ${PRINT_FONT_FAMILY}`);
  registered = true;
}

export function cssFont(sizePx: number, bold: boolean): string {
  return `${bold ? 700 : 400} ${sizePx}px "${PRINT_FONT_FAMILY}"`;
}

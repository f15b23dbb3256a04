import type { PaperWidth, PrinterProfile, TextMode } from './layout-types';

export interface ProfileOptions {
  /** `tm-t88`: Epson TM-T88 printers print 512 dots on 80 mm paper (42 columns). */
  readonly model?: 'generic' | 'tm-t88';
  readonly textMode?: TextMode;
  readonly cut?: 'partial' | 'full';
}

export function printerProfile(paper: PaperWidth, options: ProfileOptions = {}): PrinterProfile {
  const widthDots = paper === '58mm' ? 384 : options.model === 'tm-t88' ? 512 : 576;
  return {
    widthDots,
    textMode: options.textMode ?? 'raster',
    // 6 dots ≈ 0.75 mm per module: a phone reads a status URL from arm's length on 80 mm paper.
    qrModuleDots: paper === '58mm' ? 5 : 6,
    cut: options.cut ?? 'partial',
  };
}

/** Font A is 12 × 24 dots on every ESC/POS printer we target, so columns follow from the width. */
export const FONT_A = { width: 12, height: 24 } as const;

export function columnsOf(profile: PrinterProfile): number {
  return Math.floor(profile.widthDots / FONT_A.width);
}

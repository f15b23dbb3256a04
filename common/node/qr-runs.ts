/** Modules of quiet zone on each side of a QR symbol, as the QR standard asks for reliable scanning. */
export const QR_QUIET = 4;

/** A QR symbol's modules as the `qrcode` package gives them (`QRCode.create(…).modules`). */
export interface QrModules {
  readonly size: number;
  get(row: number, col: number): number | boolean;
}

/**
 * Each row's runs of dark modules, left to right: one rectangle each, so a drawing is one path
 * filled once and no hairline seams show between neighbouring modules. The hub's PDF forms
 * (main/node/forms/qr.ts) and the central's booking page (central/http/qr-svg.ts) draw from these.
 */
export function darkRuns(modules: QrModules): { readonly row: number; readonly col: number; readonly length: number }[] {
  const runs: { row: number; col: number; length: number }[] = [];
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      runs.push({ row, col: start, length: col - start });
    }
  }
  return runs;
}

import QRCode from 'qrcode';

/** Modules of quiet zone on each side, as the QR standard asks for reliable scanning. */
const QUIET = 4;

/**
 * Draws a QR symbol as vector rectangles in a `side`-point square at (x, y): sharp at any printer
 * resolution. Each row's run of dark modules is one rectangle, and all of them are one path filled
 * once, so a rasteriser leaves no hairline seams between neighbouring modules.
 */
export function drawQr(doc: PDFKit.PDFDocument, payload: string, x: number, y: number, side: number): void {
  // Level M survives a smudge or a fold and keeps the symbol small for a short URL or code.
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const m = side / (n + 2 * QUIET);
  const ox = x + QUIET * m;
  const oy = y + QUIET * m;
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      doc.rect(ox + start * m, oy + row * m, (col - start) * m, m);
    }
  }
  doc.fillColor('black').fill();
}

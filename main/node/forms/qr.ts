import QRCode from 'qrcode';
import { darkRuns, QR_QUIET } from '../../../common/node/qr-runs';

/**
 * Draws a QR symbol as vector rectangles in a `side`-point square at (x, y): sharp at any printer
 * resolution. Each row's run of dark modules is one rectangle, and all of them are one path filled
 * once, so a rasteriser leaves no hairline seams between neighbouring modules.
 */
export function drawQr(doc: PDFKit.PDFDocument, payload: string, x: number, y: number, side: number): void {
  // Level M survives a smudge or a fold and keeps the symbol small for a short URL or code.
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const m = side / (modules.size + 2 * QR_QUIET);
  const ox = x + QR_QUIET * m;
  const oy = y + QR_QUIET * m;
  for (const r of darkRuns(modules)) doc.rect(ox + r.col * m, oy + r.row * m, r.length * m, m);
  doc.fillColor('black').fill();
}

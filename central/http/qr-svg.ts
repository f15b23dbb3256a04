import QRCode from 'qrcode';

/** Modules of quiet zone on each side, as the QR standard asks for reliable scanning. */
const QUIET = 4;

/**
 * A QR symbol as an inline SVG (no image to load: the page's policy loads nothing): each row's run
 * of dark modules is one rectangle of a single path, crisp on a phone and on paper.
 */
export function qrSvg(payload: string, label: string): string {
  // Level M survives a cracked screen or a fold and keeps the symbol small for a short link.
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const runs: string[] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      runs.push(`M${start + QUIET} ${row + QUIET}h${col - start}v1h-${col - start}z`);
    }
  }
  const side = n + 2 * QUIET;
  return `<svg class="qr" role="img" aria-label="${label}" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/><path d="${runs.join('')}" fill="#000"/></svg>`;
}

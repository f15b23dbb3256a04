import QRCode from 'qrcode';
import { darkRuns, QR_QUIET } from '../../common/node/qr-runs';

/**
 * A QR symbol as an inline SVG (no image to load: the page's policy loads nothing), one path of
 * each row's dark runs: crisp on a phone and on paper. `label` is HTML-escaped by the caller.
 */
export function qrSvg(payload: string, label: string): string {
  // Level M survives a cracked screen or a fold and keeps the symbol small for a short link.
  const { modules } = QRCode.create(payload, { errorCorrectionLevel: 'M' });
  const path = darkRuns(modules).map((r) => `M${r.col + QR_QUIET} ${r.row + QR_QUIET}h${r.length}v1h-${r.length}z`).join('');
  const side = modules.size + 2 * QR_QUIET;
  return `<svg class="qr" role="img" aria-label="${label}" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

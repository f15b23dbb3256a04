import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { HubError } from '../../../contract/errors';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.pdf': 'application/pdf',
};

/**
 * Content Security Policy for every page: only the hub's own scripts, fonts and sounds; the
 * event stream on the same host. Nothing is loaded from the internet, which a commune may not have.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "media-src 'self' blob:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Screens of the single-page renderer: any of these paths serves index.html. */
const screens = new Set(['/', '/kiosk', '/counter', '/display', '/rating', '/admin', '/supervisor', '/pair', '/tra-cuu']);
/** A ticket's page, behind its QR (contract/ticket-qr.ts): `/q/<ticket id>`. */
const TICKET_PAGE = /^\/q\/[0-9a-f-]{36}\/?$/i;

export async function serveStatic(
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
  rendererDir: string | null,
  mounts: readonly { prefix: string; dir: string }[],
): Promise<void> {
  const mount = mounts.find((m) => path.startsWith(m.prefix));
  const root = mount ? mount.dir : rendererDir;
  const rel = mount ? path.slice(mount.prefix.length) : screens.has(path.replace(/\/$/, '') || '/') || TICKET_PAGE.test(path) ? 'index.html' : path.slice(1);
  if (root === null) return notFound(res);
  const decoded = decodePath(rel);
  if (decoded === null) throw new HubError('BAD_REQUEST', 'Địa chỉ trang không hợp lệ.');
  if (decoded.includes('\0')) return notFound(res);
  const file = normalize(join(root, decoded));
  if (!file.startsWith(normalize(root) + sep) && file !== normalize(root)) return notFound(res);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return notFound(res);
  res.writeHead(200, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    // Built assets have content hashes in their names; pages and clips must stay fresh.
    'cache-control': rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    'content-security-policy': contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // A file removed or unreadable between stat and read ends the answer; the error is the caller's to log.
  await pipeline(createReadStream(file), res);
}

/** `%ZZ`, a cut `%E0%A4%A`, overlong UTF-8 (`%c0%ae`): not a path anyone links to. */
function decodePath(rel: string): string | null {
  try {
    return decodeURIComponent(rel);
  } catch {
    return null;
  }
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Không tìm thấy trang.');
}

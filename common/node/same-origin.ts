import type { IncomingMessage } from 'node:http';

/**
 * Whether a browser's request comes from a page of this server: true when it names no origin
 * (browsers send Origin with every POST and every cross-origin request; other clients do not), or
 * names this server's host. "null" (a sandboxed frame, a file:// page) or garbage is never ours.
 * Behind a reverse proxy the Host it forwards is compared.
 */
export function isSameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

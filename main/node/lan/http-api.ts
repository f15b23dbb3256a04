import type { IncomingMessage, ServerResponse } from 'node:http';
import { HubError } from '../../../contract/errors';
import { bodyLimitOf, tooLargeMessage } from '../../../contract/uploads';
import { isOpName, ops } from '../../../contract/ops';
import type { Logger } from '../../../common/node/logger';
import { isSameOrigin } from '../../../common/node/same-origin';
import type { Hub } from '../hub/hub';

/**
 * Past this much, the rest of an oversized body is not read: the connection is dropped. Below it
 * the body is read to its end and thrown away, so the client (a browser uploading a 45 MB scan)
 * gets the 413 and its message instead of a reset connection in the middle of its upload.
 */
const MAX_DRAIN_BYTES = 128 * 1024 * 1024;

export function bearerToken(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() || null : null;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  const data = Buffer.from(JSON.stringify(body));
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': data.length,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(data);
}

/**
 * Any failure as the one error envelope. An unexpected exception is logged with the request id,
 * which the envelope carries so an admin can find the line in `<data>/logs/`; its text never leaks.
 */
export function sendError(res: ServerResponse, e: unknown, log: Logger, requestId: string): void {
  if (res.headersSent) {
    log.error({ err: e }, 'error after the answer had started; connection dropped');
    res.destroy();
    return;
  }
  if (e instanceof HubError) {
    sendJson(res, e.status, e.toEnvelope(), headersFor(e));
    return;
  }
  log.error({ err: e }, 'INTERNAL error while handling a request');
  sendJson(res, 500, new HubError('INTERNAL', undefined, { requestId }).toEnvelope());
}

/** What HTTP says beside the envelope: the method to use, how long to wait before trying again. */
function headersFor(e: HubError): Record<string, string> {
  const details = e.details as { allow?: unknown; retryAfterSeconds?: unknown } | undefined;
  if (e.code === 'METHOD_NOT_ALLOWED' && Array.isArray(details?.allow)) return { allow: details.allow.join(', ') };
  if (e.code === 'UPGRADE_REQUIRED') return { upgrade: 'websocket', connection: 'Upgrade' };
  return typeof details?.retryAfterSeconds === 'number' ? { 'retry-after': String(details.retryAfterSeconds) } : {};
}

/** 405, saying which methods this address takes (the `Allow` header and `details.allow`). */
export function methodNotAllowed(allow: readonly string[], message?: string): HubError {
  return new HubError('METHOD_NOT_ALLOWED', message, { allow });
}

/** The body, or PAYLOAD_TOO_LARGE once it is all read (or dropped, past MAX_DRAIN_BYTES). */
function readBody(req: IncomingMessage, limit: number, tooLarge: () => HubError): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > MAX_DRAIN_BYTES) {
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
      else if (size > MAX_DRAIN_BYTES) req.destroy();
    });
    req.on('end', () => (size > limit ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(size > limit ? tooLarge() : new HubError('BAD_REQUEST', 'Yêu cầu bị ngắt giữa chừng.'));
    });
  });
}

/**
 * A page in another site open in a LAN browser can POST to the hub (cross-site request forgery).
 * Requiring `application/json` forces such a request through a CORS preflight, which the hub never
 * grants; a foreign `Origin` is refused outright.
 */
function checkSameOrigin(req: IncomingMessage): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new HubError('UNSUPPORTED_MEDIA_TYPE');
  if (!isSameOrigin(req)) throw new HubError('CROSS_ORIGIN');
}

/** `POST /api/<operation>` with a JSON body → the hub → JSON. */
export async function handleOperation(hub: Hub, name: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST') throw methodNotAllowed(['POST'], 'Các thao tác API dùng phương thức POST với nội dung JSON.');
  checkSameOrigin(req);
  const def = isOpName(name) ? ops[name] : null;
  // Tens of megabytes are read only from someone allowed to send them.
  if (def?.upload && isOpName(name)) hub.admit(name, bearerToken(req));
  const raw = await readBody(req, def ? bodyLimitOf(def) : bodyLimitOf({}), () => {
    // The client has sent all it wanted to; close afterwards rather than read another such body.
    res.setHeader('connection', 'close');
    return new HubError('PAYLOAD_TOO_LARGE', tooLargeMessage(def?.upload));
  });
  let input: unknown = {};
  if (raw.length > 0) {
    try {
      input = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new HubError('VALIDATION_FAILED', 'Nội dung gửi lên không phải JSON hợp lệ.');
    }
  }
  const output = await hub.invoke(name, input, bearerToken(req), req.socket.remoteAddress ?? '');
  sendJson(res, 200, output);
}

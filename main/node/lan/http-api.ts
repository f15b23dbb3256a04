import type { IncomingMessage, ServerResponse } from 'node:http';
import { HubError, type ErrorEnvelope } from '../../../contract/errors';
import { isOpName, ops } from '../../../contract/ops';
import type { Hub } from '../hub/hub';
import type { Logger } from '../../../common/node/logger';

/** JSON request bodies are small; files (scans) have their own routes. */
const MAX_BODY_BYTES = 1024 * 1024;

export function bearerToken(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() || null : null;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = Buffer.from(JSON.stringify(body));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': data.length, 'cache-control': 'no-store' });
  res.end(data);
}

/** Any failure as the one error envelope; an unexpected exception is logged and never leaked. */
export function sendError(res: ServerResponse, e: unknown, log: Logger): void {
  if (e instanceof HubError) {
    sendJson(res, e.status, e.toEnvelope());
    return;
  }
  log.error({ err: e }, 'INTERNAL error while handling a request');
  const body: ErrorEnvelope = { error: { code: 'INTERNAL', message: new HubError('INTERNAL').message } };
  sendJson(res, 500, body);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new HubError('PAYLOAD_TOO_LARGE'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** `POST /api/<operation>` with a JSON body → the hub → JSON. */
export async function handleOperation(hub: Hub, name: string, req: IncomingMessage, res: ServerResponse, log: Logger): Promise<void> {
  try {
    if (req.method !== 'POST') throw new HubError('VALIDATION_FAILED', 'Các thao tác API dùng phương thức POST với nội dung JSON.');
    const raw = await readBody(req, (isOpName(name) ? ops[name].maxBodyBytes : undefined) ?? MAX_BODY_BYTES);
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
  } catch (e) {
    sendError(res, e, log);
  }
}

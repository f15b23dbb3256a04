import { HubError, isErrorCode } from '../../../contract/errors';
import type { Transport } from '../../../contract/client';

/**
 * The HubClient's transport in a browser, in the Electron windows (which load the same pages
 * from the hub) and in tests: `POST /api/<name>` with the caller's bearer token.
 * Errors come back as HubError with the server's stable code and Vietnamese message.
 */
export function httpTransport(baseUrl: string, token: () => string | null): Transport {
  return async (name, input) => {
    const t = token();
    let res: Response;
    try {
      res = await fetch(`${baseUrl}/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(t ? { authorization: `Bearer ${t}` } : {}) },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      throw new HubError('HUB_UNREACHABLE');
    }
    const body = await res.json().then(
      (value: unknown) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    if (!res.ok) {
      const err = (body.ok ? (body.value as { error?: { code?: string; message?: string; details?: unknown } } | null) : null)?.error;
      const code = err?.code && isErrorCode(err.code) ? err.code : res.status >= 500 ? 'HUB_UNREACHABLE' : 'INTERNAL';
      throw new HubError(code, err?.message, err?.details);
    }
    if (!body.ok) {
      // A success whose answer cannot be read (cut off, or not from the hub): never hand the
      // screen a null it would take for data.
      console.error(`${name}: the hub's answer could not be read`, body.error);
      throw new HubError('INTERNAL', 'Câu trả lời của máy chủ Một Cửa bị lỗi hoặc không đầy đủ. Vui lòng thử lại; nếu vẫn lỗi, báo quản trị viên.');
    }
    return body.value as never;
  };
}

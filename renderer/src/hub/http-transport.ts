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
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const err = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      const code = err?.code && isErrorCode(err.code) ? err.code : res.status >= 500 ? 'HUB_UNREACHABLE' : 'INTERNAL';
      throw new HubError(code, err?.message, err?.details);
    }
    return body as never;
  };
}

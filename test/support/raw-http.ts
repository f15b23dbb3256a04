import { connect } from 'node:net';

export interface RawAnswer {
  /** The status code of the answer, or null when the hub closed the connection without one. */
  readonly status: number | null;
  readonly text: string;
}

export interface RawOptions {
  /** How long to wait for an answer that never completes. */
  readonly waitMs?: number;
  /** Right after the request: reset the connection (RST), as a client that crashes or a scanner of ports does. */
  readonly reset?: boolean;
  /** Bytes sent once the answer's head has arrived (a WebSocket frame after the 101). */
  readonly afterHead?: Buffer;
}

/**
 * Sends bytes as they are over a fresh TCP connection and reads the answer until it is complete,
 * the server closes the connection, or `waitMs` passes: what a malformed client on the LAN would
 * see. Never throws for a reset or a refusal: those are answers too (`status: null`).
 */
export function rawRequest(url: string, request: string | Buffer, options: RawOptions = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let text = '';
    let sentAfterHead = false;
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: m ? Number(m[1]) : null, text });
    };
    const timer = setTimeout(finish, options.waitMs ?? 3000);
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      const head = text.indexOf('\r\n\r\n');
      if (head < 0) return;
      if (options.afterHead && !sentAfterHead) {
        sentAfterHead = true;
        socket.write(options.afterHead);
        return;
      }
      // One complete answer is enough (keep-alive would hold the connection open): a head with
      // its body, or a head that has none (101, 1xx, 204, 304).
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
      const length = /content-length: (\d+)/i.exec(text)?.[1];
      const bodyless = !options.afterHead && (status < 200 || status === 204 || status === 304);
      if (bodyless || (length !== undefined && text.length >= head + 4 + Number(length))) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    socket.write(request, () => {
      if (options.reset) {
        socket.resetAndDestroy();
        // Nothing will be read: what matters is what became of the hub.
        finish();
      }
    });
  });
}

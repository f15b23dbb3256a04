import { connect } from 'node:net';

export interface RawAnswer {
  /** The status code of the answer, or null when the hub closed the connection without one. */
  readonly status: number | null;
  readonly text: string;
}

/**
 * Sends bytes as they are over a fresh TCP connection and reads the answer until the server
 * closes it or `waitMs` passes: what a malformed client on the LAN would see. Never throws for a
 * reset or a refusal: those are answers too (`status: null`).
 */
export function rawRequest(url: string, request: string | Buffer, waitMs = 3000): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    let text = '';
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: m ? Number(m[1]) : null, text });
    };
    const timer = setTimeout(finish, waitMs);
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      // One complete answer is enough (keep-alive would hold the connection open).
      const head = text.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(text)?.[1];
      if (head >= 0 && length !== undefined && text.length >= head + 4 + Number(length)) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    socket.write(request);
  });
}

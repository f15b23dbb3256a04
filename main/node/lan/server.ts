import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { buildOpenApi } from '../../../contract/openapi';
import { eventsPath } from '../../../contract/events';
import { HubError } from '../../../contract/errors';
import type { Hub } from '../hub/hub';
import { EventStream } from './event-stream';
import { handleOperation, methodNotAllowed, sendError } from './http-api';
import { serveStatic } from './static-files';

export interface LanServerOptions {
  readonly hub: Hub;
  readonly port: number;
  /** 0.0.0.0 to serve the LAN; 127.0.0.1 for tests. */
  readonly host: string;
  /** Built renderer (index.html and assets); null = API only. */
  readonly rendererDir: string | null;
  /** Extra static folders mounted at a URL prefix, e.g. the voice clips at /voice/. */
  readonly mounts?: readonly { readonly prefix: string; readonly dir: string }[];
}

export interface LanServer {
  readonly server: Server;
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The path of a request line, or null when it is not a URL at all. Node hands over the target
 * as sent, absolute-form included (`GET http://[/ HTTP/1.1`), and `new URL` throws on such input.
 */
export function requestPath(target: string | undefined): string | null {
  try {
    return new URL(target ?? '/', 'http://hub').pathname;
  } catch {
    return null;
  }
}

/** Operation names are plain ASCII; anything else in that place is not an operation. */
const OP_NAME = /^[A-Za-z][A-Za-z0-9.]{0,63}$/;

/**
 * The hub's LAN face: the API (`POST /api/<op>`), its OpenAPI document, the event stream
 * and the screens. The same pages serve the Electron windows and any browser on the LAN.
 * Nothing a client sends may stop it: every request and upgrade is answered or closed, and
 * whatever fails inside is logged with the request's id and answered with the error envelope.
 */
export async function startLanServer(o: LanServerOptions): Promise<LanServer> {
  const log = o.hub.deps.log.child({ component: 'lan' });
  // Built on first request: it is ~250 ms of schema conversion that every start would otherwise pay.
  let openApi: string | null = null;
  const events = new EventStream(o.hub);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = requestPath(req.url);
    if (path === null) throw new HubError('BAD_REQUEST', 'Địa chỉ yêu cầu không hợp lệ.');
    if (path === '/api/openapi.json') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(['GET', 'HEAD']);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'x-content-type-options': 'nosniff' });
      res.end(req.method === 'HEAD' ? undefined : (openApi ??= JSON.stringify(buildOpenApi(o.hub.deps.version))));
      return;
    }
    if (path === eventsPath) throw new HubError('UPGRADE_REQUIRED');
    if (path.startsWith('/api/')) {
      const name = path.slice('/api/'.length);
      if (!OP_NAME.test(name)) throw new HubError('BAD_REQUEST', 'Tên thao tác không hợp lệ.');
      return handleOperation(o.hub, name, req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(['GET', 'HEAD']);
    return serveStatic(path, req, res, o.rendererDir, o.mounts ?? []);
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const requestId = randomBytes(6).toString('base64url');
    const started = performance.now();
    const reqLog = log.child({ req: requestId });
    res.setHeader('x-request-id', requestId);
    res.on('finish', () => {
      // The op asked for and how it ended; never the body nor the query (they hold citizens' data).
      const path = requestPath(req.url);
      if (path?.startsWith('/api/')) reqLog.info({ method: req.method, path: path.slice(0, 80), status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request');
    });
    route(req, res).catch((e: unknown) => sendError(res, e, reqLog, requestId));
  });
  server.on('connection', (socket: Socket) => socket.setNoDelay(true));
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node takes its own error listener off an upgraded socket: a reset from the client would be
    // an 'error' nobody listens to, and end the hub.
    socket.on('error', () => socket.destroy());
    try {
      if (requestPath(req.url) === eventsPath) events.handleUpgrade(req, socket, head);
      else refuseUpgrade(socket, '404 Not Found');
    } catch (e) {
      log.error({ err: e }, 'event stream upgrade failed');
      refuseUpgrade(socket, '400 Bad Request');
    }
  });
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    // Malformed request lines and headers: Node's parser refused them. Answer if the socket is
    // still writable, never throw (the default handler is replaced by this one).
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    if (err.code !== 'ECONNRESET' && socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else socket.destroy();
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (e: Error) => log.error({ err: e }, 'LAN server error'));
  const port = (server.address() as AddressInfo).port;
  o.hub.deps.listening.set(o.host, port);
  return {
    server,
    port,
    url: `http://${o.host === '0.0.0.0' ? '127.0.0.1' : o.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        events.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function refuseUpgrade(socket: Duplex, status: string): void {
  if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  else socket.destroy();
}

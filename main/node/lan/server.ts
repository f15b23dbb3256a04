import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildOpenApi } from '../../../contract/openapi';
import { eventsPath } from '../../../contract/events';
import { HubError } from '../../../contract/errors';
import type { Hub } from '../hub/hub';
import { EventStream } from './event-stream';
import { handleOperation, sendError, sendJson } from './http-api';
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
 * The hub's LAN face: the API (`POST /api/<op>`), its OpenAPI document, the event stream
 * and the screens. The same pages serve the Electron windows and any browser on the LAN.
 */
export async function startLanServer(o: LanServerOptions): Promise<LanServer> {
  const log = o.hub.deps.log.child({ component: 'lan' });
  const openApi = JSON.stringify(buildOpenApi(o.hub.deps.version));
  const events = new EventStream(o.hub);

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://hub').pathname;
    if (path === '/api/openapi.json') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(openApi);
      return;
    }
    if (path.startsWith('/api/')) {
      void handleOperation(o.hub, decodeURIComponent(path.slice('/api/'.length)), req, res, log);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, new HubError('VALIDATION_FAILED', 'Phương thức không được hỗ trợ.').toEnvelope());
      return;
    }
    serveStatic(path, req, res, o.rendererDir, o.mounts ?? []).catch((e: unknown) => sendError(res, e, log));
  });
  server.on('connection', (socket) => socket.setNoDelay(true));
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://hub').pathname === eventsPath) events.handleUpgrade(req, socket, head);
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
  const port = (server.address() as AddressInfo).port;
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

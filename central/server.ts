import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import '../contract/locale';
import type { AdminToken } from './admin/admin-token';
import { sqlState, type Db } from './db/db';
import { adminPage } from './http/admin-page';
import { adminRoutes } from './http/admin-routes';
import { HttpError } from './http/http-error';
import { send, sendJson } from './http/io';
import type { CentralDeps, CrashPoint, Route } from './http/routes';
import { syncRoutes } from './http/sync-routes';
import { decodersV1, type Decoders } from './projection/decode';

export interface CentralOptions {
  readonly db: Db;
  readonly admin: AdminToken;
  /** The event versions this central projects (tests add versions to play an upgrade). */
  readonly decoders?: Decoders;
  /** Test builds only: makes `x-motcua-test-crash` do something. */
  readonly crash?: (point: CrashPoint) => void;
  readonly maxConcurrentPushes?: number;
  readonly log?: (line: string) => void;
}

export interface Central {
  readonly server: Server;
  /** Starts listening; resolves to the base URL. */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

const routes: readonly Route[] = [...syncRoutes, ...adminRoutes];

/** SQLSTATEs meaning "the database is not there right now" or "try again": 503 with Retry-After. */
function retryable(e: unknown): string | null {
  const state = sqlState(e);
  if (state === '40001' || state === '40P01') return '1'; // serialization failure, deadlock
  if (state !== null && /^(08|53|57P)/.test(state)) return '10'; // connection, resources, shutdown
  const code = (e as { code?: unknown }).code;
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT') return '10';
  return null;
}

/** The central's HTTP server (docs/SYNC.md): the sync API for hubs, the back office, its page. */
export function createCentral(o: CentralOptions): Central {
  const log = o.log ?? ((line: string) => console.error(line));
  const deps: CentralDeps = {
    db: o.db,
    admin: o.admin,
    decoders: o.decoders ?? decodersV1,
    crash: o.crash ?? null,
    pushes: { active: 0, max: o.maxConcurrentPushes ?? 64 },
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://central');
    if (req.method === 'GET' && url.pathname === '/') {
      const nonce = randomBytes(16).toString('base64');
      return send(req, res, 200, Buffer.from(adminPage(nonce)), {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'`,
        'x-content-type-options': 'nosniff',
      });
    }
    let pathMatched = false;
    for (const route of routes) {
      const m = route.path.exec(url.pathname);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== req.method) continue;
      let params: string[];
      try {
        params = m.slice(1).map((p) => decodeURIComponent(p));
      } catch {
        throw new HttpError(400, 'BAD_PATH', 'Địa chỉ không hợp lệ.');
      }
      return route.handle(deps, { req, res, url, params });
    }
    throw pathMatched
      ? new HttpError(405, 'METHOD_NOT_ALLOWED', 'Phương thức không được hỗ trợ ở địa chỉ này.')
      : new HttpError(404, 'NOT_FOUND', 'Không có địa chỉ này.');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(async (e: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      let err: HttpError;
      if (e instanceof HttpError) err = e;
      else {
        const after = retryable(e);
        if (after !== null) err = new HttpError(503, 'UNAVAILABLE', 'Máy chủ tỉnh tạm thời không truy cập được cơ sở dữ liệu: sẽ thử lại sau.', {}, { 'retry-after': after });
        else {
          log(`central: ${req.method} ${req.url}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
          err = new HttpError(500, 'INTERNAL', 'Máy chủ tỉnh gặp lỗi không mong muốn.');
        }
      }
      await sendJson(req, res, err.status, { code: err.code, message: err.message, ...err.extra }, err.headers).catch(() => res.destroy());
    });
  });
  // A slow commune link may take a while to send a batch, but not forever.
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const a = server.address() as AddressInfo;
          resolve(`http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`);
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Logger } from 'pino';
import { fallbackLogger } from '../common/node/logger';
import '../contract/locale';
import type { AdminToken } from './admin/admin-token';
import { loggableError, sqlState, type Db } from './db/db';
import { adminPage } from './http/admin-page';
import { accountRoutes } from './http/account-routes';
import { adminRoutes } from './http/admin-routes';
import { appointmentRoutes } from './http/appointment-routes';
import { dossierRoutes } from './http/dossier-routes';
import { provinceRoutes } from './http/province-routes';
import { publicRoutes } from './http/public-routes';
import { HttpError } from './http/http-error';
import { ClientGone, sendJson, sendPage } from './http/io';
import { defaultLimits, Slots, type Limits } from './http/limits';
import { ReportGate } from './http/report-gate';
import type { CentralDeps, CrashPoint, Route } from './http/routes';
import { syncRoutes } from './http/sync-routes';
import { AuthThrottle, BookingThrottle, clientAddress, LoginThrottle } from './http/throttle';
import { decodersV1, type Decoders } from './projection/decode';

export interface CentralOptions {
  readonly db: Db;
  readonly admin: AdminToken;
  /** The event versions this central projects (tests add versions to play an upgrade). */
  readonly decoders?: Decoders;
  /** Test builds only: makes `x-motcua-test-crash` do something. */
  readonly crash?: (point: CrashPoint) => void;
  /** Bounds on what clients may hold (central/http/limits.ts); unset ones keep their default. */
  readonly limits?: Partial<Limits>;
  /** Believe X-Forwarded-For from a loopback peer (a reverse proxy on this machine); default true. */
  readonly trustProxy?: boolean;
  /** The central's public address, which a booking's QR opens (docs/APPOINTMENTS.md); default none. */
  readonly publicUrl?: string | null;
  readonly log?: Logger;
}

export interface Central {
  readonly server: Server;
  /** Starts listening; resolves to the base URL. */
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

const routes: readonly Route[] = [...syncRoutes, ...accountRoutes, ...dossierRoutes, ...provinceRoutes, ...adminRoutes, ...publicRoutes, ...appointmentRoutes];

/** SQLSTATEs meaning "the database is not there right now" or "try again": 503 with Retry-After. */
function retryable(e: unknown): string | null {
  const state = sqlState(e);
  if (state === '40001' || state === '40P01') return '1'; // serialization failure, deadlock
  if (state !== null && /^(08|53|57P)/.test(state)) return '10'; // connection, resources, shutdown
  const code = (e as { code?: unknown }).code;
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT') return '10';
  return null;
}

function urlOf(req: IncomingMessage): URL {
  try {
    // An absolute-form target (`GET http://host/path`) is read for its path, like any other.
    return new URL(req.url ?? '/', 'http://central');
  } catch {
    throw new HttpError(400, 'BAD_PATH', 'Địa chỉ không hợp lệ.');
  }
}

/** The central's HTTP server (docs/SYNC.md): the sync API for hubs, the back office, its page. */
export function createCentral(o: CentralOptions): Central {
  const log = o.log ?? fallbackLogger('central');
  const limits: Limits = { ...defaultLimits, ...o.limits };
  const deps: CentralDeps = {
    db: o.db,
    admin: o.admin,
    decoders: o.decoders ?? decodersV1,
    crash: o.crash ?? null,
    limits,
    log,
    throttle: new AuthThrottle(limits, log.child({ component: 'auth' })),
    // Apart from the hubs' throttle: a citizen's wrong guesses on a commune's Wi-Fi must not block
    // the hub behind the same public address.
    lookups: new AuthThrottle(limits, log.child({ component: 'lookup' })),
    logins: new LoginThrottle(limits),
    bookings: new BookingThrottle(limits),
    uploads: new Slots(limits.maxUploadsPerSite, limits.maxUploads),
    pushes: new Slots(limits.maxPushesPerSite, limits.maxPushes),
    reports: new ReportGate(limits.maxReports),
    trustProxy: o.trustProxy ?? true,
    publicUrl: o.publicUrl ?? null,
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = urlOf(req);
    if (req.method === 'GET' && url.pathname === '/') return sendPage(req, res, adminPage);
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
      return route.handle(deps, { req, res, url, params, address: clientAddress(req, deps.trustProxy) });
    }
    throw pathMatched
      ? new HttpError(405, 'METHOD_NOT_ALLOWED', 'Phương thức không được hỗ trợ ở địa chỉ này.')
      : new HttpError(404, 'NOT_FOUND', 'Không có địa chỉ này.');
  }

  /** Sockets with a request in progress: only the others are closed for being idle. */
  const busy = new WeakSet<Socket>();

  const server = createServer({ connectionsCheckingInterval: Math.min(30_000, limits.headersTimeoutMs) }, (req, res) => {
    busy.add(req.socket);
    res.once('close', () => busy.delete(req.socket));
    handle(req, res).catch(async (e: unknown) => {
      if (e instanceof ClientGone || res.headersSent) {
        res.destroy();
        return;
      }
      let err: HttpError;
      if (e instanceof HttpError) err = e;
      else {
        const after = retryable(e);
        if (after !== null) {
          log.warn({ err: loggableError(e), method: req.method, path: req.url?.slice(0, 200) }, 'database unavailable');
          err = new HttpError(503, 'UNAVAILABLE', 'Máy chủ tỉnh tạm thời không truy cập được cơ sở dữ liệu: sẽ thử lại sau.', {}, { 'retry-after': after });
        } else {
          log.error({ err: loggableError(e), method: req.method, path: req.url?.slice(0, 200) }, 'unexpected error');
          err = new HttpError(500, 'INTERNAL', 'Máy chủ tỉnh gặp lỗi không mong muốn.');
        }
      }
      // A refusal sent before the body was read closes the connection: what is left of the
      // body is not read, and would otherwise be taken for the next request.
      const close: Record<string, string> = req.complete ? {} : { connection: 'close' };
      await sendJson(req, res, err.status, { code: err.code, message: err.message, ...err.extra }, { ...err.headers, ...close }).catch(() => res.destroy());
    });
  });
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  // Nothing received for a while and no request in progress: the connection is closed (a long
  // push or a reprojection in progress is bounded by the body deadline and the database instead).
  server.setTimeout(limits.idleTimeoutMs, (socket: Socket) => {
    if (!busy.has(socket)) socket.destroy();
  });

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

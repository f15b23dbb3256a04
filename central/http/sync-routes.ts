import type { IncomingMessage } from 'node:http';
import { Feed, headers, PROTOCOL_VERSION, PushRequest } from '../../contract/sync';
import { siteStatus } from '../admin/sites';
import { checkCredential } from '../sync/credentials';
import { pull, scopeOf, snapshot } from '../sync/feeds';
import { push } from '../sync/push';
import { HttpError } from './http-error';
import { readJson, sendJson } from './io';
import type { CentralDeps, CrashPoint, Route } from './routes';

const MIN_PROTOCOL = 1;
const MAX_PROTOCOL = PROTOCOL_VERSION;
const DEFAULT_PAGE = 500;
const MAX_PAGE = 1000;

const serverTime = () => new Date().toISOString();

/** docs/SYNC.md "Every request": the protocol first (an outdated hub is told so whatever else is wrong). */
function checkProtocol(req: IncomingMessage): void {
  const raw = req.headers[headers.protocol];
  const v = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : null;
  if (v === null) throw new HttpError(400, 'PROTOCOL_MISSING', `Thiếu hoặc sai tiêu đề ${headers.protocol}.`);
  if (v < MIN_PROTOCOL) throw new HttpError(426, 'PROTOCOL_TOO_OLD', 'Phần mềm tại điểm một cửa đã cũ so với máy chủ tỉnh: cần cập nhật.', { minProtocol: MIN_PROTOCOL });
  if (v > MAX_PROTOCOL) throw new HttpError(400, 'PROTOCOL_UNSUPPORTED', 'Máy chủ tỉnh chưa hỗ trợ phiên bản giao thức này: cần cập nhật máy chủ tỉnh.', { maxProtocol: MAX_PROTOCOL });
}

/** The credential, and that it is the credential of the site in the path (and in the site header). */
async function authenticate(deps: CentralDeps, req: IncomingMessage, siteId: string): Promise<{ expiresAt: Date }> {
  const auth = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!auth) throw new HttpError(401, 'CREDENTIAL_INVALID', 'Thiếu mã xác thực của điểm một cửa.');
  const check = await checkCredential(deps.db, auth[1]!);
  if (check.kind === 'invalid') throw new HttpError(401, 'CREDENTIAL_INVALID', 'Mã xác thực không đúng hoặc đã bị thu hồi.');
  if (check.kind === 'expired') throw new HttpError(401, 'CREDENTIAL_EXPIRED', 'Mã xác thực đã hết hạn: hãy xin mã mới từ quản trị tỉnh.');
  const header = req.headers[headers.site];
  if (check.siteId !== siteId || (typeof header === 'string' && header !== siteId)) {
    throw new HttpError(403, 'WRONG_SITE', 'Mã xác thực này thuộc về một điểm một cửa khác.');
  }
  return { expiresAt: check.expiresAt };
}

async function guard(deps: CentralDeps, req: IncomingMessage, siteId: string): Promise<{ expiresAt: Date }> {
  checkProtocol(req);
  return authenticate(deps, req, siteId);
}

function feedOf(name: string): Feed {
  const f = Feed.safeParse(name);
  if (!f.success) throw new HttpError(404, 'FEED_UNKNOWN', `Không có luồng dữ liệu "${name}".`);
  return f.data;
}

function intParam(url: URL, name: string, fallback: number, min: number, max: number): number {
  const raw = url.searchParams.get(name);
  if (raw === null) return fallback;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new HttpError(400, 'VALIDATION_FAILED', `Tham số ${name} không hợp lệ.`);
  return n;
}

function crashPointOf(deps: CentralDeps, req: IncomingMessage): CrashPoint | null {
  if (!deps.crash) return null;
  const v = req.headers['x-motcua-test-crash'];
  return v === 'before-commit' || v === 'after-commit' ? v : null;
}

export const syncRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: /^\/sync\/v1\/sites\/([^/]+)\/events$/,
    async handle(deps, { req, res, params: [siteId] }) {
      await guard(deps, req, siteId!);
      if (deps.pushes.active >= deps.pushes.max) {
        throw new HttpError(503, 'SERVER_BUSY', 'Máy chủ tỉnh đang bận: sẽ tự gửi lại sau.', {}, { 'retry-after': '5' });
      }
      deps.pushes.active++;
      try {
        const body = await readJson(req, PushRequest);
        if (body.siteId !== siteId) throw new HttpError(403, 'WRONG_SITE', 'Dữ liệu gửi lên ghi một điểm một cửa khác với địa chỉ gửi.');
        const crashAt = crashPointOf(deps, req);
        const app = req.headers[headers.app];
        const outcome = await push(deps.db, siteId!, body, deps.decoders, {
          appVersion: typeof app === 'string' ? app.slice(0, 40) : undefined,
          beforeCommit: crashAt === 'before-commit' ? () => deps.crash!('before-commit') : undefined,
        });
        if (crashAt === 'after-commit') deps.crash!('after-commit');
        switch (outcome.kind) {
          case 'ok':
            return sendJson(req, res, 200, { ackedThrough: outcome.ackedThrough, rejections: outcome.rejections, serverTime: serverTime() });
          case 'gap':
            return sendJson(req, res, 409, {
              code: 'SEQ_GAP', message: `Máy chủ tỉnh đang chờ sự kiện số ${outcome.expectedSeq}.`,
              expectedSeq: outcome.expectedSeq, ackedThrough: outcome.ackedThrough, serverTime: serverTime(),
            });
          case 'conflict':
            return sendJson(req, res, 409, {
              code: 'SEQ_CONFLICT', seq: outcome.seq, serverTime: serverTime(),
              message: `Sự kiện số ${outcome.seq} khác với bản máy chủ tỉnh đã nhận (cơ sở dữ liệu có thể đã được khôi phục từ bản sao lưu cũ): đồng bộ dừng lại, cần quản trị viên xử lý.`,
            });
          case 'hashMismatch':
            throw new HttpError(400, 'HASH_MISMATCH', `Mã băm của sự kiện số ${outcome.seq} không khớp với nội dung: không nhận lô này.`, { seq: outcome.seq });
        }
      } finally {
        deps.pushes.active--;
      }
    },
  },
  {
    method: 'GET',
    path: /^\/sync\/v1\/sites\/([^/]+)\/feeds\/([^/]+)$/,
    async handle(deps, { req, res, url, params: [siteId, name] }) {
      await guard(deps, req, siteId!);
      const feed = feedOf(name!);
      const cursor = intParam(url, 'cursor', 0, 0, Number.MAX_SAFE_INTEGER);
      // At most M items: a larger M than the central serves gets a full page and hasMore.
      const limit = Math.min(intParam(url, 'limit', DEFAULT_PAGE, 1, Number.MAX_SAFE_INTEGER), MAX_PAGE);
      const page = await pull(deps.db, feed, scopeOf(feed, siteId!), cursor, limit);
      if (page.kind === 'resync') {
        throw new HttpError(410, 'RESYNC_REQUIRED', 'Dữ liệu cũ hơn những gì máy chủ tỉnh còn giữ: tải lại toàn bộ.', { oldestCursor: page.oldestCursor });
      }
      return sendJson(req, res, 200, { items: page.items, cursor: page.cursor, hasMore: page.hasMore, serverTime: serverTime() });
    },
  },
  {
    method: 'GET',
    path: /^\/sync\/v1\/sites\/([^/]+)\/feeds\/([^/]+)\/snapshot$/,
    async handle(deps, { req, res, params: [siteId, name] }) {
      await guard(deps, req, siteId!);
      const feed = feedOf(name!);
      const snap = await snapshot(deps.db, feed, scopeOf(feed, siteId!));
      return sendJson(req, res, 200, { ...snap, serverTime: serverTime() });
    },
  },
  {
    method: 'GET',
    path: /^\/sync\/v1\/sites\/([^/]+)\/status$/,
    async handle(deps, { req, res, params: [siteId] }) {
      const { expiresAt } = await guard(deps, req, siteId!);
      const status = await siteStatus(deps.db, siteId!);
      if (!status) throw new HttpError(404, 'SITE_NOT_FOUND', 'Không tìm thấy điểm một cửa.');
      return sendJson(req, res, 200, {
        siteId, siteName: status.name, streams: status.streams, credentialExpiresAt: expiresAt.toISOString(),
        minProtocol: MIN_PROTOCOL, maxProtocol: MAX_PROTOCOL, serverTime: serverTime(),
      });
    },
  },
];

import type { IncomingMessage } from 'node:http';
import { agencyCodeProblem } from '../../contract/agency-code';
import { AgencyCodeRequest, Feed, headers, PROTOCOL_VERSION } from '../../contract/sync';
import { siteStatus } from '../admin/sites';
import { registerAgencyCode } from '../sync/agency-code';
import { checkCredential } from '../sync/credentials';
import { markSeen } from '../sync/last-seen';
import { PushEnvelope } from '../sync/event-check';
import { pull, scopeOf, snapshot } from '../sync/feeds';
import { push, type PushOutcome } from '../sync/push';
import { streamPage } from '../sync/stream-events';
import { HttpError } from './http-error';
import { parseJson, receive, sendJson } from './io';
import type { CentralDeps, CrashPoint, Route, RouteRequest } from './routes';

const MIN_PROTOCOL = 1;
const MAX_PROTOCOL = PROTOCOL_VERSION;
const DEFAULT_PAGE = 500;
const MAX_PAGE = 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const serverTime = () => new Date().toISOString();

/** docs/SYNC.md "Every request": the protocol first (an outdated hub is told so whatever else is wrong). */
function checkProtocol(req: IncomingMessage): void {
  const raw = req.headers[headers.protocol];
  const v = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : null;
  if (v === null) throw new HttpError(400, 'PROTOCOL_MISSING', `Thiếu hoặc sai tiêu đề ${headers.protocol}.`);
  if (v < MIN_PROTOCOL) throw new HttpError(426, 'PROTOCOL_TOO_OLD', 'Phần mềm tại điểm một cửa đã cũ so với máy chủ tỉnh: cần cập nhật.', { minProtocol: MIN_PROTOCOL });
  if (v > MAX_PROTOCOL) throw new HttpError(400, 'PROTOCOL_UNSUPPORTED', 'Máy chủ tỉnh chưa hỗ trợ phiên bản giao thức này: cần cập nhật máy chủ tỉnh.', { maxProtocol: MAX_PROTOCOL });
}

/** The credential, and that it is the credential of the site in the path and in the site header; else why not. */
async function authenticate(deps: CentralDeps, req: IncomingMessage, siteId: string): Promise<{ expiresAt: Date } | HttpError> {
  const auth = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!auth) return new HttpError(401, 'CREDENTIAL_INVALID', 'Thiếu mã xác thực của điểm một cửa.');
  const check = await checkCredential(deps.db, auth[1]!);
  if (check.kind === 'invalid') return new HttpError(401, 'CREDENTIAL_INVALID', 'Mã xác thực không đúng hoặc đã bị thu hồi.');
  if (check.kind === 'expired') return new HttpError(401, 'CREDENTIAL_EXPIRED', 'Mã xác thực đã hết hạn: hãy xin mã mới từ quản trị tỉnh.');
  if (check.siteId !== siteId || req.headers[headers.site] !== siteId) {
    return new HttpError(403, 'WRONG_SITE', 'Mã xác thực này thuộc về một điểm một cửa khác.');
  }
  return { expiresAt: check.expiresAt };
}

/**
 * docs/SYNC.md "Every request": the protocol first (an outdated hub is told so whatever else is
 * wrong), the site header, then the credential — from an address not blocked for failing too often.
 */
async function guard(deps: CentralDeps, r: RouteRequest, siteId: string): Promise<{ expiresAt: Date }> {
  checkProtocol(r.req);
  if (typeof r.req.headers[headers.site] !== 'string') throw new HttpError(400, 'SITE_MISSING', `Thiếu tiêu đề ${headers.site} (mã điểm một cửa).`);
  await deps.throttle.check(r.address);
  const outcome = await authenticate(deps, r.req, siteId);
  if (outcome instanceof HttpError) return deps.throttle.fail(r.address, outcome, { siteId: siteId.slice(0, 80), path: r.url.pathname.slice(0, 200) });
  await markSeen(deps.db, siteId);
  return outcome;
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

function busy(status: 429 | 503, code: string, message: string, unread: boolean): HttpError {
  return new HttpError(status, code, message, {}, { 'retry-after': status === 429 ? '2' : '5', ...(unread ? { connection: 'close' } : {}) });
}

function answerPush({ req, res }: RouteRequest, outcome: PushOutcome): Promise<void> {
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
    case 'malformed':
      throw new HttpError(400, 'VALIDATION_FAILED', `Sự kiện${outcome.seq === null ? '' : ` số ${outcome.seq}`} không đọc được (${outcome.message}): không nhận lô này.`, { seq: outcome.seq });
    case 'tooManyStreams':
      throw new HttpError(409, 'STREAM_LIMIT', `Điểm một cửa này đã mở quá ${outcome.max} luồng đồng bộ: cần quản trị tỉnh kiểm tra.`, { max: outcome.max });
  }
}

export const syncRoutes: readonly Route[] = [
  {
    method: 'POST',
    path: /^\/sync\/v1\/sites\/([^/]+)\/events$/,
    async handle(deps, r) {
      const { req } = r;
      const siteId = r.params[0]!;
      await guard(deps, r, siteId);
      // A body counts against its site while it arrives (a site trickling bodies holds only its
      // own share), and against the processing slots only once it is all there.
      const upload = deps.uploads.take(siteId);
      if (upload === 'key') throw busy(429, 'TOO_MANY_UPLOADS', 'Điểm một cửa này đang gửi nhiều lô cùng lúc: sẽ tự gửi lại sau.', true);
      if (upload === 'overall') throw busy(503, 'SERVER_BUSY', 'Máy chủ tỉnh đang bận: sẽ tự gửi lại sau.', true);
      let raw: Buffer;
      try {
        raw = await receive(req, deps.limits);
      } finally {
        upload();
      }
      const slot = deps.pushes.take(siteId);
      if (slot === 'key') throw busy(429, 'PUSH_IN_PROGRESS', 'Máy chủ tỉnh đang xử lý lô trước của điểm một cửa này: sẽ tự gửi lại sau.', false);
      if (slot === 'overall') throw busy(503, 'SERVER_BUSY', 'Máy chủ tỉnh đang bận: sẽ tự gửi lại sau.', false);
      try {
        const body = await parseJson(req, raw, deps.limits, PushEnvelope, false);
        if (body.siteId !== siteId) throw new HttpError(403, 'WRONG_SITE', 'Dữ liệu gửi lên ghi một điểm một cửa khác với địa chỉ gửi.');
        const crashAt = crashPointOf(deps, req);
        const app = req.headers[headers.app];
        const outcome = await push(deps.db, siteId, body, deps.decoders, {
          appVersion: typeof app === 'string' ? app.slice(0, 40) : undefined,
          beforeCommit: crashAt === 'before-commit' ? () => deps.crash!('before-commit') : undefined,
          maxStreams: deps.limits.maxStreamsPerSite,
          log: deps.log,
        });
        if (crashAt === 'after-commit') deps.crash!('after-commit');
        return answerPush(r, outcome);
      } finally {
        slot();
      }
    },
  },
  {
    method: 'GET',
    path: /^\/sync\/v1\/sites\/([^/]+)\/feeds\/([^/]+)$/,
    async handle(deps, r) {
      const { req, res, url, params: [siteId, name] } = r;
      await guard(deps, r, siteId!);
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
    async handle(deps, r) {
      const { req, res, params: [siteId, name] } = r;
      await guard(deps, r, siteId!);
      const feed = feedOf(name!);
      const snap = await snapshot(deps.db, feed, scopeOf(feed, siteId!));
      return sendJson(req, res, 200, { ...snap, serverTime: serverTime() });
    },
  },
  {
    method: 'GET',
    path: /^\/sync\/v1\/sites\/([^/]+)\/streams\/([^/]+)\/events$/,
    async handle(deps, r) {
      const { req, res, url, params: [siteId, incarnation] } = r;
      await guard(deps, r, siteId!);
      const after = intParam(url, 'after', 0, 0, Number.MAX_SAFE_INTEGER);
      const limit = Math.min(intParam(url, 'limit', DEFAULT_PAGE, 1, Number.MAX_SAFE_INTEGER), MAX_PAGE);
      const page = UUID.test(incarnation!) ? await streamPage(deps.db, siteId!, incarnation!.toLowerCase(), after, limit) : null;
      if (!page) throw new HttpError(404, 'STREAM_NOT_FOUND', 'Máy chủ tỉnh không có luồng dữ liệu này của điểm một cửa.');
      return sendJson(req, res, 200, { ...page, serverTime: serverTime() });
    },
  },
  {
    method: 'GET',
    path: /^\/sync\/v1\/sites\/([^/]+)\/status$/,
    async handle(deps, r) {
      const { req, res, params: [siteId] } = r;
      const { expiresAt } = await guard(deps, r, siteId!);
      const status = await siteStatus(deps.db, siteId!);
      if (!status) throw new HttpError(404, 'SITE_NOT_FOUND', 'Không tìm thấy điểm một cửa.');
      return sendJson(req, res, 200, {
        siteId, siteName: status.name, agencyCode: status.agencyCode, streams: status.streams, credentialExpiresAt: expiresAt.toISOString(),
        minProtocol: MIN_PROTOCOL, maxProtocol: MAX_PROTOCOL, serverTime: serverTime(),
      });
    },
  },
  {
    method: 'POST',
    path: /^\/sync\/v1\/sites\/([^/]+)\/agency-code$/,
    async handle(deps, r) {
      const { req, res, params: [siteId] } = r;
      await guard(deps, r, siteId!);
      const { agencyCode } = await parseJson(req, await receive(req, deps.limits), deps.limits, AgencyCodeRequest, true);
      const problem = agencyCodeProblem(agencyCode);
      if (problem) throw new HttpError(400, 'AGENCY_CODE_INVALID', problem);
      if ((await registerAgencyCode(deps.db, siteId!, agencyCode)) === 'taken') {
        throw new HttpError(409, 'AGENCY_CODE_TAKEN', `Mã định danh cơ quan ${agencyCode} đã được một điểm một cửa khác đăng ký với máy chủ tỉnh. Hãy kiểm tra lại mã của đơn vị mình (hai nơi dùng chung một mã sẽ cấp trùng mã hồ sơ).`);
      }
      deps.log.info({ siteId, agencyCode }, 'agency code registered');
      return sendJson(req, res, 200, { siteId, agencyCode, serverTime: serverTime() });
    },
  },
];

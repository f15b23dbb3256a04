import { z } from 'zod';
import { Feed } from '../../contract/sync';
import { changeProcessingStatus, listDossiers } from '../admin/dossiers';
import { ChangeStatus, Compact, CreateSite, NewCredential, PublishCalendar, PublishProcedure, PublishStaff, SiteId } from '../admin/schemas';
import { createSite, listSites, renewCredential, siteExists } from '../admin/sites';
import { reproject } from '../projection/project';
import { compact, PROVINCE, publish, siteScoped } from '../sync/feeds';
import { HttpError } from './http-error';
import { readJson, sendJson } from './io';
import type { CentralDeps, Route, RouteRequest } from './routes';

/** The admin token, from an address not blocked for failing too often (central/http/throttle.ts). */
async function requireAdmin(deps: CentralDeps, r: RouteRequest): Promise<void> {
  await deps.throttle.check(r.address);
  const auth = /^Bearer\s+(\S+)$/i.exec(r.req.headers.authorization ?? '');
  if (!auth || !deps.admin.verify(auth[1]!)) {
    await deps.throttle.fail(r.address, new HttpError(401, 'ADMIN_UNAUTHORIZED', 'Cần mã quản trị của máy chủ tỉnh.'), { path: r.url.pathname.slice(0, 200) });
  }
}

function siteIdOf(raw: string): string {
  const r = SiteId.safeParse(raw);
  if (!r.success) throw new HttpError(404, 'SITE_NOT_FOUND', 'Không tìm thấy điểm một cửa.');
  return r.data;
}

async function requireSite(deps: CentralDeps, raw: string): Promise<string> {
  const siteId = siteIdOf(raw);
  if (!(await siteExists(deps.db, siteId))) throw new HttpError(404, 'SITE_NOT_FOUND', `Không tìm thấy điểm một cửa "${siteId}".`);
  return siteId;
}

/** Every back-office route needs the admin token; the wrapper checks it before anything else. */
const admin = (method: Route['method'], path: RegExp, handle: Route['handle']): Route => ({
  method,
  path,
  handle: async (deps, r) => {
    await requireAdmin(deps, r);
    await handle(deps, r);
  },
});

export const adminRoutes: readonly Route[] = [
  admin('POST', /^\/admin\/sites$/, async (deps, { req, res }) => {
    const body = await readJson(req, deps.limits, CreateSite);
    const created = await createSite(deps.db, body.siteId, body.name, body.expiresInDays);
    if (!created) throw new HttpError(409, 'SITE_EXISTS', `Điểm một cửa "${body.siteId}" đã có.`);
    await sendJson(req, res, 201, { siteId: body.siteId, credential: created.credential, expiresAt: created.expiresAt.toISOString() });
  }),
  admin('GET', /^\/admin\/sites$/, async (deps, { req, res }) => {
    await sendJson(req, res, 200, { sites: await listSites(deps.db), serverTime: new Date().toISOString() });
  }),
  admin('POST', /^\/admin\/sites\/([^/]+)\/credential$/, async (deps, { req, res, params: [raw] }) => {
    const siteId = siteIdOf(raw!);
    const body = await readJson(req, deps.limits, NewCredential);
    const issued = await renewCredential(deps.db, siteId, body.expiresInDays);
    if (!issued) throw new HttpError(404, 'SITE_NOT_FOUND', `Không tìm thấy điểm một cửa "${siteId}".`);
    await sendJson(req, res, 201, { siteId, credential: issued.credential, expiresAt: issued.expiresAt.toISOString() });
  }),
  admin('POST', /^\/admin\/catalog$/, async (deps, { req, res }) => {
    const { procedure } = await readJson(req, deps.limits, PublishProcedure);
    const version = await deps.db.transaction((tx) => publish(tx, 'catalog', PROVINCE, `${procedure.code}@${procedure.version}`, JSON.stringify(procedure)));
    await sendJson(req, res, 201, { feed: 'catalog', version });
  }),
  admin('POST', /^\/admin\/calendar$/, async (deps, { req, res }) => {
    const { calendar } = await readJson(req, deps.limits, PublishCalendar);
    const key = `${calendar.year}/${calendar.province ?? ''}`;
    const version = await deps.db.transaction((tx) => publish(tx, 'calendar', PROVINCE, key, JSON.stringify(calendar)));
    await sendJson(req, res, 201, { feed: 'calendar', version });
  }),
  admin('POST', /^\/admin\/sites\/([^/]+)\/staff$/, async (deps, { req, res, params: [raw] }) => {
    const siteId = await requireSite(deps, raw!);
    const { staff } = await readJson(req, deps.limits, PublishStaff);
    const version = await deps.db.transaction((tx) => publish(tx, 'staff', siteId, staff.username, JSON.stringify(staff)));
    await sendJson(req, res, 201, { feed: 'staff', version });
  }),
  admin('POST', /^\/admin\/sites\/([^/]+)\/dossiers\/([^/]+)\/status$/, async (deps, { req, res, params: [raw, dossierId] }) => {
    const siteId = siteIdOf(raw!);
    const body = await readJson(req, deps.limits, ChangeStatus);
    if (!z.uuid().safeParse(dossierId).success) throw new HttpError(404, 'DOSSIER_NOT_FOUND', 'Không tìm thấy hồ sơ.');
    const r = await changeProcessingStatus(deps.db, siteId, dossierId!, body.status, body.note);
    if (r.kind === 'notFound') throw new HttpError(404, 'DOSSIER_NOT_FOUND', 'Máy chủ tỉnh chưa nhận hồ sơ này từ điểm một cửa.');
    if (r.kind === 'closed') {
      throw new HttpError(409, 'DOSSIER_NOT_WITH_BACK_OFFICE', 'Hồ sơ không ở bộ phận xử lý (đã trả, đã rút, bị từ chối hoặc đang chờ bổ sung) theo dữ liệu của điểm một cửa.', { siteStatus: r.siteStatus });
    }
    await sendJson(req, res, 200, { item: r.item, version: r.version });
  }),
  admin('GET', /^\/admin\/sites\/([^/]+)\/dossiers$/, async (deps, { req, res, url, params: [raw] }) => {
    const siteId = await requireSite(deps, raw!);
    const limit = Number(url.searchParams.get('limit') ?? 100);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new HttpError(400, 'VALIDATION_FAILED', 'Tham số limit phải từ 1 đến 1000.');
    await sendJson(req, res, 200, { dossiers: await listDossiers(deps.db, siteId, limit) });
  }),
  admin('POST', /^\/admin\/feeds\/([^/]+)\/compact$/, async (deps, { req, res, params: [name] }) => {
    const feed = Feed.safeParse(name);
    if (!feed.success) throw new HttpError(404, 'FEED_UNKNOWN', `Không có luồng dữ liệu "${name}".`);
    const body = await readJson(req, deps.limits, Compact);
    if (siteScoped(feed.data) !== (body.siteId !== undefined)) {
      throw new HttpError(400, 'VALIDATION_FAILED', siteScoped(feed.data) ? 'Luồng này riêng từng điểm: cần siteId.' : 'Luồng này chung cho cả tỉnh: không dùng siteId.');
    }
    const scope = body.siteId ?? PROVINCE;
    const r = await deps.db.transaction((tx) => compact(tx, feed.data, scope, body.keepFrom));
    await sendJson(req, res, 200, r);
  }),
  admin('POST', /^\/admin\/reproject$/, async (deps, { req, res }) => {
    await sendJson(req, res, 200, await reproject(deps.db, deps.decoders));
  }),
];

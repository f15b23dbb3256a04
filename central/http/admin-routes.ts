import { Feed } from '../../contract/sync';
import { audit, type Actor } from '../admin/audit';
import { Compact, CreateSite, NewCredential, PublishCalendar, PublishProcedure, PublishStaff } from '../admin/schemas';
import { createSite, listSites, renewCredential } from '../admin/sites';
import { reproject } from '../projection/project';
import { compact, PROVINCE, publish, siteScoped } from '../sync/feeds';
import { admin } from './auth';
import { HttpError } from './http-error';
import { readJson, sendJson } from './io';
import { requireSite, siteIdOf } from './params';
import type { CentralDeps, Route } from './routes';

/** A feed item published and audited in one transaction; its version. */
const publishAudited = (deps: CentralDeps, actor: Actor, feed: Feed, scope: string, key: string, payload: unknown) =>
  deps.db.transaction(async (tx) => {
    const version = await publish(tx, feed, scope, key, JSON.stringify(payload));
    await audit(tx, actor, `${feed}.publish`, { ...(scope === PROVINCE ? {} : { siteId: scope }), subject: key }, { version });
    return version;
  });

/** The province-admin's part of the back office: sites, feeds, reprojection. */
export const adminRoutes: readonly Route[] = [
  admin('POST', /^\/admin\/sites$/, 'province-admin', async (deps, { req, res }, actor) => {
    const body = await readJson(req, deps.limits, CreateSite);
    const created = await createSite(deps.db, actor, body.siteId, body.name, body.expiresInDays);
    if (!created) throw new HttpError(409, 'SITE_EXISTS', `Điểm một cửa "${body.siteId}" đã có.`);
    await sendJson(req, res, 201, { siteId: body.siteId, credential: created.credential, expiresAt: created.expiresAt.toISOString() });
  }),
  admin('GET', /^\/admin\/sites$/, 'province-admin', async (deps, { req, res }) => {
    await sendJson(req, res, 200, { sites: await listSites(deps.db), serverTime: new Date().toISOString() });
  }),
  admin('POST', /^\/admin\/sites\/([^/]+)\/credential$/, 'province-admin', async (deps, { req, res, params: [raw] }, actor) => {
    const siteId = siteIdOf(raw!);
    const body = await readJson(req, deps.limits, NewCredential);
    const issued = await renewCredential(deps.db, actor, siteId, body.expiresInDays);
    if (!issued) throw new HttpError(404, 'SITE_NOT_FOUND', `Không tìm thấy điểm một cửa "${siteId}".`);
    await sendJson(req, res, 201, { siteId, credential: issued.credential, expiresAt: issued.expiresAt.toISOString() });
  }),
  admin('POST', /^\/admin\/catalog$/, 'province-admin', async (deps, { req, res }, actor) => {
    const { procedure } = await readJson(req, deps.limits, PublishProcedure);
    const version = await publishAudited(deps, actor, 'catalog', PROVINCE, `${procedure.code}@${procedure.version}`, procedure);
    await sendJson(req, res, 201, { feed: 'catalog', version });
  }),
  admin('POST', /^\/admin\/calendar$/, 'province-admin', async (deps, { req, res }, actor) => {
    const { calendar } = await readJson(req, deps.limits, PublishCalendar);
    const key = `${calendar.year}/${calendar.province ?? ''}`;
    const version = await publishAudited(deps, actor, 'calendar', PROVINCE, key, calendar);
    await sendJson(req, res, 201, { feed: 'calendar', version });
  }),
  admin('POST', /^\/admin\/sites\/([^/]+)\/staff$/, 'province-admin', async (deps, { req, res, params: [raw] }, actor) => {
    const siteId = await requireSite(deps, raw!);
    const { staff } = await readJson(req, deps.limits, PublishStaff);
    const version = await publishAudited(deps, actor, 'staff', siteId, staff.username, staff);
    await sendJson(req, res, 201, { feed: 'staff', version });
  }),
  admin('POST', /^\/admin\/feeds\/([^/]+)\/compact$/, 'province-admin', async (deps, { req, res, params: [name] }, actor) => {
    const feed = Feed.safeParse(name);
    if (!feed.success) throw new HttpError(404, 'FEED_UNKNOWN', `Không có luồng dữ liệu "${name}".`);
    const body = await readJson(req, deps.limits, Compact);
    if (siteScoped(feed.data) !== (body.siteId !== undefined)) {
      throw new HttpError(400, 'VALIDATION_FAILED', siteScoped(feed.data) ? 'Luồng này riêng từng điểm: cần siteId.' : 'Luồng này chung cho cả tỉnh: không dùng siteId.');
    }
    const scope = body.siteId ?? PROVINCE;
    const r = await deps.db.transaction(async (tx) => {
      const compacted = await compact(tx, feed.data, scope, body.keepFrom);
      await audit(tx, actor, `${feed.data}.compact`, scope === PROVINCE ? {} : { siteId: scope }, { keepFrom: body.keepFrom });
      return compacted;
    });
    await sendJson(req, res, 200, r);
  }),
  admin('POST', /^\/admin\/reproject$/, 'province-admin', async (deps, { req, res }, actor) => {
    const result = await reproject(deps.db, deps.decoders);
    await audit(deps.db, actor, 'reproject', {}, { ...result });
    await sendJson(req, res, 200, result);
  }),
];

import { z } from 'zod';
import { dossierDetail, findDossiers } from '../admin/dossier-lookup';
import { changeProcessingStatus, listDossiers } from '../admin/dossiers';
import { ChangeStatus } from '../admin/schemas';
import { admin } from './auth';
import { HttpError } from './http-error';
import { readJson, sendJson } from './io';
import { limitOf, requireSite, siteIdOf } from './params';
import type { Route } from './routes';

const notFound = () => new HttpError(404, 'DOSSIER_NOT_FOUND', 'Máy chủ tỉnh chưa nhận hồ sơ này từ điểm một cửa.');

/** What a clerk does: find a dossier, read it, move it (a province-admin may too). */
export const dossierRoutes: readonly Route[] = [
  admin('GET', /^\/admin\/dossiers$/, 'clerk', async (deps, { req, res, url }) => {
    const q = (url.searchParams.get('q') ?? '').trim();
    // A control character is in no code or name, and PostgreSQL refuses U+0000 in a text parameter.
    if (q.length < 2 || q.length > 100 || /\p{Cc}/u.test(q)) throw new HttpError(400, 'QUERY_INVALID', 'Nhập mã hồ sơ hoặc họ tên người nộp (từ 2 đến 100 ký tự, không có ký tự điều khiển).');
    await sendJson(req, res, 200, { dossiers: await findDossiers(deps.db, q, limitOf(url, 50, 200)) });
  }),
  admin('GET', /^\/admin\/sites\/([^/]+)\/dossiers\/([^/]+)$/, 'clerk', async (deps, { req, res, params: [raw, dossierId] }) => {
    if (!z.uuid().safeParse(dossierId).success) throw notFound();
    const detail = await dossierDetail(deps.db, siteIdOf(raw!), dossierId!);
    if (!detail) throw notFound();
    await sendJson(req, res, 200, { dossier: detail });
  }),
  admin('POST', /^\/admin\/sites\/([^/]+)\/dossiers\/([^/]+)\/status$/, 'clerk', async (deps, { req, res, params: [raw, dossierId] }, actor) => {
    const siteId = siteIdOf(raw!);
    const body = await readJson(req, deps.limits, ChangeStatus);
    if (!z.uuid().safeParse(dossierId).success) throw notFound();
    const r = await changeProcessingStatus(deps.db, actor, siteId, dossierId!, body.status, body.note);
    if (r.kind === 'notFound') throw notFound();
    if (r.kind === 'closed') {
      throw new HttpError(409, 'DOSSIER_NOT_WITH_BACK_OFFICE', 'Hồ sơ không ở bộ phận xử lý (đã trả, đã rút, bị từ chối hoặc đang chờ bổ sung) theo dữ liệu của điểm một cửa.', { siteStatus: r.siteStatus });
    }
    await sendJson(req, res, 200, { item: r.item, version: r.version });
  }),
  admin('GET', /^\/admin\/sites\/([^/]+)\/dossiers$/, 'clerk', async (deps, { req, res, url, params: [raw] }) => {
    const siteId = await requireSite(deps, raw!);
    await sendJson(req, res, 200, { dossiers: await listDossiers(deps.db, siteId, limitOf(url, 100, 1000)) });
  }),
];

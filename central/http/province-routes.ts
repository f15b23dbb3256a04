import { overdueDossiers } from '../reports/overdue';
import { parsePeriod, type Period } from '../reports/period';
import { provinceReport } from '../reports/province';
import { provinceWorkbook } from '../reports/province-xlsx';
import { admin } from './auth';
import { HttpError } from './http-error';
import { send, sendJson } from './io';
import { requireSite } from './params';
import type { Route } from './routes';

function periodOf(url: URL): Period {
  const r = parsePeriod(url.searchParams.get('from'), url.searchParams.get('to'));
  if (!r.ok) throw new HttpError(400, 'PERIOD_INVALID', r.message);
  return r.period;
}

/** The province's view: every site's measures for a period, a site's overdue dossiers, the export. A clerk reads them too. */
export const provinceRoutes: readonly Route[] = [
  admin('GET', /^\/admin\/api\/province$/, 'clerk', async (deps, { req, res, url }) => {
    await sendJson(req, res, 200, await provinceReport(deps.db, periodOf(url), new Date()));
  }),
  admin('GET', /^\/admin\/api\/province\.xlsx$/, 'clerk', async (deps, { req, res, url }) => {
    const report = await provinceReport(deps.db, periodOf(url), new Date());
    await send(req, res, 200, await provinceWorkbook(report), {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="toan-tinh-${report.from}-${report.to}.xlsx"`,
    });
  }),
  admin('GET', /^\/admin\/api\/province\/overdue$/, 'clerk', async (deps, { req, res, url }) => {
    const raw = url.searchParams.get('siteId');
    if (!raw) throw new HttpError(400, 'VALIDATION_FAILED', 'Cần chọn điểm một cửa (tham số siteId).');
    const siteId = await requireSite(deps, raw);
    await sendJson(req, res, 200, { siteId, ...(await overdueDossiers(deps.db, siteId, new Date())) });
  }),
];

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
  // The report and the export are computed in one of the central's few report slots (report-gate.ts);
  // the period is checked first, so a wrong date is told as such even while the slots are busy.
  admin('GET', /^\/admin\/api\/province$/, 'clerk', async (deps, { req, res, url }) => {
    const period = periodOf(url);
    const report = await deps.reports.run(() => provinceReport(deps.db, period, new Date()));
    await sendJson(req, res, 200, report);
  }),
  admin('GET', /^\/admin\/api\/province\.xlsx$/, 'clerk', async (deps, { req, res, url }) => {
    const period = periodOf(url);
    const book = await deps.reports.run(async () => provinceWorkbook(await provinceReport(deps.db, period, new Date())));
    await send(req, res, 200, book, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="toan-tinh-${period.from}-${period.to}.xlsx"`,
    });
  }),
  admin('GET', /^\/admin\/api\/province\/overdue$/, 'clerk', async (deps, { req, res, url }) => {
    const raw = url.searchParams.get('siteId');
    if (!raw) throw new HttpError(400, 'VALIDATION_FAILED', 'Cần chọn điểm một cửa (tham số siteId).');
    const siteId = await requireSite(deps, raw);
    await sendJson(req, res, 200, { siteId, ...(await overdueDossiers(deps.db, siteId, new Date())) });
  }),
];

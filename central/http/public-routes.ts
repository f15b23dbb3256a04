import { ReceiptKeys } from '../../contract/ops';
import { publicDossierStatus } from '../public/dossier-status';
import { HttpError } from './http-error';
import { sendJson, sendPage } from './io';
import { publicStatusPage } from './public-status-page';
import type { Route } from './routes';

const NOT_FOUND = 'Không tìm thấy hồ sơ có mã hồ sơ và mã tra cứu này. Mời Ông/Bà kiểm tra lại hai mã trên giấy tiếp nhận.';

/**
 * The province's public status page, which a receipt's QR opens from anywhere (issue 13): the
 * page, and its one question — a dossier's status by the receipt's two codes, from the statuses
 * the sites synced (so it answers while a site is offline). No login; wrong guesses are throttled
 * per address, apart from the hubs' own throttle.
 */
export const publicRoutes: readonly Route[] = [
  { method: 'GET', path: /^\/tra-cuu$/, handle: (_deps, { req, res }) => sendPage(req, res, publicStatusPage) },
  {
    method: 'GET',
    path: /^\/api\/tra-cuu$/,
    handle: async (deps, { req, res, url, address }) => {
      await deps.lookups.check(address);
      const keys = ReceiptKeys.safeParse({ code: url.searchParams.get('hs') ?? '', lookupCode: url.searchParams.get('ma') ?? '' });
      if (!keys.success) throw new HttpError(400, 'VALIDATION_FAILED', 'Cần mã hồ sơ và mã tra cứu (4–16 ký tự) in trên giấy tiếp nhận.');
      const status = await publicDossierStatus(deps.db, keys.data.code, keys.data.lookupCode);
      if (status === null) return deps.lookups.fail(address, new HttpError(404, 'NOT_FOUND', NOT_FOUND), { path: url.pathname });
      await sendJson(req, res, 200, status);
    },
  },
];

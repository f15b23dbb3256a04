import { isWithBackOffice, type DossierStatus } from '../../contract/dossier';
import { dossierStatusLabels } from '../../contract/dossier-texts';
import type { DossierStatusItem } from '../../contract/sync';

export type BackOfficeStatus = DossierStatusItem['status'];
const BACK_OFFICE_STATUSES: readonly BackOfficeStatus[] = ['forwarded', 'processing', 'result_ready'];

/**
 * The one status a dossier has at the central, from the site's status (the desk's last step) and
 * the back office's (processing_status). The desk's closing steps win: once the site returned,
 * withdrew, refused the dossier or asks for papers, what a back office set before no longer
 * describes it (a returned dossier is not "result ready" any more). While the dossier is with the
 * back offices, their latest decision wins over the site's copy of it, which arrives later.
 */
export function currentStatus(siteStatus: string, processingStatus: string | null): string {
  if (!isWithBackOffice(siteStatus) || processingStatus === null) return siteStatus;
  return processingStatus;
}

/**
 * Where a back office may move a dossier in `siteStatus`/`current`: any back-office status but
 * the current one (a back office may also correct itself: a result found wrong goes back to
 * processing), and nowhere once the desk has closed it (409 DOSSIER_NOT_WITH_BACK_OFFICE).
 */
export function allowedMoves(siteStatus: string, current: string): BackOfficeStatus[] {
  if (!isWithBackOffice(siteStatus)) return [];
  return BACK_OFFICE_STATUSES.filter((s) => s !== current);
}

/** The Vietnamese name of a status (the hub's words); an unknown one as it is. */
export const statusLabel = (status: string): string => dossierStatusLabels[status as DossierStatus] ?? status;

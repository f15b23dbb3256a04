import { HubError } from '../../contract/errors';
import type { DossierStatus } from '../../contract/dossier';
import type { RatingSettings } from '../../contract/queue';
import { satisfiedLevels } from './reports/satisfaction';

/** A finished ticket can be rated at its counter's tablet for this long; later the moment has passed. */
export const RATING_WINDOW_MS = 10 * 60_000;

/** A dossier's rating is an entry of its history (the reports read it there) and reaches the central with it. */
export const DOSSIER_RATED = 'rated';

/**
 * A dossier is rated at a tablet once its result was handed over (issue 12: "the rating tablet can
 * be asked for a dossier's code at return"), for this long after: a citizen who comes back for a
 * second paper weeks later still can, but not for a result of last year.
 */
export const DOSSIER_RATING_WINDOW_DAYS = 30;

/** Whether a citizen may rate this dossier now: returned, within the window, not rated yet. */
export function checkDossierRateable(d: { status: DossierStatus; returned_at: number | null }, rated: boolean, now: number): void {
  if (rated) throw new HubError('ALREADY_RATED');
  if (d.status !== 'returned' || d.returned_at === null) throw new HubError('RATING_NOT_OPEN');
  if (now - d.returned_at > DOSSIER_RATING_WINDOW_DAYS * 86_400_000) {
    throw new HubError('RATING_NOT_OPEN', `Hồ sơ đã trả kết quả hơn ${DOSSIER_RATING_WINDOW_DAYS} ngày trước: không còn đánh giá tại máy này.`);
  }
}

/**
 * Checks a rating against the site's scale and reasons; returns the label to store with it and
 * whether it counts as satisfied on the scale it was given on. The central receives both: it does
 * not hold the sites' scales, and a site may have a scale of its own (issue 12).
 */
export function checkRating(settings: RatingSettings, score: string, reasons: readonly string[]): { scoreLabel: string; satisfied: boolean } {
  const choice = settings.scale.find((s) => s.code === score);
  if (!choice) throw new HubError('VALIDATION_FAILED', 'Mức đánh giá không có trong thang đánh giá của đơn vị.');
  const unknown = reasons.filter((r) => !settings.reasons.some((x) => x.code === r));
  if (unknown.length > 0) throw new HubError('VALIDATION_FAILED', 'Lý do đánh giá không hợp lệ.');
  return { scoreLabel: choice.label, satisfied: satisfiedLevels(settings.scale).includes(score) };
}

import { HubError } from '../../contract/errors';
import type { RatingSettings } from '../../contract/queue';

/** A finished ticket can be rated at its counter's tablet for this long; later the moment has passed. */
export const RATING_WINDOW_MS = 10 * 60_000;

/** Checks a rating against the site's scale and reasons; returns the label to store with it. */
export function checkRating(settings: RatingSettings, score: string, reasons: readonly string[]): { scoreLabel: string } {
  const choice = settings.scale.find((s) => s.code === score);
  if (!choice) throw new HubError('VALIDATION_FAILED', 'Mức đánh giá không có trong thang đánh giá của đơn vị.');
  const unknown = reasons.filter((r) => !settings.reasons.some((x) => x.code === r));
  if (unknown.length > 0) throw new HubError('VALIDATION_FAILED', 'Lý do đánh giá không hợp lệ.');
  return { scoreLabel: choice.label };
}

import { lowerHalfStart, type RatingSettings } from '../../../contract/queue';
import type { RatingSummary } from '../../../contract/reports';
import { share } from './stats';

export interface RatingFact {
  readonly score: string;
  /** The level's label when it was given: a level since removed from the scale keeps its name. */
  readonly scoreLabel: string;
  readonly reasons: readonly string[];
}

/** Satisfied: a level in the upper half of the scale (best first), the half the tablet does not ask "why?". */
export function satisfiedLevels(scale: RatingSettings['scale']): string[] {
  return scale.slice(0, lowerHalfStart(scale.length)).map((s) => s.code);
}

/**
 * One group's ratings by level, in the scale's order (then any level no longer on the scale),
 * and by reason, in the site's order of reasons (then any reason since removed).
 */
export function summariseRatings(settings: RatingSettings, ratings: readonly RatingFact[]): RatingSummary {
  const satisfied = new Set(satisfiedLevels(settings.scale));
  const levels = settings.scale.map((s) => ({ code: s.code, label: s.label, count: 0 }));
  const reasons = settings.reasons.map((r) => ({ code: r.code, label: r.label, count: 0 }));
  const tally = (list: { code: string; label: string; count: number }[], code: string, label: string) => {
    const row = list.find((x) => x.code === code) ?? list[list.push({ code, label, count: 0 }) - 1]!;
    row.count += 1;
  };
  for (const r of ratings) {
    tally(levels, r.score, r.scoreLabel);
    for (const reason of r.reasons) tally(reasons, reason, reason);
  }
  const n = ratings.filter((r) => satisfied.has(r.score)).length;
  return { total: ratings.length, satisfied: n, satisfiedShare: share(n, ratings.length), levels, reasons };
}

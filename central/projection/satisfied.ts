/**
 * Satisfied when the event does not say: the upper half of the default scale (QĐ 766's common
 * scale Rất hài lòng / Hài lòng / Không hài lòng). Hubs send the flag with every rating since
 * issue 12 (on their own scale, which the central does not hold); the ratings of older hubs are
 * judged by these codes.
 */
export const SATISFIED_SCORES: readonly string[] = ['very_satisfied', 'satisfied'];

/** Whether a rating counts as satisfied: the hub's flag, else the default scale's upper half. */
export function satisfiedOf(score: string, flag: unknown): boolean {
  return typeof flag === 'boolean' ? flag : SATISFIED_SCORES.includes(score);
}

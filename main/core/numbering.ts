import { HubError } from '../../contract/errors';
import type { NumberSequence } from '../../contract/queue';

/**
 * The number after `last` in a sequence for one service date (`last` = null: first of the day).
 * Counting restarts because the key includes the date, not because a job reset anything.
 */
export function nextNumber(seq: Pick<NumberSequence, 'rangeStart' | 'rangeEnd' | 'step'>, last: number | null): number {
  const next = last === null ? seq.rangeStart : last + seq.step;
  if (next > seq.rangeEnd) {
    throw new HubError('NUMBERS_EXHAUSTED', undefined, { rangeEnd: seq.rangeEnd });
  }
  return next;
}

/** `A` + 15 → `A015`; padding is a minimum width, so 1000 is `A1000`, never truncated. */
export function displayCode(prefix: string, number: number, padWidth: number): string {
  return prefix + String(number).padStart(padWidth, '0');
}

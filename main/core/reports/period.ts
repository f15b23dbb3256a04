import { vnMidnight } from '../vn-time';

const DAY_MS = 86_400_000;

/** The instants a report period of Vietnam dates covers: from the first midnight to the one after the last day. */
export function periodBounds(from: string, to: string): { start: number; end: number } {
  return { start: vnMidnight(from), end: vnMidnight(to) + DAY_MS };
}

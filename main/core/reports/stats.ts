import type { Durations } from '../../../contract/reports';

/**
 * The arithmetic every report shares. Percentiles are nearest-rank (the value at rank ⌈p·n⌉ of
 * the sorted values), so every figure is one of the measured durations and can be checked by hand.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]!;
}

/** Minutes with one decimal, as the screens and exports show them. */
export const toMinutes = (ms: number): number => Math.round(ms / 6_000) / 10;

export function durations(valuesMs: readonly number[]): Durations {
  const sorted = [...valuesMs].sort((a, b) => a - b);
  const mean = sorted.length === 0 ? null : sorted.reduce((s, v) => s + v, 0) / sorted.length;
  const minutes = (ms: number | null) => (ms === null ? null : toMinutes(ms));
  return { count: sorted.length, meanMinutes: minutes(mean), p50Minutes: minutes(percentile(sorted, 0.5)), p90Minutes: minutes(percentile(sorted, 0.9)) };
}

/** part / whole with four decimals; null for an empty whole (no "0 %" for a period with nothing in it). */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

/** Counts of each key, in the order the keys first appear; `weight`: how many each item stands for (a row of counted rows). */
export function countBy<T, K>(items: readonly T[], key: (item: T) => K, weight: (item: T) => number = () => 1): Map<K, number> {
  const counts = new Map<K, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + weight(item));
  return counts;
}

/** The sum of `weight` over the items `keep` keeps. */
export function total<T>(items: readonly T[], weight: (item: T) => number, keep: (item: T) => boolean = () => true): number {
  return items.reduce((n, item) => (keep(item) ? n + weight(item) : n), 0);
}

/** Counts largest first, ties by name in Vietnamese order: how a report table lists them. */
export function ranked<K>(counts: Map<K, number>, name: (key: K) => string): [K, number][] {
  return [...counts].sort(([a, m], [b, n]) => n - m || name(a).localeCompare(name(b), 'vi'));
}

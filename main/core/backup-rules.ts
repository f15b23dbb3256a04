import { VN_OFFSET_MS, vnDate } from './vn-time';

/**
 * Which backup sets a location keeps, and when the admin must be told that backups are not being
 * made. Pure rules: the backup service (main/node/backup/) lists the sets and applies them.
 */

export interface KeepPolicy {
  readonly daily: number;
  readonly weekly: number;
  readonly monthly: number;
}

export const defaultKeepPolicy: KeepPolicy = { daily: 7, weekly: 4, monthly: 12 };

/** The newest sets kept whatever the policy says. */
export const ALWAYS_KEPT = 2;

export interface DatedSet {
  readonly id: string;
  /** When the copy was taken (epoch ms). */
  readonly takenAt: number;
}

/** The Monday (Vietnam date) of the ISO week a Vietnam date falls in. */
function weekOf(epochMs: number): string {
  const local = new Date(epochMs + VN_OFFSET_MS);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  return vnDate(epochMs - sinceMonday * 86_400_000);
}

const bucketOf: Record<keyof KeepPolicy, (epochMs: number) => string> = {
  daily: vnDate,
  weekly: weekOf,
  monthly: (t) => vnDate(t).slice(0, 7),
};

/**
 * The ids of the sets to keep: the newest set of each of the last `daily` days that have a
 * set, of the last `weekly` weeks and of the last `monthly` months (Vietnam calendar) — counted
 * over the days that have sets, not over the calendar, so a hub that was off for a month does not
 * lose its history the day it comes back. The two newest sets are always kept: when the newest
 * turns out damaged, the one before it is hours old, not a day. Ties in time are broken
 * by id, so the answer does not depend on the order the sets were listed in.
 */
export function setsToKeep(sets: readonly DatedSet[], policy: KeepPolicy = defaultKeepPolicy): Set<string> {
  const newestFirst = [...sets].sort((a, b) => b.takenAt - a.takenAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const keep = new Set<string>();
  for (const s of newestFirst.slice(0, ALWAYS_KEPT)) keep.add(s.id);
  for (const kind of Object.keys(bucketOf) as (keyof KeepPolicy)[]) {
    let last: string | null = null;
    let kept = 0;
    for (const s of newestFirst) {
      if (kept >= policy[kind]) break;
      const bucket = bucketOf[kind](s.takenAt);
      if (bucket === last) continue;
      last = bucket;
      kept++;
      keep.add(s.id);
    }
  }
  return keep;
}

/**
 * How long a set folder without a manifest may go unwritten before rotation takes it for the
 * leftover of a backup cut short: no backup, even of a large database to a slow stick, takes a
 * day, and one still running (another hub process, a copy to the second location) writes its
 * files as it goes.
 */
export const PARTIAL_SET_ABANDONED_MS = 24 * 3_600_000;

/** Whether a set folder without a manifest, last written at `lastWriteAt`, is a leftover (times of the same clock). */
export function isAbandonedPartial(lastWriteAt: number, now: number): boolean {
  return now - lastWriteAt > PARTIAL_SET_ABANDONED_MS;
}

/** What the admin screen warns about. */
export type BackupProblem =
  | { readonly kind: 'never' }
  | { readonly kind: 'stale'; readonly where: 'local' | 'second'; readonly ageMs: number }
  | { readonly kind: 'second_missing'; readonly path: string }
  | { readonly kind: 'second_not_set' }
  | { readonly kind: 'last_failed'; readonly message: string }
  | { readonly kind: 'unreadable_sets'; readonly path: string; readonly sets: readonly UnreadableSetFact[] };

/** A set folder whose manifest exists but cannot be read or understood. */
export interface UnreadableSetFact {
  readonly name: string;
  readonly reason: string;
}

export interface BackupFacts {
  readonly now: number;
  readonly intervalHours: number;
  /** The newest set in the data folder, null when none. */
  readonly localNewestAt: number | null;
  /** The second location: null when none is set; `reachable` = the folder exists now. */
  readonly second: { readonly path: string; readonly reachable: boolean; readonly newestAt: number | null } | null;
  /** The last attempt's failure, if the last attempt failed. */
  readonly lastError: string | null;
  /** Per location (its path), the sets kept because their manifest cannot be read. */
  readonly unreadable: readonly { readonly path: string; readonly sets: readonly UnreadableSetFact[] }[];
}

/**
 * The newest set taken up to `now`. A set dated in the future (the clock was set back since)
 * does not count: otherwise no backup would be due until the clock caught up with it.
 */
export function newestUpTo(sets: readonly DatedSet[], now: number): number | null {
  let newest: number | null = null;
  for (const s of sets) if (s.takenAt <= now && (newest === null || s.takenAt > newest)) newest = s.takenAt;
  return newest;
}

/**
 * A location is stale when its newest set is older than twice the interval: one missed round is a
 * hub that was off or busy, two is a problem.
 */
export function isStale(newestAt: number | null, now: number, intervalHours: number): boolean {
  return newestAt === null || now - newestAt > 2 * intervalHours * 3_600_000;
}

/** Everything that is wrong with the site's backups right now, most urgent first (empty = all well). */
export function backupProblems(f: BackupFacts): BackupProblem[] {
  const problems: BackupProblem[] = [];
  if (f.lastError !== null) problems.push({ kind: 'last_failed', message: f.lastError });
  if (f.localNewestAt === null) problems.push({ kind: 'never' });
  else if (isStale(f.localNewestAt, f.now, f.intervalHours)) problems.push({ kind: 'stale', where: 'local', ageMs: f.now - f.localNewestAt });
  if (f.second === null) problems.push({ kind: 'second_not_set' });
  else if (!f.second.reachable) problems.push({ kind: 'second_missing', path: f.second.path });
  else if (f.localNewestAt !== null && isStale(f.second.newestAt, f.now, f.intervalHours)) {
    problems.push({ kind: 'stale', where: 'second', ageMs: f.second.newestAt === null ? Infinity : f.now - f.second.newestAt });
  }
  for (const u of f.unreadable) if (u.sets.length > 0) problems.push({ kind: 'unreadable_sets', path: u.path, sets: u.sets });
  return problems;
}

/**
 * How long after the hub starts the first automatic backup may come: the start (screens
 * reconnecting, often the morning's first numbers) is not the moment to copy the database.
 */
export const START_GRACE_MS = 10 * 60_000;

/**
 * When the next automatic backup is due: one interval after the newest set, and not before
 * `notBefore` (the hub's start + START_GRACE_MS); at `notBefore` when there is no set yet.
 */
export function nextBackupAt(newestAt: number | null, now: number, intervalHours: number, notBefore = now): number {
  return Math.max(now, notBefore, newestAt === null ? now : newestAt + intervalHours * 3_600_000);
}

import type { SyncLevel } from '../../contract/ops';

/** After this long without reaching the central, the counters show the sync in amber. */
export const OFFLINE_WARN_MS = 60 * 60_000;

export interface SyncFacts {
  readonly enrolled: boolean;
  readonly online: boolean;
  readonly conflict: boolean;
  readonly lastAttemptAt: number | null;
  readonly lastSuccessAt: number | null;
  readonly oldestPendingAt: number | null;
}

/**
 * Since when the central has not been reached: the last success, or — never reached — the oldest
 * event still waiting to be sent. Null while online (or with nothing to tell).
 */
export function offlineSince(s: SyncFacts): number | null {
  if (!s.enrolled || s.online) return null;
  return s.lastSuccessAt ?? s.oldestPendingAt;
}

/**
 * How staff should see the sync: not set up; set up but not tried yet (just enrolled, or the hub
 * just started); online; offline, and offline for more than an hour (then the counters show it
 * in amber: the province's figures are getting old); or a seq conflict only an admin can resolve.
 */
export function syncLevel(s: SyncFacts, now: number): SyncLevel {
  if (!s.enrolled) return 'not_enrolled';
  if (s.conflict) return 'conflict';
  if (s.online) return 'online';
  if (s.lastAttemptAt === null) return 'connecting';
  const since = offlineSince(s);
  return since !== null && now - since >= OFFLINE_WARN_MS ? 'offline_long' : 'offline';
}

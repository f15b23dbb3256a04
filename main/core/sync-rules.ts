import { isWithBackOffice, type DossierStatus } from '../../contract/dossier';
import type { DossierStatusItem } from '../../contract/sync';

/**
 * The longest wait after failures: a link that comes back is noticed within it (events made
 * offline wait for the link, not for a backoff grown to minutes). The central asks for longer
 * with `Retry-After` when it needs to.
 */
export const MAX_BACKOFF_MS = 30_000;

/**
 * Waits between failed sync attempts: exponential with full jitter, so hundreds of communes whose
 * link comes back at the same moment do not all knock at once; `Retry-After` is a floor.
 */
export function backoffMs(attempt: number, random: number, retryAfterMs = 0, maxMs = MAX_BACKOFF_MS): number {
  const cap = Math.min(maxMs, 1000 * 2 ** Math.min(attempt, 9));
  return Math.max(retryAfterMs, Math.floor(random * cap));
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds from now (0 when absent or unreadable). */
export function retryAfterMs(header: string | null, now: number): number {
  if (!header) return 0;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? 0 : Math.max(0, at - now);
}

/** Batch limits: halved on 413 down to one event, grown back on success. */
export const MAX_BATCH_EVENTS = 500;
export const MAX_BATCH_BYTES = 1024 * 1024;
export function nextBatchLimit(current: number, tooLarge: boolean): number {
  return tooLarge ? Math.max(1, Math.floor(current / 2)) : Math.min(MAX_BATCH_EVENTS, current * 2);
}

/**
 * Field ownership on a dossier's status: back offices (through the central) move a dossier that
 * is with them — forwarded, processing, result ready — while what the desk did last stays: a
 * dossier returned to the citizen, withdrawn, refused or waiting for papers is not reopened by a
 * status the central sent before it knew.
 */
export function centralStatusApplies(local: DossierStatus, item: DossierStatusItem): boolean {
  return isWithBackOffice(local) && local !== item.status;
}

/**
 * A database is a restored copy when the central had acknowledged more of its stream (as the
 * marker written after each acknowledgement says) than the database itself remembers.
 */
export function isRestoredCopy(dbAckedThrough: number, marker: { incarnation: string; ackedThrough: number } | null, incarnation: string): boolean {
  return marker !== null && marker.incarnation === incarnation && marker.ackedThrough > dbAckedThrough;
}

/** How long acknowledged outbox rows stay at the hub unless the admin says otherwise (the central keeps the log). */
export const DEFAULT_OUTBOX_RETENTION_DAYS = 90;

/**
 * The outbox rows a pruning batch may delete, from `rows` (seq order, the first ones not pruned
 * yet): the leading run the central acknowledged (`seq ≤ ackedThrough`) and older than the
 * retention. It stops at the first row that does not qualify, even if later ones would: rows go
 * oldest first and a hub clock set back for a while delays pruning rather than skipping a row.
 * Returns the last seq to prune through, or null for none.
 */
export function pruneThrough(rows: readonly { seq: number; created_at: number }[], ackedThrough: number, now: number, retentionDays: number): number | null {
  const cutoff = now - retentionDays * 86_400_000;
  let through: number | null = null;
  for (const r of rows) {
    if (r.seq > ackedThrough || r.created_at >= cutoff) break;
    through = r.seq;
  }
  return through;
}

import { isWithBackOffice, type DossierStatus } from '../../contract/dossier';
import type { DossierStatusItem } from '../../contract/sync';

/**
 * Waits between failed sync attempts: exponential with full jitter, so hundreds of communes whose
 * link comes back at the same moment do not all knock at once; `Retry-After` is a floor.
 */
export function backoffMs(attempt: number, random: number, retryAfterMs = 0, maxMs = 300_000): number {
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

import type { DossierCodeSettings } from '../../contract/dossier';
import { dossierCodeOf } from '../../contract/dossier-texts';

/**
 * A restored hub's recovery (docs/SYNC.md, "Incarnations and restored backups"): a database that
 * came back from an older copy lacks what it did after the copy, though the central has it. Until
 * the hub has fetched those events back, a number or a dossier code it hands out may already be
 * held by a citizen. These are the rules; main/node/sync/recover.ts does the fetching.
 */

/** How the restore was noticed. */
export type RestoreNoticedBy =
  /** A restore from the admin screen or the CLI wrote its record (contract/restore.ts). */
  | 'restore'
  /** The database remembers less of its stream than the marker beside it (the database file alone came back). */
  | 'marker'
  /** The central holds more of this database's stream than its outbox ever had (the whole folder came back). */
  | 'central-ahead'
  /** An admin started a new stream after a seq conflict: what the old stream holds past the conflict is fetched back. */
  | 'admin';

/** What the hub keeps (settings `syncRecovery`) while it recovers and after: resumable at every page. */
export interface RecoveryState {
  readonly noticedBy: RestoreNoticedBy;
  readonly noticedAt: number;
  /** For a restore record (contract/restore.ts): its `at`, which tells this recovery from one the copy carried from before. */
  readonly restoreAt: string | null;
  /** The outbox's highest seq when the restore was noticed: the earlier streams' events above it are what the copy lacks. */
  readonly fromSeq: number;
  /** For each earlier stream: the seq read through so far (null until the central's list of streams was read). */
  readonly cursors: Readonly<Record<string, number>> | null;
  readonly doneAt: number | null;
  readonly applied: { readonly tickets: number; readonly ratings: number; readonly dossiers: number; readonly events: number };
  /** What the events could not rebuild, for staff (Vietnamese, at most MISSING_KEPT lines). */
  readonly missing: readonly string[];
  /** Service days on which the hub served offline before the recovery and moved its sequences forward. */
  readonly offlineDays: readonly string[];
  /** Settled without a central (nothing fetched back); absent in states saved before it existed. */
  readonly settledLocally?: boolean;
}

export const MISSING_KEPT = 50;

export function newRecovery(noticedBy: RestoreNoticedBy, fromSeq: number, now: number, restoreAt: string | null = null): RecoveryState {
  return { noticedBy, noticedAt: now, restoreAt, fromSeq, cursors: null, doneAt: null, applied: { tickets: 0, ratings: 0, dossiers: 0, events: 0 }, missing: [], offlineDays: [] };
}

/**
 * The whole data folder came back (its marker too, so nothing at the site can tell): the central
 * has acknowledged seqs of this database's stream that its outbox never held.
 */
export function centralIsAhead(streams: readonly { incarnation: string; lastSeq: number }[], incarnation: string, outboxLastSeq: number): boolean {
  return streams.some((s) => s.incarnation === incarnation && s.lastSeq > outboxLastSeq);
}

/**
 * Where to start reading each of the site's earlier streams: above what this database holds of
 * the ones it wrote itself (one seq space per database), from the start of any it never knew.
 * Every event is checked by its id before it is applied, so reading a little more is harmless.
 */
export function startCursors(
  streams: readonly { incarnation: string; baseSeq?: number | undefined; lastSeq: number }[],
  current: string, known: ReadonlySet<string>, fromSeq: number,
): Record<string, number> {
  const cursors: Record<string, number> = {};
  for (const s of streams) {
    if (s.incarnation === current) continue;
    const after = known.has(s.incarnation) ? fromSeq : Math.max(0, (s.baseSeq ?? 1) - 1);
    if (s.lastSeq > after) cursors[s.incarnation] = after;
  }
  return cursors;
}

/** What ticket issue and dossier intake may do while a recovery is pending. */
export type IssueGate = 'serve' | 'refuse' | 'serve-offline' | 'settle-locally';

/**
 * The rule (docs/SYNC.md): no recovery pending → serve. Pending and the central reachable →
 * refuse (`RECOVERY_PENDING`): the recovery runs at once and takes seconds. Pending and the
 * central unreachable → the desk keeps working, but every number and code sequence of the day is
 * first moved forward by a margin (`offlineStart`), so what the lost hours handed out is skipped.
 * A restore record on a hub with no central (not enrolled: no sync worker ever takes the record
 * up, and nothing could be fetched back) → settle locally, once, before the first number: the
 * same margin, and past what the database kept aside by the restore handed out.
 */
export function issueGate(
  recovery: Pick<RecoveryState, 'doneAt'> | null, centralReachable: boolean,
  restore: { readonly pending: boolean; readonly enrolled: boolean },
): IssueGate {
  if (restore.pending && !restore.enrolled) return 'settle-locally';
  if (recovery === null || recovery.doneAt !== null) return 'serve';
  return centralReachable ? 'refuse' : 'serve-offline';
}

/**
 * Margins for serving offline before the recovery. Only today's sequences can collide (the date is
 * part of every ticket's day and every dossier code), so the margin must exceed what a desk hands
 * out in part of a day: a commune issues tens of dossier codes and a few hundred tickets a day.
 */
export const OFFLINE_MARGIN = { ticketNumbers: 200, dossierCodes: 100 } as const;

/**
 * The last number to record before serving offline: `margin` above the last one known, but never
 * more than half the room left in the range (a desk must not run out of numbers for it).
 */
export function offlineStart(last: number | null, range: { rangeStart: number; rangeEnd: number }, margin: number): number {
  const from = last ?? range.rangeStart - 1;
  const room = Math.max(0, range.rangeEnd - from);
  return from + Math.min(margin, Math.floor(room / 2));
}

/**
 * The sequences a ticket's display code may have come from: every one whose service's prefix
 * reads a number out of it. A recovered ticket whose own service is gone (or whose prefix
 * changed) still names its number this way, so no sequence that could hand it out again is missed.
 */
export function sequencesReading(displayCode: string, services: readonly { prefix: string; sequenceId: string }[]): { sequenceId: string; number: number }[] {
  const found = new Map<string, number>();
  for (const s of services) {
    const number = ticketNumberOf(displayCode, s.prefix);
    if (number !== null) found.set(s.sequenceId, Math.max(number, found.get(s.sequenceId) ?? 0));
  }
  return [...found].map(([sequenceId, number]) => ({ sequenceId, number }));
}

/** The number inside a ticket's display code (`A` + `015` → 15), or null when it is not the service's prefix and digits. */
export function ticketNumberOf(displayCode: string, prefix: string): number | null {
  if (!displayCode.startsWith(prefix)) return null;
  const digits = displayCode.slice(prefix.length);
  return /^\d{1,9}$/.test(digits) ? Number(digits) : null;
}

/**
 * The day's sequence inside a dossier code made with these settings, or null when the code is not
 * one of theirs (such a code can never be handed out again under these settings).
 */
export function dossierCodeSeqOf(settings: DossierCodeSettings, agencyCode: string, receiptDate: string, code: string): number | null {
  const MARK = '\u0000';
  // The pattern with the sequence left as a mark; what surrounds it must match the code exactly.
  const shape = dossierCodeOf({ ...settings, pattern: settings.pattern.replace('{seq}', MARK) }, agencyCode, receiptDate, 0);
  const at = shape.indexOf(MARK);
  if (at < 0) return null;
  const before = shape.slice(0, at);
  const after = shape.slice(at + 1);
  if (!code.startsWith(before) || !code.endsWith(after) || code.length <= before.length + after.length) return null;
  const digits = code.slice(before.length, code.length - after.length);
  if (!/^\d+$/.test(digits) || digits.length < settings.sequenceWidth) return null;
  const seq = Number(digits);
  return dossierCodeOf(settings, agencyCode, receiptDate, seq) === code ? seq : null;
}

/** Adds a line for staff, keeping the list short (the last line says how many more there were). */
export function withMissing(missing: readonly string[], line: string): string[] {
  if (missing.includes(line)) return [...missing];
  if (missing.length < MISSING_KEPT) return [...missing, line];
  const more = /^… và (\d+) mục khác/.exec(missing[MISSING_KEPT] ?? '');
  return [...missing.slice(0, MISSING_KEPT), `… và ${(more ? Number(more[1]) : 0) + 1} mục khác.`];
}

import { RESTORED_FROM_KEY, type RestoreRecord } from '../../../contract/restore';
import {
  newRecovery, OFFLINE_MARGIN, offlineStart, startCursors, withMissing, type RecoveryState, type RestoreNoticedBy,
} from '../../core/restore-recovery';
import type { IssuedSequences } from '../db/kept-database-store';
import type { RecoveryStore } from '../db/recovery-store';
import type { HubDeps } from '../hub/context';
import type { CentralClient, Failure } from './central-client';
import { applyRecovered } from './recovered-events';
import { RECOVERY_KEY } from './recovery-gate';
import type { DossierSettings } from '../../../contract/dossier';

const PAGE = 500;

/** Records that this database is a restored copy whose lost events are to be fetched back (in the caller's transaction). */
export function noticeRestore(deps: HubDeps, noticedBy: RestoreNoticedBy, fromSeq: number, now: number, restoreAt: string | null = null): void {
  deps.site.set(RECOVERY_KEY, newRecovery(noticedBy, fromSeq, now, restoreAt));
}

/**
 * A restore from the admin screen or the CLI (contract/restore.ts) that no recovery has taken up
 * yet (a recovery state the copy carried from before belongs to another restore): the record.
 */
export function pendingRestoreRecord(deps: HubDeps): RestoreRecord | null {
  const record = deps.site.get<RestoreRecord>(RESTORED_FROM_KEY);
  if (!record || record.recoveredAt !== null) return null;
  return deps.site.get<RecoveryState>(RECOVERY_KEY)?.restoreAt === record.at ? null : record;
}

/**
 * The recovery of a restored hub, resumable at every page (docs/SYNC.md, "Incarnations and
 * restored backups"):
 *
 *   1. read the central's list of the site's streams once, and note where to start in each earlier
 *      one (above what this copy holds of the streams it wrote itself);
 *   2. for each earlier stream, fetch its events a page at a time; apply each page in one
 *      transaction with the stream's new cursor: every event this outbox does not have yet (by its
 *      id) rebuilds its ticket, rating or dossier row and history, moves the day's numbering or
 *      code sequence past what it carries, and is appended to the outbox as it was sent (the new
 *      stream sends it again, the central knows it by its id);
 *   3. when every stream is read, mark the recovery done (and the restore record recovered).
 *
 * A hub killed anywhere resumes at the first page not yet applied.
 */
export async function recover(deps: HubDeps, store: RecoveryStore, client: CentralClient, incarnation: string): Promise<'ok' | Failure> {
  let state = deps.site.get<RecoveryState>(RECOVERY_KEY);
  if (!state || state.doneAt !== null) return 'ok';
  if (state.cursors === null) {
    const status = await client.status();
    if (status.kind !== 'ok') return status;
    const cursors = startCursors(status.res.streams, incarnation, new Set(deps.sync.incarnations()), state.fromSeq);
    state = await save(deps, { ...state, cursors });
  }
  for (const stream of Object.keys(state.cursors!)) {
    for (;;) {
      const page = await client.streamEvents(stream, state.cursors![stream]!, PAGE);
      if (page.kind !== 'ok' && !(page.kind === 'fatal' && page.code === 'STREAM_NOT_FOUND')) return page;
      const res = page.kind === 'ok' ? page.res : { events: [], unavailable: [], through: 0, hasMore: false };
      state = await deps.writer.run(() => {
        let s = deps.site.get<RecoveryState>(RECOVERY_KEY)!;
        for (const e of res.events) {
          if (deps.outbox.has(e.eventId)) continue;
          const applied = applyRecovered(deps, store, e);
          deps.outbox.appendRecovered({ ...e, createdAt: Date.parse(e.createdAt) });
          const a = s.applied;
          s = {
            ...s,
            applied: {
              tickets: a.tickets + (applied.kind === 'ticket' && e.type === 'ticket.issued' ? 1 : 0), ratings: a.ratings + (applied.kind === 'rating' ? 1 : 0),
              dossiers: a.dossiers + (applied.kind === 'dossier' && e.type === 'dossier.received' ? 1 : 0), events: a.events + 1,
            },
            missing: applied.line === null ? s.missing : withMissing(s.missing, applied.line),
          };
        }
        for (const u of res.unavailable) s = { ...s, missing: withMissing(s.missing, `Sự kiện số ${u.seq} máy chủ tỉnh không còn giữ nội dung: không khôi phục được.`) };
        const { [stream]: _read, ...rest } = s.cursors!;
        s = { ...s, cursors: res.hasMore ? { ...rest, [stream]: res.through } : rest };
        deps.site.set(RECOVERY_KEY, s);
        return s;
      });
      if (!res.hasMore) break;
    }
  }
  const now = deps.clock();
  await deps.writer.run(() => {
    deps.site.set(RECOVERY_KEY, { ...deps.site.get<RecoveryState>(RECOVERY_KEY)!, doneAt: now });
    const record = deps.site.get<RestoreRecord>(RESTORED_FROM_KEY);
    if (record && record.recoveredAt === null) deps.site.set(RESTORED_FROM_KEY, { ...record, recoveredAt: new Date(now).toISOString() });
  });
  return 'ok';
}

async function save(deps: HubDeps, state: RecoveryState): Promise<RecoveryState> {
  await deps.writer.run(() => deps.site.set(RECOVERY_KEY, state));
  return state;
}

/**
 * Serving before the recovery could run (the central unreachable): once per service day, every
 * ticket numbering and the dossier code sequence of that day move forward by a margin
 * (main/core/restore-recovery.ts), so what the lost hours handed out is skipped. In the caller's
 * transaction; idempotent for the day.
 */
export function moveForwardForOffline(deps: HubDeps, store: RecoveryStore, date: string): void {
  const state = deps.site.get<RecoveryState>(RECOVERY_KEY);
  if (!state || state.doneAt !== null || state.offlineDays.includes(date)) return;
  moveSequencesForward(deps, store, date);
  deps.site.set(RECOVERY_KEY, { ...state, offlineDays: [...state.offlineDays, date] });
}

/**
 * A restore record on a hub with no central (main/core/restore-recovery.ts, `issueGate`): nothing
 * can be fetched back, so before the first number the day's sequences move past the margin and
 * past every number and code the replaced database (`kept`, read by the caller; null when it was
 * missing or unreadable, with `keptProblem` saying why) handed out; then the restore counts as
 * recovered. In the caller's transaction; a second call finds the record recovered and does nothing.
 */
export function settleRestoreLocally(deps: HubDeps, store: RecoveryStore, date: string, kept: IssuedSequences | null, keptProblem: string | null): void {
  const record = pendingRestoreRecord(deps);
  if (record === null) return;
  // The margin covers a replaced database that was itself an older copy; its own counters are exact otherwise.
  moveSequencesForward(deps, store, date);
  for (const n of kept?.numbers ?? []) if (deps.catalog.sequence(n.sequenceId)) store.raiseLastNumber(n.sequenceId, n.serviceDate, n.lastNumber);
  for (const c of kept?.codes ?? []) store.raiseCodeSeq(c.agencyCode, c.deskPart, c.codeDate, c.lastSeq);
  const now = deps.clock();
  const state = newRecovery('restore', record.backupOutboxMaxSeq, now, record.at);
  const missing = keptProblem === null ? [] : [`Không đọc được cơ sở dữ liệu cũ đã cất riêng khi khôi phục (${keptProblem}): số thứ tự và mã hồ sơ hôm nay đã được đẩy lên một khoảng an toàn.`];
  deps.site.set(RECOVERY_KEY, { ...state, cursors: {}, doneAt: now, offlineDays: [date], missing, settledLocally: true });
  deps.site.set(RESTORED_FROM_KEY, { ...record, recoveredAt: new Date(now).toISOString() });
}

/** A day's numberings and code sequence: the margin above what this database knows (never more than half the room left). */
function moveSequencesForward(deps: HubDeps, store: RecoveryStore, date: string): void {
  for (const seq of deps.catalog.sequences()) {
    store.raiseLastNumber(seq.id, date, offlineStart(deps.tickets.lastNumber(seq.id, date), seq, OFFLINE_MARGIN.ticketNumbers));
  }
  const code = deps.site.get<DossierSettings>('dossiers')!.code;
  const agency = deps.site.site().agencyCode.trim();
  const last = store.lastCodeSeq(agency, code.deskPart, date);
  store.raiseCodeSeq(agency, code.deskPart, date, offlineStart(last, { rangeStart: 1, rangeEnd: Number.MAX_SAFE_INTEGER }, OFFLINE_MARGIN.dossierCodes));
}

import { RESTORED_FROM_KEY, type RestoreRecord } from '../../../contract/restore';
import {
  newRecovery, OFFLINE_MARGIN, offlineStart, startCursors, withMissing, type RecoveryState, type RestoreNoticedBy,
} from '../../core/restore-recovery';
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
  for (const seq of deps.catalog.sequences()) {
    store.raiseLastNumber(seq.id, date, offlineStart(deps.tickets.lastNumber(seq.id, date), seq, OFFLINE_MARGIN.ticketNumbers));
  }
  const code = deps.site.get<DossierSettings>('dossiers')!.code;
  const agency = deps.site.site().agencyCode.trim();
  const last = store.lastCodeSeq(agency, code.deskPart, date);
  store.raiseCodeSeq(agency, code.deskPart, date, offlineStart(last, { rangeStart: 1, rangeEnd: Number.MAX_SAFE_INTEGER }, OFFLINE_MARGIN.dossierCodes));
  deps.site.set(RECOVERY_KEY, { ...state, offlineDays: [...state.offlineDays, date] });
}

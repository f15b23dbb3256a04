import { basename } from 'node:path';
import { HubError } from '../../../contract/errors';
import { vnDate } from '../../core/vn-time';
import { restorePending } from '../backup/restore';
import { issuedInKeptDatabase, type IssuedSequences } from '../db/kept-database-store';
import { RecoveryStore } from '../db/recovery-store';
import type { CentralConfig } from '../sync/central-client';
import { moveForwardForOffline, pendingRestoreRecord, settleRestoreLocally } from '../sync/recover';
import type { HubDeps } from './context';

/**
 * Before a ticket number or a dossier code is handed out: nothing is in the way unless this
 * database is a restored copy that has not fetched back what it lost (main/core/restore-recovery.ts,
 * `issueGate`). Then the desk is told to wait while the central can be reached, and otherwise
 * serves with the day's sequences moved forward by a margin. A hub with no central settles a
 * restore itself, once, reading the database the restore kept aside.
 *
 * Nor while a restore is staged: this database is about to be set aside and sync is stopping, so
 * a number given now would never reach the central and the restored copy could give it again.
 */
export async function guardNumbering(deps: HubDeps, now: number): Promise<void> {
  if (deps.dataDir !== null && restorePending(deps.dataDir)) throw new HubError('RESTORE_IN_PROGRESS');
  const record = pendingRestoreRecord(deps);
  const enrolled = deps.site.get<CentralConfig>('sync') !== null;
  const gate = await deps.recovery.beforeIssuing({ pending: record !== null, enrolled });
  if (gate === 'refuse') throw new HubError('RECOVERY_PENDING');
  const store = new RecoveryStore(deps.db);
  if (gate === 'serve-offline') await deps.writer.run(() => moveForwardForOffline(deps, store, vnDate(now)));
  if (gate === 'settle-locally' && record !== null) {
    const kept = readKept(deps, record.previousDatabaseKeptAt, vnDate(Date.parse(record.backupTakenAt)));
    await deps.writer.run(() => settleRestoreLocally(deps, store, vnDate(now), kept.issued, kept.problem));
  }
}

/** What the replaced database handed out since the backup's day; a missing or unreadable file is logged and said to staff (in Vietnamese: why, not SQLite's words). */
function readKept(deps: HubDeps, file: string | null, fromDate: string): { issued: IssuedSequences | null; problem: string | null } {
  if (file === null) {
    deps.log.warn('restore: no database was kept aside; the day\'s sequences move forward by the margin only');
    return { issued: null, problem: 'không có tệp nào được cất riêng' };
  }
  try {
    return { issued: issuedInKeptDatabase(file, fromDate), problem: null };
  } catch (e) {
    deps.log.warn({ err: e, file }, 'restore: the database kept aside could not be read; the day\'s sequences move forward by the margin only');
    return { issued: null, problem: `tệp ${basename(file)} không mở được, chi tiết trong nhật ký máy chủ` };
  }
}

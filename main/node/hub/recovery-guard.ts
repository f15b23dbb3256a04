import { HubError } from '../../../contract/errors';
import { vnDate } from '../../core/vn-time';
import { restorePending } from '../backup/restore';
import { RecoveryStore } from '../db/recovery-store';
import { moveForwardForOffline } from '../sync/recover';
import type { HubDeps } from './context';

/**
 * Before a ticket number or a dossier code is handed out: nothing is in the way unless this
 * database is a restored copy that has not fetched back what it lost (main/core/restore-recovery.ts,
 * `issueGate`). Then the desk is told to wait while the central can be reached, and otherwise
 * serves with the day's sequences moved forward by a margin.
 *
 * Nor while a restore is staged: this database is about to be set aside and sync is stopping, so
 * a number given now would never reach the central and the restored copy could give it again.
 */
export async function guardNumbering(deps: HubDeps, now: number): Promise<void> {
  if (deps.dataDir !== null && restorePending(deps.dataDir)) throw new HubError('RESTORE_IN_PROGRESS');
  const gate = await deps.recovery.beforeIssuing();
  if (gate === 'refuse') throw new HubError('RECOVERY_PENDING');
  if (gate === 'serve-offline') await deps.writer.run(() => moveForwardForOffline(deps, new RecoveryStore(deps.db), vnDate(now)));
}

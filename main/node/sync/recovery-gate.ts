import { issueGate, type IssueGate, type RecoveryState } from '../../core/restore-recovery';
import type { SiteStore } from '../db/site-store';

/** Settings key of the recovery's state (main/core/restore-recovery.ts). */
export const RECOVERY_KEY = 'syncRecovery';

/** How long a number waits for the hub's first word with the central after a start (a few ms on a working link). */
const FIRST_CHECK_WAIT_MS = 10_000;

/**
 * Between the sync worker, which finds out whether this database is a restored copy and fetches
 * back what it lost, and the desk, which must not hand out a number or a code meanwhile
 * (main/core/restore-recovery.ts, `issueGate`). Until the worker's first check after a start has
 * spoken — the central is the only one who can tell a whole data folder copied back — a number
 * waits for it, at most FIRST_CHECK_WAIT_MS; a hub whose worker does not run (not enrolled, or
 * tests) never waits.
 */
export class RecoveryGate {
  private reachable: boolean | null = null;
  private running = false;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly site: SiteStore,
    private readonly firstCheckWaitMs = FIRST_CHECK_WAIT_MS,
  ) {}

  state(): RecoveryState | null {
    return this.site.get<RecoveryState>(RECOVERY_KEY);
  }

  /** The worker runs from now on: numbers wait for its first check. */
  workerStarted(): void {
    this.running = true;
  }

  /** The worker's check or recovery reached the central (or could not): the desk may go on as the rule says. */
  reached(ok: boolean): void {
    this.reachable = ok;
    for (const wake of this.waiters.splice(0)) wake();
  }

  /**
   * What ticket issue and dossier receipt may do now. `restore`: whether a restore record waits
   * for a recovery (contract/restore.ts) and whether the hub has a central to recover from.
   */
  async beforeIssuing(restore: { readonly pending: boolean; readonly enrolled: boolean }): Promise<IssueGate> {
    if (this.running && this.reachable === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.firstCheckWaitMs);
        timer.unref();
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return issueGate(this.state(), this.reachable === true, restore);
  }
}

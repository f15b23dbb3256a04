import type { StorageHealthView } from '../../../contract/ops';
import type { Logger } from '../../../common/node/logger';
import { diskFullSince, isDiskFull, storageView } from '../../core/storage-health';
import type { WriteObserver } from '../db/write-queue';
import type { HubBus } from './bus';

/**
 * Whether the hub can save, from what its writes came to (in memory: a full disk is learnt from
 * the first write it refuses and forgotten at the first write that lands — no probe, no timer).
 * Staff screens read it through `system.health` and hear a `health` hint when it flips; each
 * episode is logged once, at its start and at its end, not once per refused request.
 */
export class StorageHealth implements WriteObserver {
  private since: number | null = null;
  /** Best-effort writes whose failure has been logged in the current episode of failures. */
  private readonly failing = new Set<string>();

  constructor(private readonly deps: { readonly log: Logger; readonly bus: HubBus; readonly clock: () => number }) {}

  saved(): void {
    this.step(null, 'saved');
  }

  failed(error: unknown): void {
    this.step(error, isDiskFull(error) ? 'disk_full' : 'failed_otherwise');
  }

  view(): StorageHealthView {
    return storageView(this.since);
  }

  /**
   * A write the hub can do without (a last-seen time): tried, and on failure noted and logged once
   * per episode, never thrown — a full disk must not sign anyone out or unpair a screen.
   */
  bestEffort(what: string, write: () => void): void {
    try {
      write();
    } catch (e) {
      this.failed(e);
      if (!this.failing.has(what)) this.deps.log.warn({ err: e, what }, 'best-effort write failed; going on without it');
      this.failing.add(what);
      return;
    }
    this.saved();
    if (this.failing.delete(what)) this.deps.log.info({ what }, 'best-effort write works again');
  }

  private step(error: unknown, outcome: Parameters<typeof diskFullSince>[1]): void {
    const was = this.since;
    this.since = diskFullSince(was, outcome, this.deps.clock());
    if ((was === null) === (this.since === null)) return;
    if (this.since !== null) this.deps.log.error({ err: error }, 'disk full: nothing new can be saved until there is room on the data disk');
    else this.deps.log.info({ fullSince: new Date(was!).toISOString() }, 'disk space is back: changes are saved again');
    // After the write path has answered its callers: a listener must never sit inside a commit.
    setImmediate(() => this.deps.bus.emit('changed', ['health']));
  }
}

import { DEFAULT_OUTBOX_RETENTION_DAYS, pruneThrough } from '../../core/sync-rules';
import type { HubDeps } from '../hub/context';

/** Rows per pruning transaction: a few milliseconds in the write queue, so a ticket never waits behind it. */
const PRUNE_BATCH = 500;
const PRUNED_KEY = 'outboxPrunedThrough';
const RETENTION_KEY = 'outboxRetentionDays';

/** How long acknowledged rows are kept (the admin's setting, Quản trị → Đồng bộ). */
export function outboxRetentionDays(deps: Pick<HubDeps, 'site'>): number {
  return deps.site.get<number>(RETENTION_KEY) ?? DEFAULT_OUTBOX_RETENTION_DAYS;
}

export function setOutboxRetentionDays(deps: Pick<HubDeps, 'site'>, days: number): void {
  deps.site.set(RETENTION_KEY, days);
}

/** Every seq up to this one is pruned (or kept as a rejection): nothing there can be sent again. */
export function prunedThrough(deps: Pick<HubDeps, 'site'>): number {
  return deps.site.get<number>(PRUNED_KEY) ?? 0;
}

/**
 * Deletes the outbox rows the central acknowledged more than the retention ago, oldest first, in
 * small transactions through the write queue. The bound is the current stream's acknowledgement:
 * every seq at or below it was acknowledged by this stream or by the one it replaced (a new stream
 * starts right after the old one's acknowledgement), and nothing above it is ever touched. The
 * stream rows themselves (and so the restored-copy check, docs/SYNC.md) are left as they are.
 */
/** Returns how many rows it deleted. */
export async function pruneOutbox(deps: HubDeps): Promise<number> {
  const { site, sync, writer, clock } = deps;
  let total = 0;
  for (;;) {
    const pruned = await writer.run(() => {
      const stream = sync.stream(site.get<string>('incarnation')!);
      if (!stream) return null;
      const after = prunedThrough(deps);
      const through = pruneThrough(sync.outboxAges(after, PRUNE_BATCH), stream.acked_through, clock(), outboxRetentionDays(deps));
      if (through === null) return null;
      const n = sync.prune(after, through);
      site.set(PRUNED_KEY, through);
      return n;
    });
    if (pruned === null) return total;
    total += pruned;
  }
}

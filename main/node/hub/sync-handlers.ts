import type { OpOutput } from '../../../contract/ops';
import { HubError } from '../../../contract/errors';
import { actorOf } from '../db/audit-store';
import { CentralClient } from '../sync/central-client';
import type { SyncWorker } from '../sync/worker';
import type { Handlers, HubDeps } from './context';

/** What staff see of the sync: the worker's state plus what the database says is still to send. */
export function syncView(deps: HubDeps, worker: SyncWorker): OpOutput<'sync.status'> {
  const s = worker.state();
  const config = worker.config();
  const stream = deps.sync.stream(deps.site.get<string>('incarnation')!);
  const pending = deps.sync.pendingStats(stream?.acked_through ?? 0);
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    enrolled: s.enrolled,
    centralUrl: config?.centralUrl ?? null,
    siteId: config?.siteId ?? null,
    online: s.online,
    running: s.running,
    pendingEvents: pending.count,
    oldestPendingAt: iso(pending.oldest),
    lastAttemptAt: iso(s.lastAttemptAt),
    lastSuccessAt: iso(s.lastSuccessAt),
    lastError: s.lastError,
    clockSkewSeconds: s.clockSkewMs === null ? null : Math.round(s.clockSkewMs / 1000),
    conflict: s.conflict,
    rejections: deps.sync.rejections(50).map((r) => ({ seq: r.seq, type: r.type, code: r.code, message: r.message, at: new Date(r.at).toISOString() })),
  };
}

export function syncHandlers(deps: HubDeps, worker: SyncWorker) {
  return {
    'sync.status': () => syncView(deps, worker),
    'sync.now': async () => {
      await worker.syncNow();
      return syncView(deps, worker);
    },
    'admin.enrollSync': async (input, ctx) => {
      const check = await new CentralClient(input, deps.version, 15_000).status();
      if (check.kind !== 'ok') throw new HubError('VALIDATION_FAILED', `Không kết nối được máy chủ tỉnh với thông tin này: ${check.kind === 'tooLarge' ? '' : check.message}`);
      await deps.writer.run(() => {
        deps.site.set('sync', input);
        deps.audit.record(actorOf(ctx.principal), 'sync.enrolled', null, { centralUrl: input.centralUrl, siteId: input.siteId }, ctx.now);
      });
      worker.reset();
      return syncView(deps, worker);
    },
    'admin.newSyncStream': async (_input, ctx) => {
      const incarnation = await worker.newStream();
      await deps.writer.run(() => deps.audit.record(actorOf(ctx.principal), 'sync.newStream', null, { incarnation }, ctx.now));
      worker.reset();
      return syncView(deps, worker);
    },
  } satisfies Partial<Handlers>;
}

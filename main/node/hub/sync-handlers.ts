import type { OpOutput } from '../../../contract/ops';
import { HubError } from '../../../contract/errors';
import { offlineSince, syncLevel } from '../../core/sync-status';
import { actorOf } from '../db/audit-store';
import { registerAgencyCode, centralFailureText, REGISTERED_AGENCY_CODE_KEY } from '../sync/agency-registration';
import { CentralClient } from '../sync/central-client';
import { outboxRetentionDays, setOutboxRetentionDays } from '../sync/outbox-retention';
import type { SyncWorker } from '../sync/worker';
import type { Handlers, HubDeps } from './context';
import { isoOrNull } from '../../core/vn-time';

/** What staff see of the sync: the worker's state plus what the database says is still to send. */
export function syncView(deps: HubDeps, worker: SyncWorker): OpOutput<'sync.status'> {
  const s = worker.state();
  const config = worker.config();
  const stream = deps.sync.stream(deps.site.get<string>('incarnation')!);
  const pending = deps.sync.pendingStats(stream?.acked_through ?? 0);
  const facts = { enrolled: s.enrolled, online: s.online, conflict: s.conflict !== null, lastAttemptAt: s.lastAttemptAt, lastSuccessAt: s.lastSuccessAt, oldestPendingAt: pending.oldest };
  const clock = deps.siteClock.check();
  const now = deps.clock();
  const recovery = deps.recovery.state();
  return {
    checkedAt: new Date(now).toISOString(),
    level: syncLevel(facts, now),
    enrolled: s.enrolled,
    centralUrl: config?.centralUrl ?? null,
    siteId: config?.siteId ?? null,
    online: s.online,
    running: s.running,
    pendingEvents: pending.count,
    oldestPendingAt: isoOrNull(pending.oldest),
    lastAttemptAt: isoOrNull(s.lastAttemptAt),
    lastSuccessAt: isoOrNull(s.lastSuccessAt),
    // An unexpected failure's own text is for the log, not for staff.
    lastError: s.lastError?.code === 'INTERNAL' ? { code: 'INTERNAL', message: 'Lỗi không mong đợi khi đồng bộ; phần mềm sẽ tự thử lại. Nếu lỗi kéo dài, báo cho bộ phận kỹ thuật.' } : s.lastError,
    offlineSince: isoOrNull(offlineSince(facts)),
    clockSkewSeconds: clock.skewSeconds,
    clockSkewWarning: clock.problem,
    nextAttemptAt: isoOrNull(s.nextAttemptAt),
    outboxRetentionDays: outboxRetentionDays(deps),
    conflict: s.conflict,
    rejections: deps.sync.rejections(50).map((r) => ({ seq: r.seq, type: r.type, code: r.code, message: r.message, at: new Date(r.at).toISOString() })),
    skippedFeedItems: s.skippedFeedItems.map((k) => ({ feed: k.feed, version: k.version, reason: k.reason, at: new Date(k.at).toISOString() })),
    recovery: recovery && {
      pending: recovery.doneAt === null, noticedBy: recovery.noticedBy, settledLocally: recovery.settledLocally === true, noticedAt: isoOrNull(recovery.noticedAt)!, doneAt: isoOrNull(recovery.doneAt),
      applied: recovery.applied, missing: [...recovery.missing], offlineDays: [...recovery.offlineDays],
    },
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
      // The province's register holds real sites only: a site enrols once its identity is real
      // (SiteStore.site() applies the sample rule). What was tried in sample mode — tickets,
      // ratings, dossiers refused or sent back for papers — is in the outbox and goes up with the
      // rest at enrolment (docs/OPERATIONS.md "First start"): the stream's sequence has no gaps to cut.
      const site = deps.site.site();
      if (site.sampleData) throw new HubError('SAMPLE_DATA', 'Chưa đăng ký đồng bộ: đơn vị đang dùng dữ liệu mẫu. Hãy nhập thông tin thật của đơn vị (Quản trị → Đơn vị) trước.');
      const check = await new CentralClient(input, deps.version, 15_000).status();
      if (check.kind !== 'ok') {
        throw new HubError('VALIDATION_FAILED', `Chưa lưu: không kết nối được máy chủ tỉnh với thông tin này. ${centralFailureText(check)}`, { code: check.kind === 'tooLarge' ? 'TOO_LARGE' : check.code });
      }
      await registerAgencyCode(input, deps.version, site.agencyCode);
      await deps.writer.run(() => {
        deps.site.set('sync', input);
        deps.site.set(REGISTERED_AGENCY_CODE_KEY, site.agencyCode);
        deps.audit.record(actorOf(ctx.principal), 'sync.enrolled', null, { centralUrl: input.centralUrl, siteId: input.siteId, agencyCode: site.agencyCode }, ctx.now);
      });
      worker.reset();
      return syncView(deps, worker);
    },
    'admin.saveSyncSettings': async ({ outboxRetentionDays: days }, ctx) => {
      await deps.writer.run(() => {
        setOutboxRetentionDays(deps, days);
        deps.audit.record(actorOf(ctx.principal), 'sync.settingsSaved', null, { outboxRetentionDays: days }, ctx.now);
      });
      ctx.notify.changed('sync');
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

import { Buffer } from 'node:buffer';
import { bundleFileName } from '../../core/diagnostics/bundle-name';
import { actorOf } from '../db/audit-store';
import { DiagnosticsStore } from '../db/diagnostics-store';
import { aboutInfo } from '../diagnostics/about';
import { diagnosticsBundle } from '../diagnostics/bundle';
import { diagnosticsReport } from '../diagnostics/report';
import type { SyncWorker } from '../sync/worker';
import type { Handlers, HubDeps } from './context';

/** The "about" page and the diagnostics bundle an admin sends when something goes wrong. */
export function diagnosticsHandlers(deps: HubDeps, worker: SyncWorker) {
  const store = new DiagnosticsStore(deps.db);
  return {
    'system.about': () => aboutInfo(deps, store),

    'admin.diagnostics': (_input, ctx) => {
      const { report, logs } = diagnosticsReport(deps, worker, store, ctx.now);
      const zip = diagnosticsBundle(report, logs, ctx.now);
      const fileName = bundleFileName(report.about.site.agencyCode, ctx.now);
      // Best effort: the bundle is most needed when the disk is full, and then the audit row cannot be saved.
      deps.storage.bestEffort('diagnostics audit', () => deps.audit.record(actorOf(ctx.principal), 'diagnostics.exported', null, { fileName, bytes: zip.length }, ctx.now));
      return { fileName, mime: 'application/zip' as const, dataBase64: Buffer.from(zip).toString('base64') };
    },
  } satisfies Partial<Handlers>;
}

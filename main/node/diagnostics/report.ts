import { statfsSync } from 'node:fs';
import { cpus, freemem, hostname, totalmem, uptime } from 'node:os';
import { join } from 'node:path';
import { DIAGNOSTICS_FORMAT, type DiagnosticsReport } from '../../../contract/diagnostics';
import { attentionPoints, type ReportFacts } from '../../core/diagnostics/attention';
import { settingsForDiagnostics } from '../../core/diagnostics/redaction';
import type { DiagnosticsStore } from '../db/diagnostics-store';
import { migrations } from '../db/migrations';
import type { HubDeps } from '../hub/context';
import { printersLive } from '../hub/print-handlers';
import { syncView } from '../hub/sync-handlers';
import type { SyncWorker } from '../sync/worker';
import { aboutInfo } from './about';
import { readLogTail, type LogTail } from './log-tail';

/** Free and total space of the disk holding the data folder, or why it could not be read. */
function diskSpace(dataDir: string | null): Pick<DiagnosticsReport['storage'], 'freeBytes' | 'totalBytes' | 'error'> {
  if (dataDir === null) return { freeBytes: null, totalBytes: null, error: null };
  try {
    const s = statfsSync(dataDir);
    return { freeBytes: s.bavail * s.bsize, totalBytes: s.blocks * s.bsize, error: null };
  } catch (e) {
    return { freeBytes: null, totalBytes: null, error: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
}

/**
 * Everything the bundle says, gathered in one pass: the "about" facts, the machine, the disk,
 * the database, settings without secrets, printers and unfinished jobs, the sync, and the end of
 * the logs. The report is what `chan-doan.json` holds; the log text travels beside it.
 */
export function diagnosticsReport(deps: HubDeps, worker: SyncWorker, store: DiagnosticsStore, now: number): { report: DiagnosticsReport; logs: LogTail } {
  const logs = readLogTail(deps.dataDir === null ? null : join(deps.dataDir, 'logs'));
  const facts: ReportFacts = {
    format: DIAGNOSTICS_FORMAT,
    generatedAt: new Date(now).toISOString(),
    about: aboutInfo(deps, store),
    machine: {
      hostname: hostname(),
      platform: process.platform,
      arch: process.arch,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'không rõ',
      memoryTotalBytes: totalmem(),
      memoryFreeBytes: freemem(),
      osUptimeSeconds: Math.round(uptime()),
      hubUptimeSeconds: Math.round(process.uptime()),
      hubMemoryBytes: process.memoryUsage().rss,
      timeZoneOffsetMinutes: -new Date(now).getTimezoneOffset(),
    },
    storage: { dataDir: deps.dataDir, ...diskSpace(deps.dataDir), health: deps.storage.view() },
    database: {
      schemaVersion: store.schemaVersion(),
      codeSchemaVersion: migrations[migrations.length - 1]?.version ?? 0,
      sqliteVersion: store.sqliteVersion(),
      sizeBytes: store.sizeBytes(),
      journalMode: store.journalMode(),
      rowCounts: store.rowCounts(),
    },
    settings: settingsForDiagnostics(store.settings()),
    printers: printersLive(deps),
    openPrintJobs: deps.printing.jobs(['queued', 'printing', 'held'], Number.MAX_SAFE_INTEGER, 500),
    sync: syncView(deps, worker),
    logs: { folder: logs.folder, files: logs.files, excerpts: logs.excerpts.map(({ text: _text, ...e }) => e) },
  };
  return { report: { ...facts, attention: attentionPoints(facts, now) }, logs };
}

import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { ReportStore } from '../db/report-store';
import { runReportJob } from './report-jobs';
import type { ReaderReply, ReaderRequest, ReaderSetup } from './report-messages';

/**
 * The report reader's thread (report-reader.ts): its own read-only connection to the hub's file.
 * The hub runs in WAL mode, so this connection reads a consistent snapshot while the hub writes;
 * a year's report keeps this thread busy, never the hub's event loop.
 */
const setup = workerData as ReaderSetup;
const db = new Database(setup.file, { readonly: true, fileMustExist: true, ...(setup.nativeBinding ? { nativeBinding: setup.nativeBinding } : {}) });
db.pragma('busy_timeout = 5000');
// A year's report reads a few hundred megabytes of the file: keep what it read for the next report.
db.pragma('cache_size = -131072');
db.pragma('mmap_size = 1073741824');
const store = new ReportStore(db);

parentPort!.on('message', (m: ReaderRequest) => {
  let reply: ReaderReply;
  try {
    reply = { id: m.id, ok: true, report: runReportJob(store, m.kind, m.job) };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    reply = { id: m.id, ok: false, error: { name: err.name, message: err.message, code: (err as { code?: unknown }).code === undefined ? null : String((err as { code?: unknown }).code), stack: err.stack ?? null } };
  }
  parentPort!.postMessage(reply);
});

import type { ReportJobs, ReportKind } from './report-jobs';

/** What the report reader's thread is started with. */
export interface ReaderSetup {
  /** The hub's database file. */
  readonly file: string;
  /** A better-sqlite3 binary built for another runtime (the Electron shell's). */
  readonly nativeBinding: string | null;
}

export interface ReaderRequest<K extends ReportKind = ReportKind> {
  readonly id: number;
  readonly kind: K;
  readonly job: ReportJobs[K]['job'];
}

/** A failure in the thread, as plain data (an Error does not cross a thread whole). */
export interface ReaderFailure {
  readonly name: string;
  readonly message: string;
  /** SQLite's code (SQLITE_BUSY, SQLITE_CORRUPT…), when there is one. */
  readonly code: string | null;
  readonly stack: string | null;
}

export type ReaderReply = { readonly id: number; readonly ok: true; readonly report: ReportJobs[ReportKind]['report'] } | { readonly id: number; readonly ok: false; readonly error: ReaderFailure };

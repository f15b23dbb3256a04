import { SqlStore } from './sql-store';

/**
 * The main tables a technician asks about, counted for the diagnostics bundle. Names are fixed
 * here (never taken from input): they go into the SQL text.
 */
export const countedTables = [
  'tickets', 'ticket_events', 'calls', 'ratings', 'dossiers', 'dossier_files', 'print_jobs', 'outbox', 'audit_log',
  'staff', 'devices', 'counters', 'services', 'procedure_versions', 'auth_sessions',
] as const;

/** What the database says about itself: its versions, size, row counts and raw settings. */
export class DiagnosticsStore extends SqlStore {
  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  sqliteVersion(): string {
    return this.sql<[], { v: string }>('SELECT sqlite_version() AS v').get()!.v;
  }

  journalMode(): string {
    return this.db.pragma('journal_mode', { simple: true }) as string;
  }

  /** Pages in use times the page size: the main file, without the WAL. */
  sizeBytes(): number {
    const pages = this.db.pragma('page_count', { simple: true }) as number;
    const size = this.db.pragma('page_size', { simple: true }) as number;
    return pages * size;
  }

  rowCounts(): Record<string, number> {
    return Object.fromEntries(countedTables.map((t) => [t, this.sql<[], { n: number }>(`SELECT count(*) AS n FROM ${t}`).get()!.n]));
  }

  /** Every setting as stored; what of it may be shown is decided in main/core/diagnostics/redaction.ts. */
  settings(): { key: string; value: unknown }[] {
    return this.sql<[], { key: string; value: string }>('SELECT key, value FROM settings ORDER BY key').all().map((r) => ({ key: r.key, value: parseOrText(r.value) }));
  }
}

/** A value that is not JSON (hand-edited) is kept as text rather than failing the whole bundle. */
function parseOrText(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

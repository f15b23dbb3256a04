import Database from 'better-sqlite3';
import { SqlStore } from './sql-store';
import { SyncStore } from './sync-store';

/** What a backup manifest says about the database copy, read from the copy itself. */
export interface CopyFacts {
  readonly schemaVersion: number;
  readonly incarnation: string | null;
  readonly ackedThrough: number;
  readonly outboxMaxSeq: number;
  readonly siteName: string | null;
  readonly agencyCode: string | null;
}

export interface ScanRef {
  readonly stored_path: string;
  readonly sha256: string;
  readonly size: number;
}

/**
 * The queries of backups and restores, run on a database copy (never on the hub's own
 * connection): the facts that go into a set's manifest, the scans it needs, and its checks.
 */
export class BackupStore extends SqlStore {
  facts(): CopyFacts {
    const setting = <T>(key: string): T | null => {
      const row = this.sql<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
      return row ? (JSON.parse(row.value) as T) : null;
    };
    const incarnation = setting<string>('incarnation');
    const stream = incarnation === null || !this.hasTable('sync_streams')
      ? undefined
      : this.sql<[string], { acked_through: number }>('SELECT acked_through FROM sync_streams WHERE incarnation = ?').get(incarnation);
    const site = setting<{ name?: string; agencyCode?: string }>('site');
    return {
      schemaVersion: this.db.pragma('user_version', { simple: true }) as number,
      incarnation,
      ackedThrough: stream?.acked_through ?? 0,
      // Not max(seq): pruning may have emptied the outbox, and recovery fetches the copy's stream from here.
      outboxMaxSeq: new SyncStore(this.db).writtenThrough(),
      siteName: site?.name ?? null,
      agencyCode: site?.agencyCode ?? null,
    };
  }

  /** The scans the copy refers to and still holds (retention may have deleted older ones). */
  scans(): ScanRef[] {
    if (!this.hasTable('dossier_files')) return [];
    return this.sql<[], ScanRef>('SELECT DISTINCT stored_path, sha256, size FROM dossier_files WHERE purged_at IS NULL').all();
  }

  /** `PRAGMA integrity_check`: 'ok', or SQLite's first complaints. */
  integrity(): string {
    const rows = this.db.pragma('integrity_check(5)') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  }

  private hasTable(name: string): boolean {
    return this.sql<[string], { n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?").get(name)!.n > 0;
  }
}

/** Opens a copy read-only for its facts and checks; never migrates or writes it. */
export function withCopy<T>(file: string, use: (store: BackupStore) => T, nativeBinding?: string): T {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    return use(new BackupStore(db));
  } finally {
    db.close();
  }
}

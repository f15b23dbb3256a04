import type Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { HubError } from '../../../contract/errors';

export interface Migration {
  /** 1, 2, 3…: the `user_version` the database has after this step. */
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}

export interface MigrateResult {
  readonly from: number;
  readonly to: number;
  readonly backupPath: string | null;
}

/**
 * Brings the database to the latest version: refuses a database written by newer code (its
 * shape is unknown here and writing to it could corrupt it), copies an existing database before
 * changing it, and runs every pending step in one transaction, so a power cut mid-migration
 * leaves the old version intact.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], backupDir: string | null): MigrateResult {
  const { from, latest } = versionsOf(db, migrations);
  if (from === latest) return { from, to: from, backupPath: null };

  let backupPath: string | null = null;
  if (from > 0 && backupDir !== null) {
    mkdirSync(backupDir, { recursive: true });
    backupPath = join(backupDir, `motcua-v${from}-before-v${latest}-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`);
    // VACUUM INTO writes a consistent copy, including what is still in the WAL.
    db.prepare('VACUUM INTO ?').run(backupPath);
  }
  db.transaction(() => {
    for (const m of migrations) {
      if (m.version <= from) continue;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
  return { from, to: latest, backupPath };
}

/** The database's version and the code's; a database newer than the code is refused. */
export function versionsOf(db: Database.Database, migrations: readonly Migration[]): { from: number; latest: number } {
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (from > latest) {
    throw new HubError(
      'DB_FROM_FUTURE',
      `Cơ sở dữ liệu ở phiên bản ${from}, phần mềm này chỉ biết đến phiên bản ${latest}. Hãy cài phiên bản Một Cửa mới hơn; không mở tệp này bằng phiên bản cũ.`,
      { databaseVersion: from, codeVersion: latest },
    );
  }
  return { from, latest };
}

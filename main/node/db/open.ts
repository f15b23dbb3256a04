import Database from 'better-sqlite3';
import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { migrate, type MigrateResult } from './migrate';
import { migrations } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of a better-sqlite3 binary built for another runtime (the Electron shell passes one). */
  readonly nativeBinding?: string;
  /** Where to copy the database before migrating; default `<dir>/backups`. */
  readonly backupDir?: string;
}

/**
 * Opens the site database the way the hub must run it: WAL so readers never wait for the writer,
 * synchronous=FULL because power cuts are common and a printed receipt must never point at a lost
 * row, foreign keys on, then migrated to the code's version.
 */
export function openDatabase(file: string, options: OpenOptions = {}): { db: Db; migration: MigrateResult } {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const backupDir = file === ':memory:' ? null : (options.backupDir ?? join(dirname(file), 'backups'));
    const migration = migrate(db, migrations, backupDir);
    return { db, migration };
  } catch (e) {
    db.close();
    throw e;
  }
}

import Database from 'better-sqlite3';
import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { HubError } from '../../../contract/errors';
import { migrate, type MigrateResult } from './migrate';
import { migrations } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of a better-sqlite3 binary built for another runtime (the Electron shell passes one). */
  readonly nativeBinding?: string;
  /** Where to copy the database before migrating; default `<dir>/backups`; null = no copy (the caller took one). */
  readonly backupDir?: string | null;
}

/**
 * Opens the site database the way the hub must run it: WAL so readers never wait for the writer,
 * synchronous=FULL because power cuts are common and a printed receipt must never point at a lost
 * row, foreign keys on. A file SQLite finds damaged (`quick_check` reads every page; the caller
 * skips it for a file exactly as a clean close left it: clean-close.ts) is refused with DB_CORRUPT
 * before anything writes to it: the caller says which backup to restore.
 */
export function openConnection(file: string, options: Pick<OpenOptions, 'nativeBinding'> & { readonly quickCheck?: boolean } = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: Db | null = null;
  try {
    db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Without the full check, reading the schema still refuses a file that is not a database.
    const check = options.quickCheck === false ? (db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get(), 'ok') : (db.pragma('quick_check(1)') as { quick_check: string }[])[0]?.quick_check ?? 'ok';
    if (check !== 'ok') throw new HubError('DB_CORRUPT', undefined, { file, sqlite: check });
    return db;
  } catch (e) {
    db?.close();
    if (e instanceof HubError) throw e;
    if (isCorruption(e)) throw new HubError('DB_CORRUPT', undefined, { file, sqlite: (e as Error).message });
    throw e;
  }
}

/** SQLite's words for a damaged file: "database disk image is malformed", "file is not a database". */
export function isCorruption(e: unknown): boolean {
  if (e instanceof HubError) return e.code === 'DB_CORRUPT';
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

/** `openConnection`, then migrated to the code's version (after a copy of the file as it was). */
export function openDatabase(file: string, options: OpenOptions = {}): { db: Db; migration: MigrateResult } {
  const db = openConnection(file, options);
  try {
    const backupDir = file === ':memory:' || options.backupDir === null ? null : (options.backupDir ?? join(dirname(file), 'backups'));
    const migration = migrate(db, migrations, backupDir);
    return { db, migration };
  } catch (e) {
    db.close();
    throw e;
  }
}

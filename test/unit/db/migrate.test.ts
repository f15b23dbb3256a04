import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HubError } from '../../../contract/errors';
import { migrate, type Migration } from '../../../main/node/db/migrate';
import { migrations } from '../../../main/node/db/migrations';
import { openDatabase } from '../../../main/node/db/open';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'motcua-mig-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migrations', () => {
  it('are numbered 1..N without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('open a new database at the latest version with WAL, FULL sync and foreign keys', () => {
    const file = join(tempDir(), 'motcua.sqlite');
    const { db, migration } = openDatabase(file);
    expect(migration).toEqual({ from: 0, to: migrations.length, backupPath: null });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('copy an existing database before migrating it, and run all steps in one transaction', () => {
    const dir = tempDir();
    const file = join(dir, 'motcua.sqlite');
    openDatabase(file).db.close();
    const db = new Database(file);
    db.prepare("INSERT INTO settings (key, value) VALUES ('probe', '1')").run();
    const next: Migration = { version: migrations.length + 1, name: 'add-column', up: (d) => d.exec("ALTER TABLE settings ADD COLUMN note TEXT NOT NULL DEFAULT ''") };
    const broken: Migration = { version: migrations.length + 2, name: 'broken', up: (d) => d.exec('ALTER TABLE no_such_table ADD COLUMN x') };

    expect(() => migrate(db, [...migrations, next, broken], join(dir, 'backups'))).toThrow();
    // The failed run changed nothing: still the old version, no half-added column.
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.prepare("SELECT * FROM settings WHERE key = 'probe'").get()).toEqual({ key: 'probe', value: '1' });

    const result = migrate(db, [...migrations, next], join(dir, 'backups'));
    expect(result.to).toBe(migrations.length + 1);
    expect(db.prepare("SELECT * FROM settings WHERE key = 'probe'").get()).toEqual({ key: 'probe', value: '1', note: '' });
    expect(result.backupPath).not.toBeNull();
    expect(existsSync(result.backupPath!)).toBe(true);
    expect(readdirSync(join(dir, 'backups')).length).toBe(2); // one per attempt; the copy precedes any change
    const backup = new Database(result.backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(backup.prepare('SELECT value FROM settings WHERE key = ?').get('probe')).toEqual({ value: '1' });
    backup.close();
    db.close();
  });

  it('refuse to open a database written by newer code, and leave it untouched', () => {
    const file = join(tempDir(), 'motcua.sqlite');
    openDatabase(file).db.close();
    const db = new Database(file);
    db.pragma(`user_version = ${migrations.length + 5}`);
    db.close();
    try {
      openDatabase(file);
      expect.fail('should refuse');
    } catch (e) {
      expect(e).toBeInstanceOf(HubError);
      expect((e as HubError).code).toBe('DB_FROM_FUTURE');
      expect((e as HubError).message).toContain('phiên bản');
    }
    const again = new Database(file);
    expect(again.pragma('user_version', { simple: true })).toBe(migrations.length + 5);
    again.close();
  });
});

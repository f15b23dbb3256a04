import type Database from 'better-sqlite3';

/**
 * Adds a column unless it is there. SQLite has no `ADD COLUMN IF NOT EXISTS`, and a database set
 * back to an earlier version (a restore, a downgrade) runs its later migrations again.
 */
export function addColumn(db: Database.Database, table: string, column: string, definition: string): void {
  const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
  if (!columns.includes(column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
}

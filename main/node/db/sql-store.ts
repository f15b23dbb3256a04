import type Database from 'better-sqlite3';
import type { Db } from './open';

/**
 * Base of the stores: statements are compiled once per SQL text and reused. Compiling on every
 * call was the largest cost of a ticket issue after the queries themselves.
 */
export abstract class SqlStore {
  private readonly statements = new Map<string, Database.Statement<unknown[] | {}, unknown>>();
  constructor(protected readonly db: Db) {}

  protected sql<P extends unknown[] | {} = unknown[], R = unknown>(source: string): Database.Statement<P, R> {
    let s = this.statements.get(source);
    if (!s) {
      s = this.db.prepare(source);
      this.statements.set(source, s);
    }
    return s as unknown as Database.Statement<P, R>;
  }

  /**
   * The rows of a large read as arrays of `columns`, through one JSON text. better-sqlite3 builds a
   * JS object per row, ~4 µs each: a year's report reads 150,000–350,000 rows, 0.6 s of objects
   * before any figure; SQLite writes them as one JSON array and JSON.parse reads it in a third of
   * that (`npm run bench -- reports`). Values are what JSON carries: numbers, text, null.
   */
  protected tuples<T extends readonly unknown[], P extends unknown[] | {} = unknown[]>(select: string, columns: readonly string[], ...params: P extends unknown[] ? P : [P]): T[] {
    const text = this.sql<P, string>(`SELECT json_group_array(json_array(${columns.join(', ')})) FROM (${select})`).pluck().get(...(params as never[]))!;
    return JSON.parse(text) as T[];
  }
}

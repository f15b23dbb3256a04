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
}

import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db';

/**
 * Embedded PostgreSQL (WASM) for a central without a database server, and for quick tests:
 * `dataDir` on disk, or `null` for memory. One connection: transactions run one at a time.
 */
export async function openPglite(dataDir: string | null): Promise<Db> {
  const db = dataDir === null ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  const over = (c: Pick<PGlite, 'query'>): Queryable => ({
    query: async <T>(sql: string, params: readonly unknown[] = []) => (await c.query<T>(sql, params as unknown[])).rows,
  });
  return {
    engine: 'pglite',
    ...over(db),
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) => db.transaction((tx) => fn(over(tx))),
    close: () => db.close(),
  };
}

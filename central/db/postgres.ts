import pg from 'pg';
import type { Db, Queryable } from './db';

const INT8 = 20;

/**
 * int8 (counts, seqs, feed versions) as JS numbers, as PGlite returns them: every int8 the
 * central stores stays far below 2^53.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const over = (c: pg.Pool | pg.PoolClient): Queryable => ({
  query: async <T>(sql: string, params: readonly unknown[] = []) => (await c.query(sql, params as unknown[])).rows as T[],
});

/** Real PostgreSQL through a pool; a transaction holds one client from BEGIN to COMMIT/ROLLBACK. */
export function openPostgres(connectionString: string, poolSize = 20): Db {
  const pool = new pg.Pool({ connectionString, max: poolSize, types });
  // An idle client whose server went away must not crash the process; the next query reconnects.
  pool.on('error', (e) => console.error('PostgreSQL (idle client):', e.message));
  return {
    engine: 'postgres',
    ...over(pool),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(over(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

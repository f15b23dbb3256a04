import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import { fallbackLogger } from '../../common/node/logger';
import { loggableError, type Db, type Queryable } from './db';

const INT8 = 20;

/**
 * int8 (counts, seqs, feed versions) as JS numbers, as PGlite returns them: every int8 the
 * central stores stays far below 2^53.
 */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * Every statement is a named prepared statement (named by its text), so each connection parses
 * and plans it once: a push runs the same dozen statements every time, and planning them again on
 * each of hundreds of sites' pushes is CPU the database needs for the writes.
 */
const statementNames = new Map<string, string>();
const nameOf = (sql: string): string => {
  let name = statementNames.get(sql);
  if (!name) statementNames.set(sql, (name = `s${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`));
  return name;
};

const over = (c: pg.Pool | pg.PoolClient): Queryable => ({
  query: async <T>(sql: string, params: readonly unknown[] = []) => (await c.query({ name: nameOf(sql), text: sql, values: params as unknown[] })).rows as T[],
});

/** Real PostgreSQL through a pool; a transaction holds one client from BEGIN to COMMIT/ROLLBACK. */
export function openPostgres(connectionString: string, poolSize = 20, log: Logger = fallbackLogger('central')): Db {
  const pool = new pg.Pool({ connectionString, max: poolSize, types });
  // An idle client whose server went away must not crash the process; the next query reconnects.
  pool.on('error', (e) => log.warn({ err: loggableError(e) }, 'PostgreSQL: an idle connection failed'));
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

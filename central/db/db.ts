/**
 * The one way the central reaches its database. Both engines (PostgreSQL through `pg`, embedded
 * PGlite) run the same SQL; rows come back with int8 as JS numbers and timestamptz as Date on both.
 */
export interface Queryable {
  query<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Db extends Queryable {
  readonly engine: 'postgres' | 'pglite';
  /** Runs `fn` in one transaction: COMMIT when it resolves, ROLLBACK when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The SQLSTATE of a database error, if it is one (both drivers put it in `code`). */
export function sqlState(e: unknown): string | null {
  if (typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  return null;
}

/**
 * An error as it may be logged: what failed and where, never the statement's parameters or the
 * row it was about (both drivers attach them, and they hold citizens' names and ID numbers).
 */
export function loggableError(e: unknown): { code: string | null; message: string; stack?: string } {
  if (!(e instanceof Error)) return { code: null, message: String(e).slice(0, 300) };
  const code = sqlState(e) ?? ((e as { code?: unknown }).code as string | undefined) ?? null;
  return { code, message: e.message.slice(0, 300), stack: e.stack?.split('\n').slice(1, 8).join('\n') };
}

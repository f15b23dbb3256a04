import type { Db } from '../../central/db/db';

/**
 * Holds the site_days table locked (ACCESS EXCLUSIVE) in a transaction of its own connection until
 * the returned function is called: every province report reaches that table in its SQL and waits
 * there, holding its report slot, for as long as a test wants — no clock involved. PostgreSQL
 * only (PGlite's one connection would hold the reports' logins too).
 */
export async function lockSiteDays(db: Db): Promise<() => Promise<void>> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const held = db.transaction(async (tx) => {
    await tx.query('LOCK TABLE site_days IN ACCESS EXCLUSIVE MODE');
    locked();
    await released;
  });
  await Promise.race([isLocked, held]);
  return async () => {
    release();
    await held;
  };
}

// Of this database only: other test files' databases on the same server have site_days tables too.
const WAITING = `pg_locks WHERE relation = 'site_days'::regclass AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`;

/** Statements waiting for the site_days table's lock (the reports that reached their SQL). */
export async function waitingForSiteDays(db: Db): Promise<number> {
  const [r] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${WAITING}`);
  return Number(r!.n);
}

/** Cancels the statements waiting for the lock: the reports they belong to fail. */
export async function cancelWaiting(db: Db): Promise<void> {
  await db.query(`SELECT pg_cancel_backend(pid) FROM ${WAITING}`);
}

import { sqlState, type Queryable } from './db';

/** SQLSTATE of an insert whose row has no partition ("no partition of relation … found for row"). */
export const NO_PARTITION = '23514';

/** The UTC month containing `at`: the partition's name and bounds. */
export function monthPartition(at: Date): { name: string; from: string; to: string } {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth();
  return {
    name: `events_y${y}m${String(m + 1).padStart(2, '0')}`,
    from: new Date(Date.UTC(y, m, 1)).toISOString(),
    to: new Date(Date.UTC(y, m + 1, 1)).toISOString(),
  };
}

/**
 * Creates the `events` partition for the month of `at` if it is missing. Bounds are UTC month
 * starts written by this code (never user input), so they can be spliced into the DDL.
 */
export async function ensureEventPartition(db: Queryable, at: Date): Promise<string> {
  const p = monthPartition(at);
  try {
    await db.query(`CREATE TABLE IF NOT EXISTS ${p.name} PARTITION OF events FOR VALUES FROM ('${p.from}') TO ('${p.to}')`);
  } catch (e) {
    // Another central process created it at the same moment.
    if (sqlState(e) !== '42P07' && sqlState(e) !== '23505') throw e;
  }
  return p.name;
}

/**
 * This month's and next month's partitions, by the database's clock (that is the clock that
 * stamps received_at). Run at start and every hour, so a push rarely meets a missing partition;
 * when one does, the push creates it and runs again (central/sync/push.ts).
 */
export async function ensureCurrentPartitions(db: Queryable): Promise<void> {
  const [row] = await db.query<{ now: Date }>('SELECT now() AS now');
  const now = row!.now;
  await ensureEventPartition(db, now);
  await ensureEventPartition(db, new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)));
}

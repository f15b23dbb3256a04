import type { Logger } from 'pino';
import type { Db } from './db';
import { migrate } from './migrate';
import { ensureCurrentPartitions } from './partitions';
import { ensureSiteDays } from '../reports/site-days';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export type DbConfig = { readonly kind: 'postgres'; readonly url: string; readonly poolSize: number } | { readonly kind: 'pglite'; readonly dataDir: string | null };

/** Opens the configured database and brings it up to date: schema, and this month's and next month's partitions. */
export async function openDatabase(config: DbConfig, log: Logger): Promise<Db> {
  const db = config.kind === 'postgres' ? openPostgres(config.url, config.poolSize, log) : await openPglite(config.dataDir);
  try {
    await prepareDatabase(db);
  } catch (e) {
    await db.close().catch(() => undefined);
    throw e;
  }
  return db;
}

/** Schema, partitions, and the per-day figures when their definition changed (a few seconds a year of a province, once). */
export async function prepareDatabase(db: Db): Promise<void> {
  await migrate(db);
  await ensureCurrentPartitions(db);
  await ensureSiteDays(db);
}

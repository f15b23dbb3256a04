import type { Queryable } from '../db/db';

/**
 * Notes that a site spoke to the central (any authenticated sync request: a push, a feed pulled
 * every 30 s): the province's page says a site is offline from this (migration 007). At most one
 * write a minute per site: within the minute the conflict's condition leaves the row alone.
 */
export async function markSeen(db: Queryable, siteId: string): Promise<void> {
  await db.query(
    `INSERT INTO site_seen (site_id, at) VALUES ($1, now())
     ON CONFLICT (site_id) DO UPDATE SET at = excluded.at WHERE site_seen.at < now() - interval '1 minute'`,
    [siteId],
  );
}

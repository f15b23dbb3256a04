import type { Feed, FeedItem } from '../../contract/sync';
import type { Queryable } from '../db/db';

/** `catalog` and `calendar` are the province's; `staff` and `dossier-status` each site's own. */
export const PROVINCE = '*';
export const siteScoped = (feed: Feed): boolean => feed === 'staff' || feed === 'dossier-status' || feed === 'appointments';
export const scopeOf = (feed: Feed, siteId: string): string => (siteScoped(feed) ? siteId : PROVINCE);

/**
 * Appends an item to a feed in the caller's transaction. The version is taken by updating the
 * feed's counter row, which stays locked until this transaction ends: a second publisher waits
 * here, so versions become visible in the order they were taken and a reader that has seen
 * version N can never later find a committed N−1 it skipped (a sequence would allow exactly that).
 */
export async function publish(tx: Queryable, feed: Feed, scope: string, key: string, payload: string): Promise<number> {
  const [row] = await tx.query<{ version: number }>(
    `INSERT INTO feed_counters (feed, scope, version) VALUES ($1, $2, 1)
     ON CONFLICT (feed, scope) DO UPDATE SET version = feed_counters.version + 1
     RETURNING version`,
    [feed, scope],
  );
  const version = row!.version;
  await tx.query('INSERT INTO feed_items (feed, scope, version, key, payload) VALUES ($1, $2, $3, $4, $5)', [feed, scope, version, key, payload]);
  return version;
}

export type PullOutcome =
  | { readonly kind: 'ok'; readonly items: FeedItem[]; readonly cursor: number; readonly hasMore: boolean }
  | { readonly kind: 'resync'; readonly oldestCursor: number };

/**
 * Items after `cursor`. One statement, so the compaction floor and the items come from one
 * snapshot (a compaction committing in between cannot remove items this page needed). A cursor
 * beyond the newest version (the central was restored from a backup) also asks for a resync.
 */
export async function pull(db: Queryable, feed: Feed, scope: string, cursor: number, limit: number): Promise<PullOutcome> {
  const rows = await db.query<{ head: number; oldest_cursor: number; version: number | null; key: string | null; payload: string | null }>(
    `SELECT c.version AS head, c.oldest_cursor, i.version, i.key, i.payload
     FROM feed_counters c
     LEFT JOIN LATERAL (
       SELECT version, key, payload FROM feed_items
       WHERE feed = c.feed AND scope = c.scope AND version > $3 ORDER BY version LIMIT $4
     ) i ON true
     WHERE c.feed = $1 AND c.scope = $2
     ORDER BY i.version`,
    [feed, scope, cursor, limit + 1],
  );
  const head = rows[0]?.head ?? 0;
  const oldest = rows[0]?.oldest_cursor ?? 0;
  if (cursor < oldest || cursor > head) return { kind: 'resync', oldestCursor: oldest };
  const items = rows.filter((r) => r.version !== null).map((r) => ({ version: r.version!, key: r.key!, payload: r.payload! }));
  const page = items.slice(0, limit);
  return { kind: 'ok', items: page, cursor: page.length > 0 ? page[page.length - 1]!.version : cursor, hasMore: items.length > limit };
}

/** The latest item of every key and the cursor to continue from: one statement, one snapshot. */
export async function snapshot(db: Queryable, feed: Feed, scope: string): Promise<{ items: FeedItem[]; cursor: number }> {
  const items = await db.query<FeedItem>(
    `SELECT version, key, payload FROM (
       SELECT DISTINCT ON (key) version, key, payload FROM feed_items WHERE feed = $1 AND scope = $2 ORDER BY key, version DESC
     ) latest ORDER BY version`,
    [feed, scope],
  );
  // The newest item is the latest of its key, so the snapshot's highest version is the head.
  return { items, cursor: items.length > 0 ? items[items.length - 1]!.version : 0 };
}

/**
 * Forgets the items below `keepFrom` that a newer item of the same key supersedes (the latest of
 * each key stays: the snapshot is still whole) and raises the floor: a cursor below keepFrom − 1
 * now gets 410 and fetches the snapshot. Publishers of this feed wait for it (counter row lock).
 */
export async function compact(tx: Queryable, feed: Feed, scope: string, keepFrom: number): Promise<{ oldestCursor: number; removed: number }> {
  const [c] = await tx.query<{ oldest_cursor: number }>(
    `UPDATE feed_counters SET oldest_cursor = GREATEST(oldest_cursor, LEAST($3, version + 1) - 1)
     WHERE feed = $1 AND scope = $2 RETURNING oldest_cursor`,
    [feed, scope, keepFrom],
  );
  if (!c) return { oldestCursor: 0, removed: 0 };
  const removed = await tx.query<{ version: number }>(
    `DELETE FROM feed_items i WHERE i.feed = $1 AND i.scope = $2 AND i.version <= $3
       AND EXISTS (SELECT 1 FROM feed_items n WHERE n.feed = i.feed AND n.scope = i.scope AND n.key = i.key AND n.version > i.version)
     RETURNING i.version`,
    [feed, scope, c.oldest_cursor],
  );
  return { oldestCursor: c.oldest_cursor, removed: removed.length };
}

import type { Migration } from '../migrate';

/**
 * Sync state of the hub: how far each outbox stream (incarnation) is acknowledged by the central,
 * the rejections it reported, and the cursor of each pulled feed. The cursor of a feed is written
 * in the same transaction as the page it belongs to.
 */
export const migration005: Migration = {
  version: 5,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_streams (
        incarnation   TEXT PRIMARY KEY,
        base_seq      INTEGER NOT NULL,
        acked_through INTEGER NOT NULL,
        started_at    INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE sync_rejections (
        seq      INTEGER PRIMARY KEY REFERENCES outbox(seq),
        event_id TEXT NOT NULL,
        code     TEXT NOT NULL,
        message  TEXT NOT NULL,
        at       INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE feed_cursors (
        feed       TEXT PRIMARY KEY,
        cursor     INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
    `);
    // The stream of an existing database starts where its outbox starts.
    const incarnation = (db.prepare("SELECT json_extract(value, '$') AS v FROM settings WHERE key = 'incarnation'").get() as { v: string } | undefined)?.v;
    if (incarnation) db.prepare('INSERT INTO sync_streams (incarnation, base_seq, acked_through, started_at) VALUES (?, 1, 0, 0)').run(incarnation);
  },
};

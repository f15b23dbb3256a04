/**
 * Which stream of a site is current, and what a restored hub can fetch back (docs/SYNC.md,
 * "Incarnations and restored backups").
 *
 * - `streams.superseded_by`: the stream that replaced this one (null: the current stream). A new
 *   incarnation comes with a restore or a reinstall; the stream it replaces may hold events past
 *   the point the new one restarted from — what the old copy left behind.
 * - `events_by_event_id`: a stream's events are read back by the event each seq carried (an event
 *   re-sent under a later stream is stored once, under its first position). One more index to
 *   maintain per push; without it, reading a stream back would scan the site's log.
 */
export const statements: readonly string[] = [
  `ALTER TABLE streams ADD COLUMN superseded_by uuid`,
  // A site's newest stream is its current one; the earlier ones were replaced by it.
  `UPDATE streams s SET superseded_by = n.incarnation
   FROM (SELECT DISTINCT ON (site_id) site_id, incarnation FROM streams ORDER BY site_id, created_at DESC) n
   WHERE s.site_id = n.site_id AND s.incarnation <> n.incarnation`,
  `CREATE INDEX events_by_event_id ON events (site_id, event_id)`,
];

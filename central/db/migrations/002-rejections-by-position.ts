/**
 * Rejections become verdicts on a stream position, and can hold an event the log cannot.
 *
 * - The key moves from the event id to `(site_id, incarnation, seq)`: an event id sent again
 *   under a new incarnation with other content is rejected at its new position
 *   (`EVENT_ID_CONFLICT`) while the event first stored under that id keeps its own verdict.
 * - `raw`: an event whose type, aggregate id, version or time no column of `events` can hold
 *   (U+0000, a lone surrogate, a version beyond 2³¹−1, year 0000…) is kept here verbatim, as the
 *   JSON text it arrived as (JSON escapes make any string storable as text).
 */
export const statements: readonly string[] = [
  `ALTER TABLE rejections DROP CONSTRAINT rejections_pkey`,
  `ALTER TABLE rejections ADD PRIMARY KEY (site_id, incarnation, seq)`,
  // What a batch sent again under a new incarnation is answered with (the event's first verdict).
  `CREATE INDEX rejections_event ON rejections (site_id, event_id)`,
  `ALTER TABLE rejections ADD COLUMN raw text`,
];

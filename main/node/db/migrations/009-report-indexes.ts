import type { Migration } from '../migrate';

/**
 * Indexes for the period reports (main/node/db/report-store.ts), found with EXPLAIN QUERY PLAN on
 * `npm run bench -- reports` (a million dossiers, two years of 600 tickets a day):
 *
 * - `ticket_events_for_reports`: a report's ticket events in the order it folds them (day, ticket,
 *   event) with every column it reads, so SQLite neither sorts them nor reads the table's rows.
 * - `ticket_events_continuing`: the few issues of a ticket moved on from another service; the
 *   report no longer reads every issue's `data` to find them.
 * - `dossier_events(type, at, dossier_id)` replaces migration 008's `(type, at)`: the receipts and
 *   results of a period without reading the table's rows.
 * - `dossier_events(dossier_id, type, at)` replaces `(dossier_id)`: a dossier's first scan, refusal
 *   or result was looked up through the index by kind (every scan of the site, per dossier).
 * - `dossiers_for_reports`: the columns a report reads of each dossier it counts.
 *
 * Write cost: each ticket event goes into four indexes instead of three (the partial one only for
 * a moved ticket's issue); ticket issue's rate before and after is in docs/PERFORMANCE.md. Dossier
 * events keep two indexes, dossiers get one more. No summary table: every figure is still read
 * from the logs.
 */
export const migration009: Migration = {
  version: 9,
  name: 'report-indexes',
  up(db) {
    // IF (NOT) EXISTS: a database set back to version 6 by hand (test/integration/setup) has run this already.
    db.exec(`
      CREATE INDEX IF NOT EXISTS ticket_events_for_reports ON ticket_events(service_date, ticket_id, id, type, at, service_id, counter_id, staff_id);
      CREATE INDEX IF NOT EXISTS ticket_events_continuing ON ticket_events(service_date, ticket_id) WHERE type = 'issued' AND json_extract(data, '$.redirectedFrom') IS NOT NULL;
      DROP INDEX IF EXISTS dossier_events_by_type_at;
      CREATE INDEX IF NOT EXISTS dossier_events_by_type_at_dossier ON dossier_events(type, at, dossier_id);
      DROP INDEX IF EXISTS dossier_events_by_dossier;
      CREATE INDEX IF NOT EXISTS dossier_events_by_dossier_type ON dossier_events(dossier_id, type, at);
      CREATE INDEX IF NOT EXISTS dossiers_for_reports ON dossiers(id, procedure_version_id, channel, officer_id, received_at, due_at);
    `);
  },
};

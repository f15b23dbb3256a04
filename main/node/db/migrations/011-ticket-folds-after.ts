import type { Migration } from '../migrate';

/**
 * The ticket events are folded into the reports' tables after they are written, in batches, no
 * longer by migration 010's triggers in the transaction that issues the ticket: the triggers made
 * ticket issue 12 % slower at saturation, and ticket issue must not get slower for the reports
 * (issue 12; figures in docs/PERFORMANCE.md "Reports"). `report_fold_marks` holds the last event
 * folded; main/node/db/ticket-folds.ts folds what follows it, and the hub does so every second and
 * before each report (main/node/hub/report-folds.ts). The folds are current when this runs (010's
 * triggers kept them, or 010 just rebuilt them), so the mark starts at the last event.
 *
 * The dossiers' folds keep their triggers: intake writes a handful of events per dossier, a few
 * hundred a day, and is not on a path where a citizen waits for the next number.
 */
export const migration011: Migration = {
  version: 11,
  name: 'ticket-folds-after',
  up(db) {
    // IF (NOT) EXISTS and OR REPLACE: a database set back to an earlier version by hand
    // (test/integration/setup) runs 010 and this again.
    db.exec(`
      DROP TRIGGER IF EXISTS report_ticket_turns_fold;
      DROP TRIGGER IF EXISTS report_ticket_waits_fold;
      CREATE TABLE IF NOT EXISTS report_fold_marks (
        log       TEXT PRIMARY KEY,
        folded_to INTEGER NOT NULL
      ) STRICT;
      INSERT OR REPLACE INTO report_fold_marks VALUES ('ticket_events', coalesce((SELECT max(id) FROM ticket_events), 0));
    `);
  },
};

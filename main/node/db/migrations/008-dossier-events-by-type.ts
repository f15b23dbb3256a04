import type { Migration } from '../migrate';

/**
 * The dossier reports read the history by kind of event and time — the receipts, first outcomes
 * and results of a period (main/node/db/report-store.ts). Without this index every report, even of
 * a month, read the whole history (3 million rows at a million dossiers: `npm run bench -- reports`).
 * Dossier events are written a few times per dossier, never on the ticket path.
 */
export const migration008: Migration = {
  version: 8,
  name: 'dossier-events-by-type',
  up(db) {
    // IF NOT EXISTS: a database set back to version 6 or 7 by hand (test/integration/setup) already has it.
    db.exec('CREATE INDEX IF NOT EXISTS dossier_events_by_type_at ON dossier_events(type, at)');
  },
};

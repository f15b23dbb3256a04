import { VN_OFFSET_MS } from '../../../core/vn-time';
import type { Migration } from '../migrate';

/**
 * The reports' folds of the logs (issue 12: a year of a busy centre in under a second). A year's
 * report read every event of the year — 600,000 ticket events, a million dossier events — at ~2 µs
 * each (`npm run bench -- reports`: 2.2 s and 4.3 s with migration 009's indexes). These tables
 * hold what the reports read of each ticket's and dossier's events, one row per ticket and day,
 * per waiting spell and per dossier, kept by triggers in the transaction that writes the event:
 *
 * - they are derived, never written by the application, and rebuilt from the logs by this
 *   migration (the logs stay the record: append-only, synced, recovered after a restore);
 * - a trigger sees every writer — intake, the counter, sync's feeds, the recovery of a restored
 *   hub (main/node/db/recovery-store.ts) — so no code path can forget one;
 * - they fold in the order the events are written (their ids), which is the order the reports
 *   read them in before.
 *
 * Each fold keeps what report-store.ts asked of the events before: a ticket's first issue, its
 * first and last call, its last start, whether it was moved, its last event; a waiting spell from
 * the event that put a ticket in a queue to its next event; a dossier's first event, first receipt
 * (the one that gave its code), first scan, first result, whether it was ever refused, its first
 * extension, and the dossier's columns the reports filter and score by (copied on change).
 *
 * Migration 009's ticket-event indexes served only the reports and go: each ticket event now writes
 * a fold row instead of two index entries (ticket issue before/after: docs/PERFORMANCE.md).
 */

/** A Vietnam day number (main/core/vn-time.ts `vnDayNumber`) of an instant in ms; NULL for NULL. */
const vnDay = (col: string) => `((${col} + ${VN_OFFSET_MS}) / 86400000)`;

/** The smaller of a and b, NULL standing for "none yet" (SQLite's min() of a NULL is NULL). */
const least = (a: string, b: string) => `CASE WHEN ${a} IS NULL OR ${b} < ${a} THEN ${b} ELSE ${a} END`;
const greatest = (a: string, b: string) => `CASE WHEN ${a} IS NULL OR ${b} > ${a} THEN ${b} ELSE ${a} END`;
/** The newer event's value: the one with the higher id (events are folded as they are written). */
const latest = (col: string) => `CASE WHEN excluded.last_id > last_id THEN excluded.${col} ELSE ${col} END`;

/**
 * How a ticket event merges into its turn: exported for the batches that fold the ticket events
 * since migration 011 (main/node/db/ticket-folds.ts), so both merge the same way.
 */
export const TURNS_MERGE = `
    ON CONFLICT (service_date, ticket_id) DO UPDATE SET
      issued_at = ${least('issued_at', 'excluded.issued_at')},
      issued_service_id = ${least('issued_service_id', 'excluded.issued_service_id')},
      first_called_at = ${least('first_called_at', 'excluded.first_called_at')},
      last_called_at = ${greatest('last_called_at', 'excluded.last_called_at')},
      started_at = ${greatest('started_at', 'excluded.started_at')},
      moved = max(moved, excluded.moved),
      continues = max(continues, excluded.continues),
      last_type = ${latest('last_type')}, last_at = ${latest('last_at')},
      last_counter_id = ${latest('last_counter_id')}, last_staff_id = ${latest('last_staff_id')},
      last_id = max(last_id, excluded.last_id)`;

const TICKET_TURNS = `
  CREATE TABLE report_ticket_turns (
    service_date      TEXT NOT NULL,
    ticket_id         TEXT NOT NULL,
    issued_at         INTEGER,
    issued_service_id TEXT,
    first_called_at   INTEGER,
    last_called_at    INTEGER,
    started_at        INTEGER,
    moved             INTEGER NOT NULL,
    continues         INTEGER NOT NULL,
    last_id           INTEGER NOT NULL,
    last_type         TEXT NOT NULL,
    last_at           INTEGER NOT NULL,
    last_counter_id   TEXT,
    last_staff_id     TEXT,
    PRIMARY KEY (service_date, ticket_id)
  ) STRICT, WITHOUT ROWID;
  CREATE TRIGGER report_ticket_turns_fold AFTER INSERT ON ticket_events BEGIN
    INSERT INTO report_ticket_turns VALUES (
      NEW.service_date, NEW.ticket_id,
      CASE WHEN NEW.type = 'issued' THEN NEW.at END, CASE WHEN NEW.type = 'issued' THEN NEW.service_id END,
      CASE WHEN NEW.type = 'called' THEN NEW.at END, CASE WHEN NEW.type = 'called' THEN NEW.at END,
      CASE WHEN NEW.type = 'started' THEN NEW.at END,
      NEW.type IN ('transferred', 'redirected'),
      NEW.type = 'issued' AND json_extract(NEW.data, '$.redirectedFrom') IS NOT NULL,
      NEW.id, NEW.type, NEW.at, NEW.counter_id, NEW.staff_id)
    ${TURNS_MERGE};
  END;`;

const TICKET_WAITS = `
  CREATE TABLE report_ticket_waits (
    service_date TEXT NOT NULL,
    service_id   TEXT NOT NULL,
    from_at      INTEGER NOT NULL,
    event_id     INTEGER NOT NULL,    -- the event that put the ticket in a queue: issued, transferred, returned
    ticket_id    TEXT NOT NULL,
    to_at        INTEGER,             -- the ticket's next event; NULL while it waits
    PRIMARY KEY (service_date, service_id, from_at, event_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX report_ticket_waits_open ON report_ticket_waits(ticket_id, service_date) WHERE to_at IS NULL;
  -- One trigger, the close before the open: SQLite does not promise an order between triggers. The
  -- day's term written +service_date: without statistics SQLite went through the primary key by
  -- day, every spell of the day for each event (a busy day's events took three times as long to
  -- write); this way it takes the open spells' index by ticket.
  CREATE TRIGGER report_ticket_waits_fold AFTER INSERT ON ticket_events BEGIN
    UPDATE report_ticket_waits SET to_at = NEW.at WHERE ticket_id = NEW.ticket_id AND +service_date = NEW.service_date AND to_at IS NULL;
    INSERT INTO report_ticket_waits (service_date, service_id, from_at, event_id, ticket_id)
      SELECT NEW.service_date, NEW.service_id, NEW.at, NEW.id, NEW.ticket_id WHERE NEW.type IN ('issued', 'transferred', 'returned');
  END;`;

const FIRST_EXTENSION = (dossierId: string, col: 'at' | 'previous_due') =>
  `(SELECT x.${col} FROM dossier_extensions x WHERE x.dossier_id = ${dossierId} ORDER BY x.at, x.rowid LIMIT 1)`;

const FACT_COLUMNS = `dossier_id, procedure_version_id, channel, officer_id, due_at, first_type, first_at, received_at, first_scan_at, refused, handled_at,
  first_extension_at, first_extension_previous_due, received_day, first_scan_day`;

const DOSSIER_FACTS = `
  CREATE TABLE report_dossier_facts (
    dossier_id                   TEXT PRIMARY KEY,
    procedure_version_id         TEXT NOT NULL,
    channel                      TEXT NOT NULL,
    officer_id                   TEXT NOT NULL,
    due_at                       INTEGER,
    first_type                   TEXT NOT NULL,
    first_at                     INTEGER NOT NULL,
    received_at                  INTEGER,
    first_scan_at                INTEGER,
    refused                      INTEGER NOT NULL,
    handled_at                   INTEGER,
    first_extension_at           INTEGER,
    first_extension_previous_due INTEGER,
    -- The days the receipts are counted by (digitised at intake: a scan by the end of the receipt day).
    -- Plain columns, not generated ones: SQLite reads an index holding a generated column through the table's rows.
    received_day                 INTEGER,
    first_scan_day               INTEGER
  ) STRICT, WITHOUT ROWID;
  -- In the receipts' grouping order: a year's 350,000 receipts are counted without a sort.
  CREATE INDEX report_dossier_facts_received ON report_dossier_facts(received_day, procedure_version_id, channel, first_scan_day, received_at, first_scan_at, officer_id) WHERE received_at IS NOT NULL;
  CREATE INDEX report_dossier_facts_first ON report_dossier_facts(first_at, first_type, refused, procedure_version_id, channel, officer_id);
  CREATE INDEX report_dossier_facts_handled ON report_dossier_facts(handled_at, received_at, due_at, first_extension_previous_due, procedure_version_id, channel, officer_id) WHERE handled_at IS NOT NULL;
  CREATE TRIGGER report_dossier_facts_fold AFTER INSERT ON dossier_events BEGIN
    INSERT INTO report_dossier_facts (${FACT_COLUMNS})
      SELECT d.id, d.procedure_version_id, d.channel, d.officer_id, d.due_at, NEW.type, NEW.at,
        CASE WHEN NEW.type = 'received' THEN NEW.at END, CASE WHEN NEW.type = 'file_attached' THEN NEW.at END,
        NEW.type = 'refused', CASE WHEN NEW.type = 'resultReady' THEN NEW.at END,
        ${FIRST_EXTENSION('d.id', 'at')}, ${FIRST_EXTENSION('d.id', 'previous_due')},
        ${vnDay("CASE WHEN NEW.type = 'received' THEN NEW.at END")}, ${vnDay("CASE WHEN NEW.type = 'file_attached' THEN NEW.at END")}
      FROM dossiers d WHERE d.id = NEW.dossier_id
    ON CONFLICT (dossier_id) DO UPDATE SET
      received_at = coalesce(received_at, excluded.received_at),
      received_day = coalesce(received_day, excluded.received_day),
      first_scan_day = CASE WHEN first_scan_at IS NULL OR excluded.first_scan_at < first_scan_at THEN excluded.first_scan_day ELSE first_scan_day END,
      first_scan_at = ${least('first_scan_at', 'excluded.first_scan_at')},
      refused = max(refused, excluded.refused),
      handled_at = coalesce(handled_at, excluded.handled_at);
  END;
  CREATE TRIGGER report_dossier_facts_extension AFTER INSERT ON dossier_extensions BEGIN
    UPDATE report_dossier_facts SET first_extension_at = NEW.at, first_extension_previous_due = NEW.previous_due
    WHERE dossier_id = NEW.dossier_id AND (first_extension_at IS NULL OR NEW.at < first_extension_at);
  END;
  CREATE TRIGGER report_dossier_facts_columns AFTER UPDATE OF procedure_version_id, channel, officer_id, due_at ON dossiers BEGIN
    UPDATE report_dossier_facts SET procedure_version_id = NEW.procedure_version_id, channel = NEW.channel, officer_id = NEW.officer_id, due_at = NEW.due_at
    WHERE dossier_id = NEW.id;
  END;`;

/** The folds of the logs already written, as the triggers would have made them. */
const BACKFILL = `
  INSERT INTO report_ticket_turns
    SELECT l.service_date, l.ticket_id, l.issued_at, l.issued_service_id, l.first_called_at, l.last_called_at, l.started_at, l.moved, l.continues,
      e.id, e.type, e.at, e.counter_id, e.staff_id
    FROM (SELECT service_date, ticket_id, max(id) AS last_id,
            min(CASE WHEN type = 'issued' THEN at END) AS issued_at,
            min(CASE WHEN type = 'issued' THEN service_id END) AS issued_service_id,
            min(CASE WHEN type = 'called' THEN at END) AS first_called_at,
            max(CASE WHEN type = 'called' THEN at END) AS last_called_at,
            max(CASE WHEN type = 'started' THEN at END) AS started_at,
            max(type IN ('transferred', 'redirected')) AS moved,
            max(type = 'issued' AND json_extract(data, '$.redirectedFrom') IS NOT NULL) AS continues
          FROM ticket_events GROUP BY service_date, ticket_id) l
    JOIN ticket_events e ON e.id = l.last_id;
  INSERT INTO report_ticket_waits (service_date, service_id, from_at, event_id, ticket_id, to_at)
    SELECT service_date, service_id, at, id, ticket_id, next_at FROM (
      SELECT id, type, ticket_id, service_date, service_id, at, lead(at) OVER (PARTITION BY service_date, ticket_id ORDER BY id) AS next_at FROM ticket_events)
    WHERE type IN ('issued', 'transferred', 'returned');
  INSERT INTO report_dossier_facts (${FACT_COLUMNS})
    SELECT *, ${vnDay('received_at')}, ${vnDay('first_scan_at')} FROM (
      SELECT d.id, d.procedure_version_id, d.channel, d.officer_id, d.due_at, f.type, f.at,
        (SELECT e.at FROM dossier_events e WHERE e.dossier_id = d.id AND e.type = 'received' ORDER BY e.id LIMIT 1) AS received_at,
        (SELECT min(e.at) FROM dossier_events e WHERE e.dossier_id = d.id AND e.type = 'file_attached') AS first_scan_at,
        EXISTS (SELECT 1 FROM dossier_events e WHERE e.dossier_id = d.id AND e.type = 'refused'),
        (SELECT e.at FROM dossier_events e WHERE e.dossier_id = d.id AND e.type = 'resultReady' ORDER BY e.id LIMIT 1),
        ${FIRST_EXTENSION('d.id', 'at')}, ${FIRST_EXTENSION('d.id', 'previous_due')}
      FROM dossiers d JOIN dossier_events f ON f.id = (SELECT min(e.id) FROM dossier_events e WHERE e.dossier_id = d.id));`;

export const migration010: Migration = {
  version: 10,
  name: 'report-folds',
  up(db) {
    // Dropped first: a database set back to an earlier version by hand (test/integration/setup)
    // runs this again, and the folds are rebuilt from the logs.
    db.exec(`
      DROP TRIGGER IF EXISTS report_ticket_turns_fold; DROP TRIGGER IF EXISTS report_ticket_waits_fold;
      DROP TRIGGER IF EXISTS report_dossier_facts_fold; DROP TRIGGER IF EXISTS report_dossier_facts_extension; DROP TRIGGER IF EXISTS report_dossier_facts_columns;
      DROP TABLE IF EXISTS report_ticket_turns; DROP TABLE IF EXISTS report_ticket_waits; DROP TABLE IF EXISTS report_dossier_facts;
      ${TICKET_TURNS}
      ${TICKET_WAITS}
      ${DOSSIER_FACTS}
      ${BACKFILL}
      DROP INDEX IF EXISTS ticket_events_for_reports;
      DROP INDEX IF EXISTS ticket_events_continuing;
      DROP INDEX IF EXISTS dossiers_for_reports;
    `);
  },
};
